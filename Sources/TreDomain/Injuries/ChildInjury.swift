import Foundation

/// What hurt the child, in the groups the injury-prevention programme counts (drowning is counted
/// on its own: it kills more Vietnamese children than any other injury).
public enum InjuryCause: String, CaseIterable, Codable, Sendable {
    case drowning, traffic, burn, fall
    case animalBite = "animal_bite"
    case poisoning, other

    public var label: LocalizedText {
        switch self {
        case .drowning: LocalizedText(vi: "Đuối nước", en: "Drowning")
        case .traffic: LocalizedText(vi: "Tai nạn giao thông", en: "Traffic accident")
        case .burn: LocalizedText(vi: "Bỏng", en: "Burn")
        case .fall: LocalizedText(vi: "Ngã", en: "Fall")
        case .animalBite: LocalizedText(vi: "Động vật cắn", en: "Animal bite")
        case .poisoning: LocalizedText(vi: "Ngộ độc", en: "Poisoning")
        case .other: LocalizedText(vi: "Khác", en: "Other")
        }
    }
}

/// Where it happened; "home" matters beyond the count: a household with an injury at home that year
/// is not a safe home.
public enum InjuryPlace: String, CaseIterable, Codable, Sendable {
    case home, school, road, water, workplace, community

    public var label: LocalizedText {
        switch self {
        case .home: LocalizedText(vi: "Gia đình", en: "Home")
        case .school: LocalizedText(vi: "Trường học", en: "School")
        case .road: LocalizedText(vi: "Đường giao thông", en: "Road")
        case .water: LocalizedText(vi: "Sông, hồ, ao, biển", en: "River, lake, pond or sea")
        case .workplace: LocalizedText(vi: "Nơi làm việc", en: "Workplace")
        case .community: LocalizedText(vi: "Nơi công cộng khác", en: "Other public place")
        }
    }
}

public enum InjuryOutcome: String, CaseIterable, Codable, Sendable {
    case injured, died

    public var label: LocalizedText {
        switch self {
        case .injured: LocalizedText(vi: "Bị thương", en: "Injured")
        case .died: LocalizedText(vi: "Tử vong", en: "Died")
        }
    }
}

/// An accident or injury as a commune officer enters it. The child may be unknown to the registry
/// (a visitor, a child not yet registered): then sex and age are asked, as the statistics need them.
public struct InjuryDraft: Equatable, Sendable {
    public var date = ""
    public var cause = ""
    public var place = ""
    public var outcome = ""
    public var communeCode: Int?
    /// Set when the child is in the registry; sex and birth then come from the record.
    public var childKnown = false
    public var sex = ""
    public var ageYears = ""
    public var description = ""

    public init() {}
}

public struct ValidInjury: Equatable, Sendable {
    public var date: String
    public var cause: InjuryCause
    public var place: InjuryPlace
    public var outcome: InjuryOutcome
    public var communeCode: Int
    public var sex: String?
    public var ageYears: Int?
    public var description: String
}

extension InjuryDraft {
    public func validate(today: (year: Int, month: Int, day: Int)) -> Result<ValidInjury, FieldErrors> {
        var errors: [FieldError] = []
        func choice<T: RawRepresentable>(_ text: String, _ field: String) -> T? where T.RawValue == String {
            if let value = T(rawValue: text) { return value }
            errors.append(
                FieldError(
                    field: field, code: "invalid_choice",
                    message: LocalizedText(vi: "Chọn một mục trong danh sách.", en: "Choose an item from the list.")))
            return nil
        }
        let date = RecordDate.parse(date, field: "date", required: true, today: today, errors: &errors)
        let cause: InjuryCause? = choice(cause, "cause")
        let place: InjuryPlace? = choice(place, "place")
        let outcome: InjuryOutcome? = choice(outcome, "outcome")
        if communeCode == nil {
            errors.append(
                FieldError(
                    field: "communeCode", code: "commune_required",
                    message: LocalizedText(
                        vi: "Chọn xã, phường nơi xảy ra.", en: "Choose the commune where it happened.")))
        }
        var sex: String?
        var age: Int?
        if !childKnown {
            if !self.sex.isEmpty {
                if ["male", "female"].contains(self.sex) {
                    sex = self.sex
                } else {
                    errors.append(
                        FieldError(
                            field: "sex", code: "invalid_choice",
                            message: LocalizedText(vi: "Chọn nam hoặc nữ.", en: "Choose male or female.")))
                }
            }
            let ageText = ageYears.trimmingCharacters(in: .whitespaces)
            if !ageText.isEmpty {
                if let years = Int(ageText), (0..<16).contains(years) {
                    age = years
                } else {
                    errors.append(
                        FieldError(
                            field: "ageYears", code: "invalid_age",
                            message: LocalizedText(
                                vi: "Tuổi là số năm tròn, từ 0 đến 15 (trẻ em dưới 16 tuổi).",
                                en: "Age is whole years from 0 to 15 (a child is under 16).")))
                }
            }
        }
        guard errors.isEmpty, let date, let cause, let place, let outcome, let communeCode else {
            return .failure(FieldErrors(errors: errors))
        }
        return .success(
            ValidInjury(
                date: date, cause: cause, place: place, outcome: outcome, communeCode: communeCode, sex: sex,
                ageYears: age, description: String(VietnameseText.normalized(description).prefix(2000))))
    }
}
