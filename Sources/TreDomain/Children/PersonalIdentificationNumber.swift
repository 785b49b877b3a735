/// Số định danh cá nhân: the 12-digit personal identification number (also on the citizen identity card).
///
/// Digits 1–3 are the code of the province where the birth was registered (the 63 provinces before 2025),
/// digit 4 encodes century and sex (0/1: 1900s male/female, 2/3: 2000s, 4/5: 2100s), digits 5–6 the
/// last two digits of the year of birth, and the last six are a serial number.
public struct PersonalIdentificationNumber: Equatable, Hashable, Sendable {
    public let value: String

    public enum Sex: String, Codable, CaseIterable, Sendable {
        case male, female
    }

    public static let birthProvinceCodes: Set<Int> = [
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
        44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86,
        87, 89, 91, 92, 93, 94, 95, 96,
    ]

    /// Checks the form of the number and, when known, that it agrees with the person's sex and year of birth.
    public init(_ text: String, sex: Sex? = nil, birthYear: Int? = nil) throws(ChildRecordError) {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count == 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .personalIDMalformed
        }
        let numbers = digits.compactMap(\.wholeNumberValue)
        let province = numbers[0] * 100 + numbers[1] * 10 + numbers[2]
        guard Self.birthProvinceCodes.contains(province) else { throw .personalIDUnknownProvince }
        let centuryAndSex = numbers[3]
        let century = 1900 + (centuryAndSex / 2) * 100
        guard centuryAndSex <= 5 else { throw .personalIDMalformed }
        let year = century + numbers[4] * 10 + numbers[5]
        if let sex, (centuryAndSex % 2 == 0) != (sex == .male) { throw .personalIDDisagreesWithSex }
        if let birthYear, birthYear != year { throw .personalIDDisagreesWithBirthYear(encoded: year) }
        value = digits
    }

    /// The year of birth the number encodes.
    public var birthYear: Int {
        let numbers = value.compactMap(\.wholeNumberValue)
        return 1900 + (numbers[3] / 2) * 100 + numbers[4] * 10 + numbers[5]
    }
}
