import TreDomain
import Vapor

/// The one place an error becomes an answer: the status that says why, a code a program can read and a
/// message in both languages. The error middleware (API JSON, error pages) and the refused-form helper
/// (`Request.submitting`) both ask here, so the same refusal has the same status everywhere.
struct ErrorAnswer {
    var status: HTTPStatus
    var code: String
    var message: LocalizedText

    init(status: HTTPStatus, code: String, message: LocalizedText) {
        self.status = status
        self.code = code
        self.message = message
    }

    init(_ error: any Error) {
        switch error {
        case let error as TreError:
            self.init(status: error.status, code: error.code, message: error.message)
        case let error as any LocalizedFailure:
            self.init(status: Self.status(of: error), code: error.code, message: error.message)
        case let error where DatabaseBusy.matches(error):
            self.init(status: .serviceUnavailable, code: DatabaseBusy.code, message: DatabaseBusy.message)
        case let error as DecodingError:
            let field = Self.field(of: error)
            self.init(
                status: .badRequest, code: "invalid_input",
                message: LocalizedText(
                    vi: "Dữ liệu gửi lên không đúng định dạng: \(field).",
                    en: "The data sent is not in the expected form: \(field)."))
        case let error as any AbortError where error.status == .notFound:
            self.init(status: .notFound, code: TreError.notFound.code, message: TreError.notFound.message)
        case let error as any AbortError where error.status.code < 500:
            self.init(
                status: error.status, code: "http_\(error.status.code)",
                message: LocalizedText(vi: "Yêu cầu không hợp lệ (\(error.status.code)).", en: error.reason))
        default:
            self.init(
                status: .internalServerError, code: "internal_error",
                message: LocalizedText(
                    vi: "Đã có lỗi phía máy chủ. Dữ liệu đã lưu không bị mất; hãy thử lại.",
                    en: "Something went wrong on the server. Nothing saved was lost; please try again."))
        }
    }

    /// A domain refusal's status: a clash with what is already stored is 409, a place outside the reader's
    /// jurisdiction 403, anything else the input's fault (422).
    private static func status(of failure: any LocalizedFailure) -> HTTPStatus {
        switch failure {
        case AccountError.usernameTaken: return .conflict
        case JurisdictionError.outsideJurisdiction: return .forbidden
        case ChildRegistryError.personalIDTaken, ChildRegistryError.probableDuplicate,
            ChildRegistryError.changedDuringImport:
            return .conflict
        // A periodic report's refusals are all about the state it is in (sent, approved, locked).
        case is PeriodicReportError: return .conflict
        default: return .unprocessableEntity
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
