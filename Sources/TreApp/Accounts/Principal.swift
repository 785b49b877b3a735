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

    init(
        userID: UUID, username: String, fullName: String, role: Role, jurisdiction: Jurisdiction,
        mustChangePassword: Bool
    ) {
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
}

/// Loads the principal: API requests by `Authorization: Bearer`, pages by the session cookie.
/// A disabled account, an expired token or a session older than its lifetime loads nobody.
struct PrincipalMiddleware: AsyncMiddleware {
    static let sessionLifetime: TimeInterval = 10 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            if let bearer = request.headers.bearerAuthorization {
                request.principal = try await APITokens.principal(for: bearer.token, on: request.db)
            }
        } else if request.hasSession, let id = request.session.data[SessionKeys.userID].flatMap(UUID.init(uuidString:))
        {
            let signedInAt = request.session.data[SessionKeys.signedInAt].flatMap(Double.init) ?? 0
            if Date().timeIntervalSince1970 - signedInAt < Self.sessionLifetime,
                let account = try await UserAccount.find(id, on: request.db), !account.disabled
            {
                request.principal = try Principal(account)
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}
