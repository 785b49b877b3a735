import Fluent
import Foundation
import TreDomain
import Vapor

/// What it takes to create an account, from any door (page, API, command line).
struct NewAccount: Sendable {
    var username: String
    var password: String
    var fullName: String
    var role: Role
    var provinceCode: Int?
    var communeCode: Int?
    /// Accounts made by someone else start with a temporary password that must be changed.
    var mustChangePassword = true
}

/// Account operations. Each validates with the domain's rules, writes in one transaction together
/// with its audit entry, and throws a typed error a person can read.
struct AccountService: Sendable {
    var database: any Database
    var hashing: PasswordHashing
    /// The shipped list of common and leaked passwords.
    var commonPasswords = CommonPasswordsFile.shared

    func create(_ input: NewAccount, by actor: AuditActor) async throws -> UserAccount {
        let username = input.username.trimmingCharacters(in: .whitespaces).lowercased()
        try AccountRules.validateUsername(username)
        try AccountRules.validateFullName(input.fullName)
        try AccountRules.validatePassword(
            input.password, username: username, fullName: input.fullName, commonPasswords: commonPasswords)
        let jurisdiction = try await resolveJurisdiction(
            role: input.role, provinceCode: input.provinceCode, communeCode: input.communeCode)
        guard try await UserAccount.query(on: database).filter(\.$username == username).count() == 0 else {
            throw AccountError.usernameTaken
        }
        let account = UserAccount(
            username: username, fullName: VietnameseText.normalized(input.fullName), role: input.role,
            jurisdiction: jurisdiction, passwordHash: try await hashing.hash(input.password),
            mustChangePassword: input.mustChangePassword)
        try await database.writeTransaction { database in
            try await account.create(on: database)
            try await AuditLog.record(
                event(account, "account.created", details: "role=\(input.role.rawValue)"), by: actor, on: database)
        }
        return account
    }

    /// Checks a username and password from an address. An address that failed too often waits
    /// (`SignInThrottled`) and its attempt is not checked. An unknown username costs the same bcrypt
    /// verification and gets the same answer as a wrong password, so neither reveals who has an account.
    func authenticate(username: String, password: String, from address: String, now: Date = Date()) async throws
        -> UserAccount
    {
        let username = username.trimmingCharacters(in: .whitespaces).lowercased()
        let actor = AuditActor(id: nil, username: username, address: address)
        let throttling = SignInThrottling(database: database)
        try await throttling.admit(username: username, address: address, now: now)
        let account = try await UserAccount.query(on: database).filter(\.$username == username).first()
        let storedHash: String
        if let account { storedHash = account.passwordHash } else { storedHash = try await hashing.dummyHash() }
        let matches = try await hashing.verify(password, against: storedHash)
        guard let account, matches, !account.disabled else {
            let failed =
                account.map { event($0, "login.failed") }
                ?? AuditEvent(action: "login.failed", recordType: "account", jurisdiction: .nation, details: "unknown")
            try await database.writeTransaction { try await AuditLog.record(failed, by: actor, on: $0) }
            throw TreError.invalidCredentials
        }
        try await throttling.release(username: username, address: address, now: now)
        // With a second factor the sign-in is complete only after the code.
        let succeeded = event(account, account.hasSecondFactor ? "login.password_accepted" : "login.succeeded")
        let holder = AuditActor(id: account.id, username: username, address: address)
        try await database.writeTransaction { try await AuditLog.record(succeeded, by: holder, on: $0) }
        return account
    }

    /// The person's own change. Every other session of theirs ends and their API tokens are revoked:
    /// whoever knew the old password is out; `keeping` is the session the change was made from.
    func changePassword(
        _ account: UserAccount, current: String, new: String, keeping session: UUID?, by actor: AuditActor
    ) async throws {
        guard try await hashing.verify(current, against: account.passwordHash) else {
            throw TreError.invalidInput(
                LocalizedText(vi: "Mật khẩu hiện tại không đúng.", en: "The current password is not correct."))
        }
        try validateNewPassword(new, for: account)
        guard current != new else { throw AccountError.passwordUnchanged }
        account.passwordHash = try await hashing.hash(new)
        account.mustChangePassword = false
        try await saveEndingAccess(account, event(account, "account.password_changed"), keeping: session, by: actor)
    }

