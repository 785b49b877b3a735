import Foundation

/// A child's record as typed into a form, an API call or an import row, before it is checked.
public struct ChildDraft: Equatable, Sendable {
    public struct Caregiver: Equatable, Sendable {
        public var relation: String
        public var fullName: String
        public var phone: String

        public init(relation: String, fullName: String, phone: String) {
            self.relation = relation
            self.fullName = fullName
            self.phone = phone
        }
    }

    public var fullName = ""
    /// Parts confirmed by the person entering the name; empty means "as guessed from the full name".
    public var familyName = ""
    public var middleName = ""
    public var givenName = ""
    public var sex = ""
    /// `YYYY-MM-DD`, or `DD/MM/YYYY` as written on Vietnamese forms.
    public var dateOfBirth = ""
    /// When the exact date is not known.
    public var estimatedBirthYear = ""
    public var ethnicityCode = ""
    public var personalID = ""
    public var communeCode: Int?
    public var address = ""
    public var schoolStatus = ""
    public var healthInsuranceCard = ""
    public var nutritionStatus = ""
    public var disabilityLevel = ""
    public var notes = ""
    public var caregivers: [Caregiver] = []

    public init() {}
}

/// A checked record, ready to store: every text normalised, the name split and folded for search.
public struct ValidChild: Equatable, Sendable {
    public var name: PersonName
    public var sex: PersonalIdentificationNumber.Sex
    /// The exact date, when known.
    public var birthDate: String?
    public var birthYear: Int
    /// A date that orders and filters records by age: the exact date, or 1 July of an estimated year.
    public var birthDateForAge: String
    public var ethnicityCode: String?
    public var personalID: String?
    public var communeCode: Int
    public var address: String
    public var schoolStatus: SchoolStatus?
    public var healthInsuranceCard: String?
    public var nutritionStatus: NutritionStatus?
    public var disabilityLevel: DisabilityLevel?
    public var notes: String
    public var caregivers: [(relation: CaregiverRelation, fullName: String, phone: String)]

    public static func == (lhs: ValidChild, rhs: ValidChild) -> Bool {
        lhs.name == rhs.name && lhs.sex == rhs.sex && lhs.birthDate == rhs.birthDate && lhs.personalID == rhs.personalID
            && lhs.communeCode == rhs.communeCode
    }

    /// The folded words of the name, each stored once so that search finds a child by any word's start.
    public var searchTokens: [String] {
        Array(Set(VietnameseText.folded(name.fullName).split(separator: " ").map(String.init))).sorted()
    }
}

/// One problem with one field of a draft.
public struct FieldError: Error, Equatable, Sendable, LocalizedFailure {
    public var field: String
    public var code: String
    public var message: LocalizedText

    public init(field: String, code: String, message: LocalizedText) {
        self.field = field
        self.code = code
        self.message = message
    }

    init(_ error: ChildRecordError) {
        self.init(field: error.field, code: error.code, message: error.message)
    }
}

/// Every problem found in a draft; as a single failure (an API answer) it speaks for the first one.
public struct FieldErrors: Error, Equatable, Sendable, LocalizedFailure {
    public var errors: [FieldError]

    public init(errors: [FieldError]) {
        self.errors = errors
    }

    public var code: String { errors.first?.code ?? "invalid_input" }
    public var message: LocalizedText {
        errors.first?.message ?? LocalizedText(vi: "Dữ liệu không hợp lệ.", en: "The data is not valid.")
    }
    public var fields: Set<String> { Set(errors.map(\.field)) }
}

extension ChildDraft {
    public static let maximumAddressLength = 300
    public static let maximumNotesLength = 4000

