/// Why a child's record cannot be saved as entered, in both languages, naming the field.
public enum ChildRecordError: Error, Equatable, Sendable, LocalizedFailure {
    case nameWithoutLetters
    case nameTooLong(maximum: Int)
    case impossibleBirthDate
    case birthDateInFuture
    case personalIDMalformed
    case personalIDUnknownProvince
    case personalIDDisagreesWithSex
    case personalIDDisagreesWithBirthYear(encoded: Int)

    public var field: String {
        switch self {
        case .nameWithoutLetters, .nameTooLong: "fullName"
        case .impossibleBirthDate, .birthDateInFuture: "dateOfBirth"
        case .personalIDMalformed, .personalIDUnknownProvince, .personalIDDisagreesWithSex,
            .personalIDDisagreesWithBirthYear:
            "personalId"
        }
    }

    public var code: String {
        switch self {
        case .nameWithoutLetters: "name_without_letters"
        case .nameTooLong: "name_too_long"
        case .impossibleBirthDate: "impossible_birth_date"
        case .birthDateInFuture: "birth_date_in_future"
        case .personalIDMalformed: "personal_id_malformed"
        case .personalIDUnknownProvince: "personal_id_unknown_province"
        case .personalIDDisagreesWithSex: "personal_id_disagrees_with_sex"
        case .personalIDDisagreesWithBirthYear: "personal_id_disagrees_with_birth_year"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .nameWithoutLetters:
            LocalizedText(vi: "Họ và tên phải có chữ cái.", en: "The full name must contain letters.")
        case .nameTooLong(let maximum):
            LocalizedText(
                vi: "Họ và tên dài tối đa \(maximum) ký tự.",
                en: "The full name may have at most \(maximum) characters.")
        case .impossibleBirthDate:
            LocalizedText(
                vi: "Ngày sinh không có thật trên lịch.", en: "The date of birth is not a real calendar date.")
        case .birthDateInFuture:
            LocalizedText(vi: "Ngày sinh không được ở tương lai.", en: "The date of birth cannot be in the future.")
        case .personalIDMalformed:
            LocalizedText(
                vi: "Số định danh cá nhân phải gồm đúng 12 chữ số.",
                en: "The personal identification number must have exactly 12 digits.")
        case .personalIDUnknownProvince:
            LocalizedText(
                vi: "Ba chữ số đầu của số định danh không phải mã tỉnh nơi đăng ký khai sinh.",
                en:
                    "The first three digits of the personal identification number are not a birth-registration province code."
            )
        case .personalIDDisagreesWithSex:
            LocalizedText(
                vi: "Chữ số thứ tư của số định danh không khớp với giới tính.",
                en: "The fourth digit of the personal identification number does not match the sex.")
        case .personalIDDisagreesWithBirthYear(let encoded):
            LocalizedText(
                vi: "Số định danh ghi năm sinh \(encoded), khác với năm sinh đã nhập.",
                en: "The personal identification number encodes the birth year \(encoded), not the one entered.")
        }
    }
}

/// Checks a child's name as typed: composed, trimmed, with letters, and of a sensible length.
public enum ChildNameRules {
    public static let maximumLength = 150

    public static func validate(_ fullName: String) throws(ChildRecordError) -> PersonName {
        // Bytes first: a 10 MB paste is refused without counting its characters.
        guard fullName.utf8.count <= maximumLength * 16 else { throw .nameTooLong(maximum: maximumLength) }
        let name = PersonName(fullName: fullName)
        guard name.fullName.count <= maximumLength else { throw .nameTooLong(maximum: maximumLength) }
        guard name.fullName.contains(where: \.isLetter) else { throw .nameWithoutLetters }
        return name
    }
}
