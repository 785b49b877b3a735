import Crypto
import Foundation
import Vapor

extension Request {
    /// The session's CSRF token, created on first use. Every form posts it back as `_csrf`.
    var csrfToken: String {
        if let token = session.data[SessionKeys.csrf] { return token }
        let token = (0..<24).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max)) }.joined()
        session.data[SessionKeys.csrf] = token
        return token
    }
}

/// Refuses a page form post whose `_csrf` field does not match the session's token. API routes are
/// exempt: they take no cookies, only bearer tokens, which another site cannot make a browser send.
struct CSRFMiddleware: AsyncMiddleware {
    /// Large enough for a commune's list of children uploaded as CSV (about 100,000 rows).
    static let maximumFormSize = 25 << 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !request.isAPI, request.route != nil, request.method != .GET, request.method != .HEAD else {
            return try await next.respond(to: request)
        }
        _ = try await request.body.collect(max: Self.maximumFormSize).get()
        let sent = (try? request.content.get(String.self, at: "_csrf")) ?? ""
        guard request.hasSession, let expected = request.session.data[SessionKeys.csrf],
            Self.constantTimeEqual(sent, expected)
        else {
            throw TreError.csrfRejected
        }
        return try await next.respond(to: request)
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
