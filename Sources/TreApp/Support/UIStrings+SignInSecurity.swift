import TreDomain

/// Words of the second factor, session and sign-in pages.
extension UIStrings {
    static let signInSecurity: [String: LocalizedText] = [
        "signInCode": .init(vi: "Mã xác thực", en: "Authentication code"),
        "signInCodeIntro": .init(
            vi: "Nhập mã 6 chữ số trong ứng dụng xác thực trên điện thoại, hoặc một mã khôi phục.",
            en: "Enter the 6-digit code from the authenticator app on your phone, or a recovery code."),
        "code": .init(vi: "Mã", en: "Code"),
        "confirm": .init(vi: "Xác nhận", en: "Confirm"),
        "secondFactor": .init(vi: "Xác thực hai lớp", en: "Two-step verification"),
        "secondFactorRequiredIntro": .init(
            vi:
                "Vai trò của bạn được xem hồ sơ của nhiều trẻ em, nên phải đăng nhập bằng mật khẩu và mã trên điện thoại. Hãy cài đặt trước khi tiếp tục.",
            en:
                "Your role sees the files of many children, so it signs in with a password and a code from a phone. Set it up before going on."
        ),
        "secondFactorSteps": .init(
            vi:
                "Mở ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…), thêm tài khoản bằng khóa bí mật dưới đây hoặc đường dẫn otpauth, rồi nhập mã 6 chữ số ứng dụng hiện ra.",
            en:
                "Open an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…), add an account with the secret key below or the otpauth link, then enter the 6-digit code it shows."
        ),
        "secretKey": .init(vi: "Khóa bí mật", en: "Secret key"),
        "otpauthLink": .init(vi: "Đường dẫn otpauth", en: "otpauth link"),
        "secondFactorOn": .init(
            vi: "Xác thực hai lớp đang bật. Số mã khôi phục chưa dùng:",
            en: "Two-step verification is on. Unused recovery codes:"),
        "secondFactorEnrolled": .init(vi: "Đã bật xác thực hai lớp.", en: "Two-step verification is on."),
        "recoveryCodes": .init(vi: "Mã khôi phục", en: "Recovery codes"),
        "recoveryCodesIntro": .init(
            vi:
                "Mỗi mã dùng được một lần, khi không có điện thoại. Hãy in hoặc chép ra giấy và cất nơi an toàn: trang này chỉ hiện một lần.",
            en:
                "Each code works once, when you do not have your phone. Print or write them down and keep them safe: this page is shown only once."
        ),
        "continue": .init(vi: "Tiếp tục", en: "Continue"),
        "mySessions": .init(vi: "Phiên đăng nhập của tôi", en: "My sessions"),
        "sessionStarted": .init(vi: "Bắt đầu", en: "Started"),
        "sessionLastSeen": .init(vi: "Hoạt động gần nhất", en: "Last seen"),
        "clientAddress": .init(vi: "Địa chỉ IP", en: "Address"),
        "browser": .init(vi: "Trình duyệt", en: "Browser"),
        "thisSession": .init(vi: "Phiên này", en: "This session"),
        "endSession": .init(vi: "Kết thúc", en: "End"),
        "endOtherSessions": .init(vi: "Kết thúc mọi phiên khác", en: "End all other sessions"),
        "resetSecondFactor": .init(vi: "Gỡ xác thực hai lớp", en: "Reset two-step verification"),
        "resetSecondFactorIntro": .init(
            vi: "Khi người dùng mất điện thoại: họ phải cài đặt lại ở lần đăng nhập sau; mọi phiên của họ kết thúc.",
            en: "When the person lost their phone: they set it up again at next sign-in; all their sessions end."),
        "signedOutNotice": .init(
            vi: "Bạn đã đăng xuất. Bản nháp lưu trên máy này đã được xóa.",
            en: "You are signed out. Drafts kept on this device were removed."),
    ]
}
