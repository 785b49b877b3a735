import AsyncKit
import SQLiteNIO
import TreDomain
import Vapor

/// Turns every error into an answer in the reader's language: JSON `{"error": {"code", "message"}}`
/// under `/api`, an error page elsewhere. It keeps the real status and never shows internals.
struct TreErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let answer = ErrorAnswer(error)
            let (status, code, message) = (answer.status, answer.code, answer.message)
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            if status == .unauthorized && code == TreError.signInRequired.code && !request.isAPI {
                return request.redirect(to: AccountURL.login(next: request.url.string))
            }
            let response =
                request.isAPI
                ? try jsonError(status: status, code: code, message: message(request.language))
                : try await ErrorPage.render(status: status, message: message, on: request)
            if code == DatabaseBusy.code {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(DatabaseBusy.retryAfterSeconds))
            }
            // What the error says of itself (Allow on a 405) reaches the client too.
            if let error = error as? any AbortError {
                for (name, value) in error.headers where name.lowercased() != "content-type" {
                    response.headers.replaceOrAdd(name: name, value: value)
                }
            }
            return response
        }
    }
}

func jsonError(status: HTTPResponseStatus, code: String, message: String) throws -> Response {
    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }
        var error: Detail
    }
    let response = Response(status: status)
    try response.content.encode(Body(error: .init(code: code, message: message)), as: .json)
    return response
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix(SiteURL.apiPrefix) }
}

/// The database could not take the request in time (SQLite's write lock held past its busy timeout, no pooled
/// connection free in time): the request is refused whole, nothing of it is saved, and the client is told to
/// come back in a few seconds, rather than shown a server error.
enum DatabaseBusy {
    static let code = "busy"
    static let retryAfterSeconds = 5
    static let message = LocalizedText(
        vi: "Hệ thống đang bận, xin thử lại sau vài giây. Dữ liệu đã lưu không bị mất.",
        en: "Tre is busy; please try again in a few seconds. Nothing saved was lost.")

    static func matches(_ error: any Error) -> Bool {
        if let error = error as? ConnectionPoolTimeoutError, case .connectionRequestTimeout = error { return true }
        if let error = error as? SQLiteError { return [.busy, .locked].contains(error.reason) }
        return false
    }
}
