/// Rules an account must satisfy before it is saved, whoever creates it (web form, API or command line).
public enum AccountRules {
    public static let minimumPasswordLength = 10
    public static let maximumPasswordLength = 128
    public static let usernamePattern = "lowercase letters, digits, dot, dash or underscore; 3–40 characters"

    public static func validateUsername(_ username: String) throws(AccountError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (3...40).contains(username.count), username.allSatisfy({ allowed.contains($0) }) else {
            throw .invalidUsername
        }
    }

    public static func validatePassword(_ password: String, username: String) throws(AccountError) {
        guard password.count >= minimumPasswordLength else { throw .passwordTooShort(minimum: minimumPasswordLength) }
        guard password.count <= maximumPasswordLength else { throw .passwordTooLong(maximum: maximumPasswordLength) }
        guard password.lowercased() != username.lowercased() else { throw .passwordEqualsUsername }
    }

    /// Every rule for a password a person will use: length, not common, not built from their name.
    public static func validatePassword(
        _ password: String, username: String, fullName: String, commonPasswords: Set<String>
    ) throws(AccountError) {
        try validatePassword(password, username: username)
        try PasswordRules.check(password, username: username, fullName: fullName, commonPasswords: commonPasswords)
    }

    public static func validateFullName(_ fullName: String) throws(AccountError) {
        let trimmed = VietnameseText.normalized(fullName)
        guard !trimmed.isEmpty, trimmed.count <= 120 else { throw .invalidFullName }
    }

    /// The jurisdiction a role gets from the codes given; a role fixes the level, so a commune
    /// officer without a commune, or an administrator tied to a province, is refused.
    public static func jurisdiction(
        for role: Role,
        provinceCode: Int?,
        commune: (provinceCode: Int, communeCode: Int)?
    ) throws(AccountError) -> Jurisdiction {
        switch role.jurisdictionLevel {
        case .nation:
            guard provinceCode == nil, commune == nil else { throw .jurisdictionDoesNotFitRole(role) }
            return .nation
        case .province:
            guard let provinceCode, commune == nil else { throw .jurisdictionDoesNotFitRole(role) }
            return .province(provinceCode: provinceCode)
        case .commune:
            guard let commune else { throw .jurisdictionDoesNotFitRole(role) }
            if let provinceCode, provinceCode != commune.provinceCode { throw .communeNotInProvince }
            return .commune(provinceCode: commune.provinceCode, communeCode: commune.communeCode)
        }
    }
}

public enum AccountError: Error, Equatable, Sendable, LocalizedFailure {
    case invalidUsername
    case usernameTaken
    case invalidFullName
    case passwordTooShort(minimum: Int)
    case passwordTooLong(maximum: Int)
    case passwordEqualsUsername
    case passwordUnchanged
    case jurisdictionDoesNotFitRole(Role)
    case communeNotInProvince
    case unknownProvince
    case unknownCommune
    case cannotChangeOwnAccess
    case passwordTooCommon
    case passwordContainsName

    public var code: String {
        switch self {
        case .invalidUsername: "invalid_username"
        case .usernameTaken: "username_taken"
        case .invalidFullName: "invalid_full_name"
        case .passwordTooShort: "password_too_short"
        case .passwordTooLong: "password_too_long"
        case .passwordEqualsUsername: "password_equals_username"
        case .passwordUnchanged: "password_unchanged"
        case .jurisdictionDoesNotFitRole: "jurisdiction_does_not_fit_role"
        case .communeNotInProvince: "commune_not_in_province"
        case .unknownProvince: "unknown_province"
        case .unknownCommune: "unknown_commune"
        case .cannotChangeOwnAccess: "cannot_change_own_access"
        case .passwordTooCommon: "password_too_common"
        case .passwordContainsName: "password_contains_name"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .invalidUsername:
            LocalizedText(
                vi:
                    "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới; dài 3–40 ký tự.",
                en: "Username: \(AccountRules.usernamePattern).")
        case .usernameTaken:
            LocalizedText(vi: "Tên đăng nhập này đã có người dùng.", en: "This username is already taken.")
        case .invalidFullName:
            LocalizedText(
                vi: "Họ và tên không được để trống (tối đa 120 ký tự).",
                en: "Full name is required (at most 120 characters).")
        case .passwordTooShort(let minimum):
            LocalizedText(
                vi: "Mật khẩu phải có ít nhất \(minimum) ký tự.",
                en: "The password must have at least \(minimum) characters.")
        case .passwordTooLong(let maximum):
            LocalizedText(
                vi: "Mật khẩu dài tối đa \(maximum) ký tự.", en: "The password may have at most \(maximum) characters.")
        case .passwordEqualsUsername:
            LocalizedText(vi: "Mật khẩu không được trùng tên đăng nhập.", en: "The password may not be the username.")
        case .passwordUnchanged:
            LocalizedText(
                vi: "Mật khẩu mới phải khác mật khẩu tạm thời.",
                en: "The new password must differ from the temporary one.")
        case .jurisdictionDoesNotFitRole(let role):
            switch role.jurisdictionLevel {
            case .nation:
                LocalizedText(
                    vi: "Vai trò \(role.label.vi) thuộc cấp quốc gia: không chọn tỉnh hay xã.",
                    en: "The role \(role.label.en) is national: choose no province or commune.")
            case .province:
                LocalizedText(
                    vi: "Vai trò \(role.label.vi) cần chọn đúng một tỉnh (không chọn xã).",
                    en: "The role \(role.label.en) needs exactly one province (and no commune).")
            case .commune:
                LocalizedText(
                    vi: "Vai trò \(role.label.vi) cần chọn một xã.", en: "The role \(role.label.en) needs a commune.")
            }
        case .communeNotInProvince:
            LocalizedText(
                vi: "Xã đã chọn không thuộc tỉnh đã chọn.", en: "The commune chosen is not in the province chosen.")
        case .unknownProvince:
            LocalizedText(vi: "Không có tỉnh với mã này.", en: "There is no province with this code.")
        case .unknownCommune:
            LocalizedText(vi: "Không có xã với mã này.", en: "There is no commune with this code.")
        case .cannotChangeOwnAccess:
            LocalizedText(
                vi: "Không thể tự khóa hoặc đổi phạm vi tài khoản của chính mình.",
                en: "You cannot disable or re-scope your own account.")
        case .passwordTooCommon:
            LocalizedText(
                vi:
                    "Mật khẩu này quá phổ biến (có trong danh sách mật khẩu hay bị dò hoặc đã bị lộ). Hãy chọn mật khẩu khác.",
                en: "This password is too common (it is on a list of guessed or leaked passwords). Choose another.")
        case .passwordContainsName:
            LocalizedText(
                vi:
                    "Mật khẩu không được chỉ gồm tên đăng nhập hoặc họ tên của bạn (kể cả thêm số). Hãy chọn mật khẩu khác.",
                en: "The password may not be made of your username or your name (even with digits). Choose another.")
        }
    }
}
