import Fluent
import Foundation
import TreDomain
import Vapor

struct CreateCallerFlags: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CallerFlag.schema)
            .id()
            .field("caller_identifier", .string, .required)
            .field("kind", .string, .required)
            .field("note", .string, .required)
            .field("expires_on", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CallerFlag.schema).delete()
    }
}
