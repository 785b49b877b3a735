import Fluent
import Foundation
import Vapor

struct CreateChildImportBatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ChildImportBatch.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("default_commune", .int)
            .field("file_name", .string, .required)
            .field("content", .string, .required)
            .field("status", .string, .required)
            .field("row_count", .int, .required)
            .field("failure", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChildImportBatch.schema).delete()
    }
}
