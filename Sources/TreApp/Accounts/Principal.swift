import Fluent
import Foundation
import TreDomain
import Vapor

/// Who is making a request: loaded once per request from the session (pages) or the bearer token (API).
struct Principal: Sendable {
    var userID: UUID
    var username: String
    var fullName: String
    var role: Role
    var jurisdiction: Jurisdiction
    var mustChangePassword: Bool
    /// The role requires a second factor and the person has not enrolled one yet.
    var needsSecondFactor = false
    /// The `AccountSession` of a signed-in browser; nil for API tokens.
    var sessionID: UUID?

    init(
        userID: UUID, username: String, fullName: String, role: Role, jurisdiction: Jurisdiction,
        mustChangePassword: Bool, needsSecondFactor: Bool = false
    ) {
        self.needsSecondFactor = needsSecondFactor
        self.userID = userID
        self.username = username
        self.fullName = fullName
        self.role = role
        self.jurisdiction = jurisdiction
        self.mustChangePassword = mustChangePassword
    }

    init(_ account: UserAccount) throws {
        self.userID = try account.requireID()
        self.username = account.username
        self.fullName = account.fullName
        self.role = account.roleValue
        self.jurisdiction = account.jurisdiction
        self.mustChangePassword = account.mustChangePassword
        self.needsSecondFactor = account.roleValue.requiresSecondFactor && !account.hasSecondFactor
    }
}

private struct PrincipalKey: StorageKey {
    typealias Value = Principal
}

extension Request {
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The signed-in principal; routes behind a signed-in access can rely on it.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw TreError.signInRequired }
        return principal
    }
}

enum SessionKeys {
    static let userID = "user"
    static let signedInAt = "at"
    static let csrf = "csrf"
    /// The `AccountSession` row this browser's sign-in is recorded as.
    static let accountSession = "sid"
    /// Password accepted, second factor not yet: who, since when, and where to go afterwards.
    static let pendingUserID = "pending"
    static let pendingSince = "pendingAt"
    static let pendingNext = "pendingNext"
    /// A TOTP secret shown on the enrolment page, not yet confirmed by a code.
    static let enrolmentSecret = "totpNew"
}

/// Loads the principal: API requests by `Authorization: Bearer`, pages by the session cookie.
/// A disabled account, an expired token, a session older than its lifetime or one whose
/// `AccountSession` was ended (sign-out elsewhere, password change) loads nobody.
struct PrincipalMiddleware: AsyncMiddleware {
    static let sessionLifetime: TimeInterval = 10 * 3600
    /// "Last seen" is written at most this often, not on every request.
    static let lastSeenResolution: TimeInterval = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            if let bearer = request.headers.bearerAuthorization {
                request.principal = try await APITokens.principal(for: bearer.token, on: request.db)
            }
        } else if request.hasSession, let id = request.session.data[SessionKeys.userID].flatMap(UUID.init(uuidString:))
        {
            let signedInAt = request.session.data[SessionKeys.signedInAt].flatMap(Double.init) ?? 0
            let sessionID = request.session.data[SessionKeys.accountSession].flatMap(UUID.init(uuidString:))
            let now = Date()
            if now.timeIntervalSince1970 - signedInAt < Self.sessionLifetime, let sessionID,
                let record = try await AccountSession.query(on: request.db).filter(\.$id == sessionID)
                    .filter(\.$user.$id == id).first(),
                let account = try await UserAccount.find(id, on: request.db), !account.disabled
            {
                var principal = try Principal(account)
                principal.sessionID = sessionID
                request.principal = principal
                if now.timeIntervalSince(record.lastSeenAt) > Self.lastSeenResolution {
                    record.lastSeenAt = now
                    record.address = request.clientAddress
                    try await record.update(on: request.db)
                }
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}
