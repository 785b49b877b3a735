import Foundation

/// The 14 statutory groups of children in special circumstances (Law on Children, Art. 10), each
/// with sub-groups (Decree 56/2017, Art. 3–16). The list itself is data shipped with Tre.
public struct CircumstanceSubgroup: Equatable, Sendable {
    public var groupCode: String
    public var groupName: LocalizedText
    public var number: Int
    /// The statute's sentence for the sub-group, and its English translation: `name(language)`.
    public var name: LocalizedText
    public var source: String

    public init(groupCode: String, groupName: LocalizedText, number: Int, name: LocalizedText, source: String) {
        self.groupCode = groupCode
        self.groupName = groupName
        self.number = number
        self.name = name
        self.source = source
    }
}

/// A child's membership of a group: from when, until when, on what evidence, and when to review it.
public struct CircumstanceDraft: Equatable, Sendable {
    public var groupCode = ""
    public var subgroupNumber = ""
    public var startDate = ""
    public var endDate = ""
    public var reviewDate = ""
    public var evidence = ""

    public init() {}
}

public struct ValidCircumstance: Equatable, Sendable {
    public var groupCode: String
    public var subgroupNumber: Int
    public var startDate: String
    public var endDate: String?
    public var reviewDate: String?
    public var evidence: String
}

/// Support a child received (Decree 56/2017, Art. 17–21): what, when, how much, paid by whom.
public enum SupportKind: String, CaseIterable, Codable, Sendable {
    case healthInsurance = "health_insurance"
    case medicalCosts = "medical_costs"
    case monthlyAllowance = "monthly_allowance"
    case alternativeCare = "alternative_care"
    case education
    case legalAid = "legal_aid"
    case counselling
    case inKind = "in_kind"
    case other

    public var label: LocalizedText {
        switch self {
        case .healthInsurance: LocalizedText(vi: "Bảo hiểm y tế", en: "Health insurance")
        case .medicalCosts: LocalizedText(vi: "Chi phí khám chữa bệnh", en: "Medical costs")
        case .monthlyAllowance: LocalizedText(vi: "Trợ cấp hằng tháng", en: "Monthly allowance")
        case .alternativeCare: LocalizedText(vi: "Chăm sóc thay thế", en: "Alternative care")
        case .education: LocalizedText(vi: "Miễn, giảm học phí, hỗ trợ học tập", en: "Tuition and schooling support")
        case .legalAid: LocalizedText(vi: "Trợ giúp pháp lý", en: "Legal aid")
        case .counselling: LocalizedText(vi: "Tư vấn, trị liệu tâm lý", en: "Counselling and therapy")
        case .inKind: LocalizedText(vi: "Hiện vật, quà", en: "In kind")
        case .other: LocalizedText(vi: "Khác", en: "Other")
        }
    }
}

public enum SupportSource: String, CaseIterable, Codable, Sendable {
    case stateBudget = "state_budget"
    case childrenFund = "children_fund"
    case localFund = "local_fund"
    case organisation
    case other

    public var label: LocalizedText {
        switch self {
        case .stateBudget: LocalizedText(vi: "Ngân sách nhà nước", en: "State budget")
        case .childrenFund: LocalizedText(vi: "Quỹ Bảo trợ trẻ em", en: "Children's Protection Fund")
        case .localFund: LocalizedText(vi: "Quỹ địa phương", en: "Local fund")
        case .organisation: LocalizedText(vi: "Tổ chức, cá nhân", en: "Organisation or donor")
        case .other: LocalizedText(vi: "Khác", en: "Other")
        }
    }
}

public struct SupportDraft: Equatable, Sendable {
    public var kind = ""
    public var date = ""
    public var amount = ""
    public var source = ""
    public var sourceName = ""

    public init() {}
}

public struct ValidSupport: Equatable, Sendable {
    public var kind: SupportKind
    public var date: String
    public var amountVND: Int
    public var source: SupportSource
    public var sourceName: String
}

