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
            let (status, code, message) = describe(error, for: request)
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            if status == .unauthorized && code == TreError.signInRequired.code && !request.isAPI {
                return request.redirect(to: Paths.login(next: request.url.string))
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

    private func describe(_ error: any Error, for request: Request) -> (HTTPResponseStatus, String, LocalizedText) {
        switch error {
        case let error as TreError:
            return (error.status, error.code, error.message)
        case let error as AccountError:
            return (error.status, error.code, error.message)
        case let error as ChildAccessError:
            return (error.status, error.code, error.message)
        case let error as PeriodicReportError where error.code == "period_locked":
            return (.conflict, error.code, error.message)
        case let error as any LocalizedFailure:
            return (.unprocessableEntity, error.code, error.message)
        case let error where DatabaseBusy.matches(error):
            return (.serviceUnavailable, DatabaseBusy.code, DatabaseBusy.message)
        case let error as DecodingError:
            return (
                .badRequest, "invalid_input",
                LocalizedText(
                    vi: "Dữ liệu gửi lên không đúng định dạng: \(Self.field(of: error)).",
                    en: "The data sent is not in the expected form: \(Self.field(of: error)).")
            )
        case let error as any AbortError where error.status == .notFound:
            return (.notFound, TreError.notFound.code, TreError.notFound.message)
        case let error as any AbortError where error.status.code < 500:
            return (
                error.status, "http_\(error.status.code)",
                LocalizedText(vi: "Yêu cầu không hợp lệ (\(error.status.code)).", en: error.reason)
            )
        default:
            return (
                .internalServerError, "internal_error",
                LocalizedText(
                    vi: "Đã có lỗi phía máy chủ. Dữ liệu đã lưu không bị mất; hãy thử lại.",
                    en: "Something went wrong on the server. Nothing saved was lost; please try again.")
            )
        }
    }

    private static func field(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.map(\.stringValue).joined(separator: ".")
        @unknown default: "?"
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
    var isAPI: Bool { url.path.hasPrefix("/api/") }
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
