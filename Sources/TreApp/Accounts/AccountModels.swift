import Fluent
import Foundation
import TreDomain

/// A person's account. Its jurisdiction is stored as the province and commune codes it is tied to;
/// both are empty for a national account.
final class UserAccount: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "full_name_folded") var fullNameFolded: String
    @Field(key: "role") var role: String
    @OptionalField(key: "province_code") var provinceCode: Int?
    @OptionalField(key: "commune_code") var communeCode: Int?
    @Field(key: "password_hash") var passwordHash: String
    /// A temporary password (set by an administrator or printed at first start) must be changed.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    /// The TOTP secret (base32) once the person has confirmed a first code; nil without a second factor.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_enrolled_at") var totpEnrolledAt: Date?
    /// The last 30-second step whose code was accepted: no code of it or before is accepted again.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        username: String, fullName: String, role: Role, jurisdiction: Jurisdiction, passwordHash: String,
        mustChangePassword: Bool
    ) {
        self.username = username
        self.fullName = fullName
        self.fullNameFolded = VietnameseText.folded(fullName)
        self.role = role.rawValue
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChangePassword
        self.disabled = false
        self.failedLogins = 0
        self.jurisdiction = jurisdiction
    }

    var roleValue: Role { Role(rawValue: role) ?? .communeOfficer }

    var hasSecondFactor: Bool { totpSecret != nil }

    var jurisdiction: Jurisdiction {
        get { Jurisdiction(storedProvince: provinceCode, commune: communeCode) }
        set {
            provinceCode = newValue.provinceCode
            communeCode = newValue.communeCode
        }
    }
}

extension Jurisdiction {
    /// An account's jurisdiction from the codes stored with it: none for the nation.
    init(storedProvince province: Int?, commune: Int?) {
        switch (province, commune) {
        case (let province?, let commune?): self = .commune(provinceCode: province, communeCode: commune)
        case (let province?, nil): self = .province(provinceCode: province)
        default: self = .nation
        }
    }
}

/// A bearer token for API clients. Only its SHA-256 is stored, so a copy of the database gives no access.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