extension CircumstanceDraft {
    public func validate(subgroups: [CircumstanceSubgroup], today: (year: Int, month: Int, day: Int))
        -> Result<ValidCircumstance, FieldErrors>
    {
        var errors: [FieldError] = []
        let number = Int(subgroupNumber.trimmingCharacters(in: .whitespaces))
        let group = groupCode.trimmingCharacters(in: .whitespaces).lowercased()
        if !subgroups.contains(where: { $0.groupCode == group && $0.number == number }) {
            errors.append(
                FieldError(
                    field: "subgroup", code: "unknown_subgroup",
                    message: LocalizedText(
                        vi: "Chọn một nhóm và phân nhóm hoàn cảnh đặc biệt trong danh mục.",
                        en: "Choose a group and sub-group of special circumstances from the list.")))
        }
        let start = RecordDate.parse(startDate, field: "startDate", required: true, today: today, errors: &errors)
        let end = RecordDate.parse(endDate, field: "endDate", required: false, today: today, errors: &errors)
        let review = RecordDate.parse(reviewDate, field: "reviewDate", required: false, today: nil, errors: &errors)
        if let start, let end, end < start {
            errors.append(RecordDate.beforeStart("endDate"))
        }
        if let start, let review, review < start {
            errors.append(RecordDate.beforeStart("reviewDate"))
        }
        let evidence = VietnameseText.normalized(self.evidence)
        guard errors.isEmpty, let number, let start else { return .failure(FieldErrors(errors: errors)) }
        return .success(
            ValidCircumstance(
                groupCode: group, subgroupNumber: number, startDate: start, endDate: end, reviewDate: review,
                evidence: String(evidence.prefix(2000))))
    }
}

extension SupportDraft {
    public func validate(today: (year: Int, month: Int, day: Int)) -> Result<ValidSupport, FieldErrors> {
        var errors: [FieldError] = []
        let kind = SupportKind(rawValue: kind)
        let source = SupportSource(rawValue: source)
        if kind == nil || source == nil {
            errors.append(
                FieldError(
                    field: kind == nil ? "kind" : "source", code: "invalid_choice",
                    message: LocalizedText(
                        vi: "Chọn loại hỗ trợ và nguồn kinh phí.", en: "Choose the kind of support and its source.")))
        }
        let date = RecordDate.parse(self.date, field: "date", required: true, today: today, errors: &errors)
        // Amounts are written with dots or commas between thousands ("1.500.000"); VND has no decimals.
        let digits = amount.filter { !".,  ".contains($0) }
        let amountVND = digits.isEmpty ? 0 : Int(digits)
        if amountVND == nil || (amountVND ?? 0) < 0 || digits.count > 12 {
            errors.append(
                FieldError(
                    field: "amount", code: "invalid_amount",
                    message: LocalizedText(
                        vi: "Số tiền là số đồng, không âm, ví dụ 1.500.000.",
                        en: "The amount is whole đồng, not negative, e.g. 1.500.000.")))
        }
        guard errors.isEmpty, let kind, let source, let date, let amountVND else {
            return .failure(FieldErrors(errors: errors))
        }
        return .success(
            ValidSupport(
                kind: kind, date: date, amountVND: amountVND, source: source,
                sourceName: VietnameseText.normalized(sourceName)))
    }
}

/// Dates of records (not of birth): written D/M/YYYY or YYYY-MM-DD, stored YYYY-MM-DD.
enum RecordDate {
    static func parse(
        _ text: String, field: String, required: Bool, today: (year: Int, month: Int, day: Int)?,
        errors: inout [FieldError]
    ) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            if required {
                errors.append(
                    FieldError(
                        field: field, code: "date_required",
                        message: LocalizedText(vi: "Nhập ngày.", en: "Enter the date.")))
            }
            return nil
        }
        guard let (year, month, day) = ChildDraft.parseDate(trimmed) else {
            errors.append(
                FieldError(
                    field: field, code: "invalid_date",
                    message: LocalizedText(
                        vi: "Ngày phải viết dạng ngày/tháng/năm.", en: "Write the date as day/month/year.")))
            return nil
        }
        do {
            try ChildAge.validateBirthDate(year: year, month: month, day: day, today: today ?? (9999, 12, 31))
        } catch {
            let future = error == .birthDateInFuture
            errors.append(
                FieldError(
                    field: field, code: future ? "date_in_future" : "impossible_date",
                    message: future
                        ? LocalizedText(vi: "Ngày không được ở tương lai.", en: "The date cannot be in the future.")
                        : LocalizedText(
                            vi: "Ngày không có thật trên lịch.", en: "The date is not a real calendar date.")))
            return nil
        }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func beforeStart(_ field: String) -> FieldError {
        FieldError(
            field: field, code: "before_start",
            message: LocalizedText(
                vi: "Ngày này không được trước ngày bắt đầu.", en: "This date cannot be before the start date."))
    }
}
