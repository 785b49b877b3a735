import Fluent
import Foundation
import TreDomain

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserAccount.schema)
            .id()
            .field("username", .string, .required)
            .field("full_name", .string, .required)
            .field("full_name_folded", .string, .required)
            .field("role", .string, .required)
            .field("province_code", .int)
            .field("commune_code", .int)
            .field("password_hash", .string, .required)
            .field("must_change_password", .bool, .required)
            .field("disabled", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserAccount.schema).delete()
    }
}
