import Fluent
import Foundation
import TreDomain
import Vapor

/// The TOTP second factor and its recovery codes: enrol, check at sign-in, reset by an administrator.
struct SecondFactorService: Sendable {
    var database: any Database
    var clock: SignInClock

    /// Checks a code or recovery code typed after the password. Failures count towards the same
    /// throttle as passwords, and an address that must wait is not checked at all.
    func verify(_ account: UserAccount, typed: String, from address: String) async throws {
        let throttling = SignInThrottling(database: database)
        let now = clock.now()
        try await throttling.admit(username: account.username, address: address, now: now)
        let actor = AuditActor(id: account.id, username: account.username, address: address)
        let succeeded = event(account, "login.succeeded", details: "")
        let accepted = try await database.writeTransaction { database in
            guard let method = try await accept(account, typed: typed, on: database) else { return false }
            var entry = succeeded
            entry.details = method
            try await AuditLog.record(entry, by: actor, on: database)
            return true
        }
        if accepted {
            try await throttling.release(username: account.username, address: address, now: now)
            return
        }
        let failed = event(account, "login.second_factor_failed")
        try await database.writeTransaction { try await AuditLog.record(failed, by: actor, on: $0) }
        throw TreError.invalidSecondFactorCode
    }

    /// "totp" or "recovery code" when the typed text is accepted (and then spent), else nil.
    private func accept(_ account: UserAccount, typed: String, on database: any Database) async throws -> String? {
        guard let secret = account.totpSecret, let totp = TOTP(base32: secret) else { return nil }
        if let step = totp.matchingStep(typed, at: clock.now(), lastUsedStep: account.totpLastStep) {
            account.totpLastStep = step
            try await account.update(on: database)
            return "totp"
        }
        let userID = try account.requireID()
        let hash = RecoveryCodes.hash(typed)
        guard
            let code = try await RecoveryCode.query(on: database).filter(\.$user.$id == userID)
                .filter(\.$codeHash == hash).filter(\.$usedAt == nil).first()
        else { return nil }
        code.usedAt = Date()
        try await code.update(on: database)
        return "recovery code"
    }

    /// Confirms the secret shown on the enrolment page with a code from the app, stores it, and
    /// returns ten fresh recovery codes to be shown once.
    func enrol(_ account: UserAccount, secret: String, typed: String, by actor: AuditActor) async throws -> [String] {
        guard let totp = TOTP(base32: secret), let step = totp.matchingStep(typed, at: clock.now(), lastUsedStep: nil)
        else { throw TreError.invalidSecondFactorCode }
        let userID = try account.requireID()
        let codes = RecoveryCodes.generate()
        account.totpSecret = Base32.encode(totp.secret)
        account.totpEnrolledAt = Date()
        account.totpLastStep = step
        try await database.writeTransaction { database in
            try await account.update(on: database)
            try await RecoveryCode.query(on: database).filter(\.$user.$id == userID).delete()
            for code in codes {
                try await RecoveryCode(userID: userID, codeHash: RecoveryCodes.hash(code)).create(on: database)
            }
            try await AuditLog.record(event(account, "account.second_factor_enrolled"), by: actor, on: database)
        }
        return codes
    }

    /// An administrator removes a lost second factor: the person enrols again at next sign-in.
    /// Their sessions and tokens end, in case the phone went with the password.
    func reset(_ account: UserAccount, by actor: AuditActor) async throws {
        let userID = try account.requireID()
        account.totpSecret = nil
        account.totpEnrolledAt = nil
        account.totpLastStep = nil
        try await database.writeTransaction { database in
            try await account.update(on: database)
            try await RecoveryCode.query(on: database).filter(\.$user.$id == userID).delete()
            try await AccountSession.query(on: database).filter(\.$user.$id == userID).delete()
            try await APIToken.query(on: database).filter(\.$user.$id == userID).delete()
            try await AuditLog.record(event(account, "account.second_factor_reset"), by: actor, on: database)
        }
    }

    func unusedRecoveryCodes(_ account: UserAccount) async throws -> Int {
        try await RecoveryCode.query(on: database).filter(\.$user.$id == account.requireID())
            .filter(\.$usedAt == nil).count()
    }

    private func event(_ account: UserAccount, _ action: String, details: String = "") -> AuditEvent {
        AuditEvent(
            action: action, recordType: "account", recordID: account.id?.uuidString, jurisdiction: account.jurisdiction,
            details: details)
    }
}

/// The browsers a person is signed in on.
enum AccountSessions {
    /// Records a new sign-in and ties the (fresh) Vapor session to it.
    static func start(_ account: UserAccount, on request: Request) async throws {
        let userAgent = String((request.headers.first(name: .userAgent) ?? "").prefix(300))
        let record = AccountSession(
            userID: try account.requireID(), address: request.clientAddress, userAgent: userAgent, now: Date())
        try await record.create(on: request.db)
        request.session.data[SessionKeys.userID] = try account.requireID().uuidString
        request.session.data[SessionKeys.signedInAt] = String(Date().timeIntervalSince1970)
        request.session.data[SessionKeys.accountSession] = try record.requireID().uuidString
    }

    /// Signing out removes this browser's session record, so the session cannot be used again.
    static func signOut(_ principal: Principal, on database: any Database) async throws {
        guard let session = principal.sessionID else { return }
        try await AccountSession.query(on: database).filter(\.$id == session)
            .filter(\.$user.$id == principal.userID).delete()
    }

    /// Ends one of the person's own sessions (or every other one), audited.
    static func end(
        of principal: Principal, only session: UUID?, by actor: AuditActor, on database: any Database
    ) async throws {
        try await database.writeTransaction { database in
            let query = AccountSession.query(on: database).filter(\.$user.$id == principal.userID)
            if let session {
                query.filter(\.$id == session)
            } else if let current = principal.sessionID {
                query.filter(\.$id != current)
            }
            try await query.delete()
            try await AuditLog.record(
                AuditEvent(
                    action: "account.sessions_ended", recordType: "account", recordID: principal.userID.uuidString,
                    jurisdiction: principal.jurisdiction, details: session.map { "session=\($0)" } ?? "others"),
                by: actor, on: database)
        }
    }
}

extension Request {
    var secondFactor: SecondFactorService {
        SecondFactorService(database: db, clock: application.signInClock)
    }
}
