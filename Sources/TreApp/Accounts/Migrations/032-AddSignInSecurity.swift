import Fluent
import Foundation
import SQLKit

/// Throttling, sessions a person can see and end, and the TOTP second factor.
struct AddSignInSecurity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SignInThrottleRecord.schema)
            .id()
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .field("blocked_until", .datetime, .required)
            .unique(on: "key")
            .create()
        try await database.schema(AccountSession.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id", onDelete: .cascade))
            .field("started_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("address", .string, .required)
            .field("user_agent", .string, .required)
            .create()
        try await database.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            // Every page request finds its session by id; these serve "my sessions" and revocation.
            try await sql.createIndex("account_sessions_user", on: AccountSession.schema, columns: ["user_id"])
            try await sql.createIndex("recovery_codes_user", on: RecoveryCode.schema, columns: ["user_id"])
        }
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema(UserAccount.schema).field("totp_secret", .string).update()
        try await database.schema(UserAccount.schema).field("totp_enrolled_at", .datetime).update()
        try await database.schema(UserAccount.schema).field("totp_last_step", .int64).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserAccount.schema).deleteField("totp_last_step").update()
        try await database.schema(UserAccount.schema).deleteField("totp_enrolled_at").update()
        try await database.schema(UserAccount.schema).deleteField("totp_secret").update()
        try await database.schema(RecoveryCode.schema).delete()
        try await database.schema(AccountSession.schema).delete()
        try await database.schema(SignInThrottleRecord.schema).delete()
    }
}
