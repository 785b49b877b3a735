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
    static let secondFactorRequired = TreError(
        status: .forbidden, code: "second_factor_required",
        message: LocalizedText(
            vi: "Vai trò của bạn cần xác thực hai lớp. Hãy đăng nhập trên trình duyệt và cài đặt mã xác thực trước.",
            en: "Your role requires a second factor. Sign in in a browser and set up an authenticator first."))
    static let invalidSecondFactorCode = TreError(
        status: .unauthorized, code: "invalid_code",
        message: LocalizedText(
            vi: "Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.",
            en: "The code is not correct, has expired or was already used."))
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
