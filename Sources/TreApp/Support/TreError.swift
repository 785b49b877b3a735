import TreDomain
import Vapor

/// An error with an HTTP status and a message in both languages, raised by the web layer itself
/// (domain failures are `LocalizedFailure`s and are mapped the same way).
struct TreError: Error, LocalizedFailure, AbortError {
    var status: HTTPResponseStatus
    var code: String
    var message: LocalizedText

    var reason: String { message.en }

    static let signInRequired = TreError(
        status: .unauthorized, code: "sign_in_required",
        message: LocalizedText(vi: "Bạn cần đăng nhập.", en: "You need to sign in."))
    static let invalidCredentials = TreError(
        status: .unauthorized, code: "invalid_credentials",
        message: LocalizedText(
            vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "The username or password is not correct."))
    static let accountLocked = TreError(
        status: .unauthorized, code: "account_locked",
        message: LocalizedText(
            vi: "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau 15 phút.",
            en: "The account is locked after repeated failed logins. Try again in 15 minutes."))
    static let passwordChangeRequired = TreError(
        status: .forbidden, code: "password_change_required",
        message: LocalizedText(
            vi: "Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.",
            en: "You must change your temporary password before going on."))
    static let forbidden = TreError(
        status: .forbidden, code: "forbidden",
        message: LocalizedText(
            vi: "Bạn không có quyền truy cập nội dung này.", en: "You are not allowed to access this."))
    static let notFound = TreError(
        status: .notFound, code: "not_found",
        message: LocalizedText(vi: "Không tìm thấy.", en: "Not found."))
    static let csrfRejected = TreError(
        status: .forbidden, code: "csrf_rejected",
        message: LocalizedText(
            vi: "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và gửi lại.",
            en: "The form has expired or is not valid. Reload the page and send it again."))

    static func invalidInput(_ detail: LocalizedText) -> TreError {
        TreError(status: .badRequest, code: "invalid_input", message: detail)
    }
}

extension AccountError {
    var status: HTTPResponseStatus {
        switch self {
        case .usernameTaken: .conflict
        default: .unprocessableEntity
        }
    }
}
