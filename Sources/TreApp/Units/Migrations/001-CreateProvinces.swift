import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateProvinces: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Province.schema)
            .id()
            .field("code", .int, .required)
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("kind", .string, .required)
            .field("valid_from", .datetime, .required)
            .field("valid_to", .datetime)
            .unique(on: "code", "valid_from")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Province.schema).delete()
    }
}
