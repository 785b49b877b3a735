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
