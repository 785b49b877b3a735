import Fluent
import Foundation
import SQLKit
import TreDomain
import Vapor

struct CreateCaseNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseNotification.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("case_id", .uuid, .required, .references(ProtectionCase.schema, "id"))
            .field("kind", .string, .required)
            .field("message_vi", .string, .required)
            .field("message_en", .string, .required)
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "case_notifications_user_idx").on(CaseNotification.schema)
                .column("user_id").column("created_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseNotification.schema).delete()
    }
}