    /// An administrator sets a new temporary password, which the person must change at next login.
    /// Every session and token of theirs ends.
    func resetPassword(_ account: UserAccount, temporary: String, by actor: AuditActor) async throws {
        try validateNewPassword(temporary, for: account)
        account.passwordHash = try await hashing.hash(temporary)
        account.mustChangePassword = true
        try await saveEndingAccess(account, event(account, "account.password_reset"), keeping: nil, by: actor)
    }

    func validateNewPassword(_ password: String, for account: UserAccount) throws {
        try AccountRules.validatePassword(
            password, username: account.username, fullName: account.fullName, commonPasswords: commonPasswords)
    }

    private func saveEndingAccess(
        _ account: UserAccount, _ auditEvent: AuditEvent, keeping session: UUID?, by actor: AuditActor
    ) async throws {
        let userID = try account.requireID()
        try await database.writeTransaction { database in
            try await account.update(on: database)
            let others = AccountSession.query(on: database).filter(\.$user.$id == userID)
            if let session { others.filter(\.$id != session) }
            try await others.delete()
            try await APIToken.query(on: database).filter(\.$user.$id == userID).delete()
            try await AuditLog.record(auditEvent, by: actor, on: database)
        }
    }

    func setDisabled(_ account: UserAccount, _ disabled: Bool, by actor: AuditActor) async throws {
        guard account.id != actor.id else { throw AccountError.cannotChangeOwnAccess }
        account.disabled = disabled
        if disabled {
            try await APIToken.query(on: database).filter(\.$user.$id == account.requireID()).delete()
            try await AccountSession.query(on: database).filter(\.$user.$id == account.requireID()).delete()
        }
        try await save(account, event(account, disabled ? "account.disabled" : "account.enabled"), by: actor)
    }

    /// Changes the role and jurisdiction. Existing API tokens are revoked, since they were granted
    /// for the old scope.
    func rescope(_ account: UserAccount, role: Role, provinceCode: Int?, communeCode: Int?, by actor: AuditActor)
        async throws
    {
        guard account.id != actor.id else { throw AccountError.cannotChangeOwnAccess }
        let jurisdiction = try await resolveJurisdiction(
            role: role, provinceCode: provinceCode, communeCode: communeCode)
        let before = "\(account.role)@\(describe(account.jurisdiction))"
        account.role = role.rawValue
        account.jurisdiction = jurisdiction
        try await APIToken.query(on: database).filter(\.$user.$id == account.requireID()).delete()
        try await save(
            account,
            event(account, "account.rescoped", details: "\(before) -> \(role.rawValue)@\(describe(jurisdiction))"),
            by: actor)
    }

    /// Turns the codes typed into a jurisdiction the role allows, checking that the units exist.
    func resolveJurisdiction(role: Role, provinceCode: Int?, communeCode: Int?) async throws -> Jurisdiction {
        var commune: (provinceCode: Int, communeCode: Int)?
        if let communeCode {
            guard let found = try await UnitQueries.commune(code: communeCode, on: database) else {
                throw AccountError.unknownCommune
            }
            commune = (found.provinceCode, found.code)
        }
        if let provinceCode, try await UnitQueries.province(code: provinceCode, on: database) == nil {
            throw AccountError.unknownProvince
        }
        return try AccountRules.jurisdiction(for: role, provinceCode: provinceCode, commune: commune)
    }

    private func save(_ account: UserAccount, _ auditEvent: AuditEvent, by actor: AuditActor) async throws {
        try await database.writeTransaction { database in
            try await account.update(on: database)
            try await AuditLog.record(auditEvent, by: actor, on: database)
        }
    }

    private func event(_ account: UserAccount, _ action: String, details: String = "") -> AuditEvent {
        AuditEvent(
            action: action, recordType: "account", recordID: account.id?.uuidString, jurisdiction: account.jurisdiction,
            details: details)
    }

    private func describe(_ jurisdiction: Jurisdiction) -> String {
        switch jurisdiction {
        case .nation: "nation"
        case .province(let code): "province:\(code)"
        case .commune(_, let code): "commune:\(code)"
        }
    }
}

extension Request {
    var accounts: AccountService {
        AccountService(database: db, hashing: application.passwordHashing)
    }
}
