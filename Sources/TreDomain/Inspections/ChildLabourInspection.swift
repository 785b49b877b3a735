import Foundation

/// What was inspected for child labour or unsafe care (Labour Code, Art. 143–147; Law on Children, Art. 51).
public enum InspectedPlace: String, CaseIterable, Codable, Sendable {
    case serviceFacility = "service_facility"
    case business
    case household
    case craftVillage = "craft_village"

    public var label: LocalizedText {
        switch self {
        case .serviceFacility:
            LocalizedText(vi: "Cơ sở cung cấp dịch vụ bảo vệ trẻ em", en: "Child-protection service facility")
        case .business: LocalizedText(vi: "Doanh nghiệp, cơ sở sản xuất kinh doanh", en: "Business or workshop")
        case .household: LocalizedText(vi: "Hộ gia đình", en: "Household")
        case .craftVillage: LocalizedText(vi: "Hộ làm nghề ở làng nghề", en: "Household in a craft village")
        }
    }
}

/// An inspection as the inspector enters it.
public struct InspectionDraft: Equatable, Sendable {
    public var date = ""
    public var placeKind = ""
    public var placeName = ""
    public var findings = ""
    public var violations = ""
    public var childrenFound = ""
    public var followUp = ""
    public var followUpDue = ""

    public init() {}
}

public struct ValidInspection: Equatable, Sendable {
    public var date: String
    public var placeKind: InspectedPlace
    public var placeName: String
    public var findings: String
    /// How many violations were found (0 for a clean inspection).
    public var violations: Int
    /// Children found working or at risk there, registered or not.
    public var childrenFound: Int
    public var followUp: String
    /// `yyyy-MM-dd`, present exactly when there is a follow-up.
    public var followUpDue: String?
}

extension InspectionDraft {
    /// A violation needs a follow-up action, and a follow-up needs its deadline, no earlier than the
    /// inspection.
    public func validate(today: (year: Int, month: Int, day: Int)) -> Result<ValidInspection, FieldErrors> {
        var errors: [FieldError] = []
        let date = RecordDate.parse(date, field: "date", required: true, today: today, errors: &errors)
        let kind = InspectedPlace(rawValue: placeKind)
        if kind == nil {
            errors.append(
                FieldError(
                    field: "placeKind", code: "invalid_choice",
                    message: LocalizedText(vi: "Chọn loại nơi được kiểm tra.", en: "Choose what was inspected.")))
        }
        let name = VietnameseText.normalized(placeName)
        if name.isEmpty {
            errors.append(
                FieldError(
                    field: "placeName", code: "name_required",
                    message: LocalizedText(
                        vi: "Nhập tên cơ sở hoặc chủ hộ được kiểm tra.",
                        en: "Enter the name of the place or household inspected.")))
        }
        let violations = Count.parse(
            violations, field: "violations", vi: "Số vi phạm", en: "The number of violations", errors: &errors)
        let children = Count.parse(
            childrenFound, field: "childrenFound", vi: "Số trẻ em liên quan", en: "The number of children",
            errors: &errors)
        let followUp = VietnameseText.normalized(followUp)
        if let violations, violations > 0, followUp.isEmpty {
            errors.append(
                FieldError(
                    field: "followUp", code: "follow_up_required",
                    message: LocalizedText(
                        vi: "Có vi phạm thì phải ghi biện pháp xử lý, khắc phục và hạn thực hiện.",
                        en: "A violation needs a follow-up action and its deadline.")))
        }
        var due: String?
        if !followUp.isEmpty {
            due = RecordDate.parse(followUpDue, field: "followUpDue", required: true, today: nil, errors: &errors)
            if let due, let date, due < date {
                errors.append(
                    FieldError(
                        field: "followUpDue", code: "due_before_inspection",
                        message: LocalizedText(
                            vi: "Hạn khắc phục không thể trước ngày kiểm tra.",
                            en: "The follow-up cannot be due before the inspection.")))
            }
        }
        guard errors.isEmpty, let date, let kind, let violations, let children else {
            return .failure(FieldErrors(errors: errors))
        }
        return .success(
            ValidInspection(
                date: date, placeKind: kind, placeName: name, findings: VietnameseText.normalized(findings),
                violations: violations, childrenFound: children, followUp: followUp, followUpDue: due))
    }
}
