import Fluent
import Foundation
import SQLKit

/// Failed sign-ins counted under one key, `pair:<username>|<address>` or `address:<address>`, in the
/// database so that every app node behind the proxy sees the same count.
final class SignInThrottleRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_throttles"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date
    @Field(key: "blocked_until") var blockedUntil: Date

    init() {}

    init(key: String, failures: Int, lastFailureAt: Date, blockedUntil: Date) {
        self.key = key
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.blockedUntil = blockedUntil
    }
}

/// One signed-in browser of a person. The Vapor session holds this row's id; a session whose row is
/// gone loads nobody, which is how a password change or "end this session" reaches every app node.
final class AccountSession: Model, @unchecked Sendable {
    static let schema = "account_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "address") var address: String
    @Field(key: "user_agent") var userAgent: String

    init() {}

    init(userID: UUID, address: String, userAgent: String, now: Date) {
        self.$user.id = userID
        self.startedAt = now
        self.lastSeenAt = now
        self.address = address
        self.userAgent = userAgent
    }
}

/// A single-use recovery code of a person's second factor, stored as its SHA-256 (each has about
/// 60 random bits, so a fast hash is enough).
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, codeHash: String) {
        self.$user.id = userID
        self.codeHash = codeHash
    }
}

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
