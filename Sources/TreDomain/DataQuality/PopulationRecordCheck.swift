/// What the national population database needs of a child's record (Đề án 06; Decision 3978/QĐ-BYT on
/// collecting, updating, correcting and checking the grassroots child information system's data), and
/// the check of one record against it. The check is pure: the web application runs the same rules in SQL
/// to list and count (`DataQualitySQL`), and a test holds the two to the same verdict.
public enum DataQualityProblem: String, CaseIterable, Codable, Sendable {
    /// No personal identification number (số định danh cá nhân).
    case personalIDMissing = "personal_id_missing"
    /// A number that is not one, or that disagrees with the record's sex or year of birth.
    case personalIDInconsistent = "personal_id_inconsistent"
    /// No name, or a name without both a family name and a given name.
    case nameIncomplete = "name_incomplete"
    /// Only an estimated year of birth, not the date.
    case birthDateMissing = "birth_date_missing"
    case sexMissing = "sex_missing"
    case ethnicityMissing = "ethnicity_missing"
    /// No parent or guardian recorded.
    case caregiverMissing = "caregiver_missing"
    /// The commune police answered that the population database has no such person (`PoliceVerification`).
    case personalIDNotFound = "personal_id_not_found"

    public var code: String { rawValue }

    /// The problem's name, as a worklist filter or a column heading says it.
    public var label: LocalizedText {
        switch self {
        case .personalIDMissing: LocalizedText(vi: "Thiếu số định danh", en: "No personal ID")
        case .personalIDInconsistent: LocalizedText(vi: "Số định danh không khớp", en: "Personal ID inconsistent")
        case .nameIncomplete: LocalizedText(vi: "Họ tên chưa đủ", en: "Name incomplete")
        case .birthDateMissing: LocalizedText(vi: "Thiếu ngày sinh", en: "No date of birth")
        case .sexMissing: LocalizedText(vi: "Thiếu giới tính", en: "No sex")
        case .ethnicityMissing: LocalizedText(vi: "Thiếu dân tộc", en: "No ethnicity")
        case .caregiverMissing: LocalizedText(vi: "Thiếu cha, mẹ, người giám hộ", en: "No parent or guardian")
        case .personalIDNotFound: LocalizedText(vi: "Công an không tìm thấy", en: "Not found by the police")
        }
    }
}

/// One problem found in one record: what it is, and what to do about it in the reader's language.
public struct DataQualityFinding: Equatable, Sendable {
    public var problem: DataQualityProblem
    public var message: LocalizedText

    public var code: String { problem.code }

    public init(_ problem: DataQualityProblem, _ message: LocalizedText) {
        self.problem = problem
        self.message = message
    }
}

/// The facts of a stored record the check reads: what the register holds, unvalidated (old imports and
/// records entered before a rule existed hold anything).
public struct PopulationRecordFacts: Equatable, Sendable {
    public var fullName: String
    public var familyName: String
    public var givenName: String
    /// "male", "female", or anything an old record holds.
    public var sex: String
    /// `YYYY-MM-DD` when the exact date is known.
    public var birthDate: String?
    /// The year of birth, exact or estimated.
    public var birthYear: Int?
    public var ethnicityCode: String?
    public var personalID: String?
    /// Parents, guardians or other caregivers recorded.
    public var caregiverCount: Int
    /// The commune police's last answer about the personal ID (`PoliceVerification`'s raw value), if any.
    public var idVerification: String?

    public init(
        fullName: String, familyName: String, givenName: String, sex: String, birthDate: String?, birthYear: Int?,
        ethnicityCode: String?, personalID: String?, caregiverCount: Int, idVerification: String? = nil
    ) {
        self.fullName = fullName
        self.familyName = familyName
        self.givenName = givenName
        self.sex = sex
        self.birthDate = birthDate
        self.birthYear = birthYear
        self.ethnicityCode = ethnicityCode
        self.personalID = personalID
        self.caregiverCount = caregiverCount
        self.idVerification = idVerification
    }
}

public enum PopulationRecordCheck {
    /// Every problem of the record, in the order of `DataQualityProblem`; empty when the record is complete.
    public static func problems(of record: PopulationRecordFacts) -> [DataQualityFinding] {
        var found: [DataQualityFinding] = []
        let sex = PersonalIdentificationNumber.Sex(rawValue: record.sex)

        let id = (record.personalID ?? "").trimmingCharacters(in: .whitespaces)
        if id.isEmpty {
            found.append(
                DataQualityFinding(
                    .personalIDMissing,
                    LocalizedText(
                        vi: "Chưa có số định danh cá nhân: hỏi công an xã hoặc xem giấy khai sinh.",
                        en: "No personal identification number: ask the commune police or see the birth certificate.")
                ))
        } else {
            do {
                // The year is checked even when only estimated: the number carries the true one.
                _ = try PersonalIdentificationNumber(id, sex: sex, birthYear: record.birthYear)
            } catch {
                found.append(DataQualityFinding(.personalIDInconsistent, error.message))
            }
        }

        let family = record.familyName.trimmingCharacters(in: .whitespaces)
        let given = record.givenName.trimmingCharacters(in: .whitespaces)
        if record.fullName.trimmingCharacters(in: .whitespaces).isEmpty {
            found.append(
                DataQualityFinding(.nameIncomplete, LocalizedText(vi: "Chưa có họ và tên.", en: "No full name.")))
        } else if family.isEmpty || given.isEmpty {
            found.append(
                DataQualityFinding(
                    .nameIncomplete,
                    LocalizedText(
                        vi: "Họ và tên phải có cả họ và tên.", en: "The full name needs a family name and a given name."
                    )))
        }

        if (record.birthDate ?? "").isEmpty {
            found.append(
                DataQualityFinding(
                    .birthDateMissing,
                    LocalizedText(
                        vi: "Chỉ có năm sinh ước tính: cần ngày, tháng, năm sinh.",
                        en: "Only an estimated year of birth: the day, month and year are needed.")))
        }
        if sex == nil {
            found.append(
                DataQualityFinding(
                    .sexMissing, LocalizedText(vi: "Chưa ghi giới tính.", en: "The sex is not recorded.")))
        }
        if (record.ethnicityCode ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            found.append(
                DataQualityFinding(
                    .ethnicityMissing, LocalizedText(vi: "Chưa ghi dân tộc.", en: "The ethnicity is not recorded.")))
        }
        if record.caregiverCount <= 0 {
            found.append(
                DataQualityFinding(
                    .caregiverMissing,
                    LocalizedText(
                        vi: "Chưa ghi cha, mẹ hoặc người giám hộ.", en: "No parent or guardian is recorded.")))
        }
        if record.idVerification == PoliceVerification.notFound.rawValue {
            found.append(
                DataQualityFinding(
                    .personalIDNotFound,
                    LocalizedText(
                        vi:
                            "Công an xã không tìm thấy trẻ trong cơ sở dữ liệu dân cư: đối chiếu họ tên, ngày sinh với giấy khai sinh.",
                        en:
                            "The commune police found no such child in the population database: compare the name and date of birth with the birth certificate."
                    )))
        }
        return found
    }
}