    /// Checks every field and reports every problem at once, so a form can mark them all.
    public func validate(today: (year: Int, month: Int, day: Int)) -> Result<ValidChild, FieldErrors> {
        var errors: [FieldError] = []
        func fail(_ field: String, _ code: String, vi: String, en: String) {
            errors.append(FieldError(field: field, code: code, message: LocalizedText(vi: vi, en: en)))
        }

        var name = PersonName(fullName: "")
        do {
            name = try ChildNameRules.validate(fullName)
            if !givenName.trimmingCharacters(in: .whitespaces).isEmpty {
                let confirmed = PersonName(familyName: familyName, middleName: middleName, givenName: givenName)
                if VietnameseText.folded(confirmed.fullName) == VietnameseText.folded(name.fullName) {
                    name = PersonName(familyName: familyName, middleName: middleName, givenName: givenName)
                } else {
                    fail(
                        "givenName", "name_parts_mismatch", vi: "Họ, tên đệm và tên phải ghép lại đúng họ và tên.",
                        en: "Family, middle and given names must spell the full name.")
                }
            }
        } catch {
            errors.append(FieldError(error))
        }

        let sex = PersonalIdentificationNumber.Sex(rawValue: sex.trimmingCharacters(in: .whitespaces).lowercased())
        if sex == nil {
            fail("sex", "invalid_sex", vi: "Chọn giới tính: nam hoặc nữ.", en: "Choose the sex: male or female.")
        }

        var birthDate: String?
        var birthYear = 0
        let typedDate = dateOfBirth.trimmingCharacters(in: .whitespaces)
        let typedYear = estimatedBirthYear.trimmingCharacters(in: .whitespaces)
        if !typedDate.isEmpty {
            if let (year, month, day) = Self.parseDate(typedDate) {
                do {
                    try ChildAge.validateBirthDate(year: year, month: month, day: day, today: today)
                    birthDate = String(format: "%04d-%02d-%02d", year, month, day)
                    birthYear = year
                } catch {
                    errors.append(FieldError(error))
                }
            } else {
                fail(
                    "dateOfBirth", "invalid_date", vi: "Ngày sinh phải viết dạng ngày/tháng/năm, ví dụ 05/09/2015.",
                    en: "Write the date of birth as day/month/year, e.g. 05/09/2015, or YYYY-MM-DD.")
            }
        } else if !typedYear.isEmpty {
            if let year = Int(typedYear), (1900...today.year).contains(year) {
                birthYear = year
            } else {
                fail(
                    "estimatedBirthYear", "invalid_year", vi: "Năm sinh ước tính phải từ 1900 đến năm nay.",
                    en: "The estimated year of birth must be between 1900 and this year.")
            }
        } else {
            fail(
                "dateOfBirth", "birth_required", vi: "Nhập ngày sinh, hoặc năm sinh ước tính nếu không rõ ngày.",
                en: "Enter the date of birth, or an estimated year if the date is not known.")
        }

        let ethnicity = ethnicityCode.trimmingCharacters(in: .whitespaces)
        if !ethnicity.isEmpty, EthnicGroup.name(of: ethnicity) == nil {
            fail(
                "ethnicityCode", "unknown_ethnicity", vi: "Dân tộc không có trong danh mục 54 dân tộc.",
                en: "Not one of the 54 ethnic groups.")
        }

        var personalID: String?
        if !self.personalID.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                personalID = try PersonalIdentificationNumber(
                    self.personalID, sex: sex, birthYear: birthDate == nil ? nil : birthYear
                ).value
            } catch {
                errors.append(FieldError(error))
            }
        }

        if communeCode == nil {
            fail(
                "communeCode", "commune_required", vi: "Chọn xã, phường nơi trẻ sống.",
                en: "Choose the commune where the child lives.")
        }

        func choice<T: RawRepresentable>(_ text: String, _ field: String, _: T.Type) -> T? where T.RawValue == String {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let value = T(rawValue: trimmed) else {
                fail(
                    field, "invalid_choice", vi: "Giá trị \"\(trimmed)\" không có trong danh sách.",
                    en: "\"\(trimmed)\" is not one of the choices.")
                return nil
            }
            return value
        }
        let school = choice(schoolStatus, "schoolStatus", SchoolStatus.self)
        let nutrition = choice(nutritionStatus, "nutritionStatus", NutritionStatus.self)
        let disability = choice(disabilityLevel, "disabilityLevel", DisabilityLevel.self)

        let address = VietnameseText.normalized(self.address)
        if address.count > Self.maximumAddressLength {
            fail(
                "address", "too_long", vi: "Địa chỉ dài tối đa \(Self.maximumAddressLength) ký tự.",
                en: "The address may have at most \(Self.maximumAddressLength) characters.")
        }
        let notes = self.notes.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if notes.count > Self.maximumNotesLength {
            fail(
                "notes", "too_long", vi: "Ghi chú dài tối đa \(Self.maximumNotesLength) ký tự.",
                en: "Notes may have at most \(Self.maximumNotesLength) characters.")
        }

        var caregivers: [(relation: CaregiverRelation, fullName: String, phone: String)] = []
        for (index, caregiver) in self.caregivers.enumerated() {
            let fullName = VietnameseText.normalized(caregiver.fullName)
            let phone = PhoneNumber.normalized(caregiver.phone)
            if fullName.isEmpty && phone.isEmpty { continue }
            guard let relation = CaregiverRelation(rawValue: caregiver.relation) else {
                fail(
                    "caregivers[\(index)].relation", "invalid_choice", vi: "Chọn quan hệ của người chăm sóc với trẻ.",
                    en: "Choose how the caregiver is related to the child.")
                continue
            }
            if !phone.isEmpty, !PhoneNumber.isPlausible(phone) {
                fail(
                    "caregivers[\(index)].phone", "invalid_phone",
                    vi: "Số điện thoại phải có 10–11 chữ số, bắt đầu bằng 0.",
                    en: "A phone number has 10–11 digits and starts with 0.")
            }
            caregivers.append((relation, fullName, phone))
        }

        guard errors.isEmpty, let sex, let communeCode else { return .failure(FieldErrors(errors: errors)) }
        let card = healthInsuranceCard.trimmingCharacters(in: .whitespaces).uppercased()
        return .success(
            ValidChild(
                name: name, sex: sex, birthDate: birthDate, birthYear: birthYear,
                birthDateForAge: birthDate ?? String(format: "%04d-07-01", birthYear),
                ethnicityCode: ethnicity.isEmpty ? nil : ethnicity, personalID: personalID, communeCode: communeCode,
                address: address, schoolStatus: school, healthInsuranceCard: card.isEmpty ? nil : card,
                nutritionStatus: nutrition, disabilityLevel: disability, notes: notes, caregivers: caregivers))
    }

    /// A stored `YYYY-MM-DD` date.
    public static func parseISODate(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
    }

    /// `YYYY-MM-DD` or `D/M/YYYY` (also with dashes or dots), as dates are written in Vietnam.
    static func parseDate(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(whereSeparator: { "/-.".contains($0) }).map { Int($0) }
        guard parts.count == 3, let first = parts[0], let second = parts[1], let third = parts[2] else { return nil }
        if String(text.prefix(4)).allSatisfy(\.isNumber), first > 31 { return (first, second, third) }
        return third > 31 ? (third, second, first) : nil
    }
}
