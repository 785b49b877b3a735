import Foundation

/// The periodic communication and activities a commune runs for children.
public enum CampaignKind: String, CaseIterable, Codable, Sendable {
    case actionMonth = "action_month"
    case midAutumn = "mid_autumn"
    case broadcast
    case contest
    case other

    public var label: LocalizedText {
        switch self {
        case .actionMonth: LocalizedText(vi: "Tháng hành động vì trẻ em", en: "Action Month for Children")
        case .midAutumn: LocalizedText(vi: "Tết Trung thu", en: "Mid-Autumn festival")
        case .broadcast: LocalizedText(vi: "Truyền thông trên loa, đài, mạng xã hội", en: "Broadcast or social media")
        case .contest: LocalizedText(vi: "Hội thi, cuộc thi", en: "Contest")
        case .other: LocalizedText(vi: "Hoạt động khác", en: "Other activity")
        }
    }

    /// The Action Month (June) is reported by the commune to the province by 20 July of its year.
    public func reportDue(year: Int) -> String? {
        self == .actionMonth ? String(format: "%04d-07-20", year) : nil
    }
}

public struct CampaignDraft: Equatable, Sendable {
    public var kind = ""
    public var name = ""
    public var startDate = ""
    public var endDate = ""
    public var children = ""
    public var adults = ""
    /// Đồng; "12.000.000" and "12000000" are the same.
    public var budget = ""

    public init() {}
}

public struct ValidCampaign: Equatable, Sendable {
    public var kind: CampaignKind
    public var name: String
    public var startDate: String
    public var endDate: String
    public var children: Int
    public var adults: Int
    public var budget: Int
    public var reportDue: String?
}

extension CampaignDraft {
    /// Two billion đồng: more than any commune activity costs, and what the budget column holds.
    public static let maximumBudget = 2_000_000_000

    public func validate() -> Result<ValidCampaign, FieldErrors> {
        var errors: [FieldError] = []
        let kind = CampaignKind(rawValue: self.kind)
        if kind == nil {
            errors.append(
                FieldError(
                    field: "kind", code: "invalid_choice",
                    message: LocalizedText(vi: "Chọn loại hoạt động.", en: "Choose the kind of activity.")))
        }
        let start = RecordDate.parse(startDate, field: "startDate", required: true, today: nil, errors: &errors)
        let end = RecordDate.parse(
            endDate.isEmpty ? startDate : endDate, field: "endDate", required: true, today: nil, errors: &errors)
        if let start, let end, end < start {
            errors.append(
                FieldError(
                    field: "endDate", code: "end_before_start",
                    message: LocalizedText(
                        vi: "Ngày kết thúc không thể trước ngày bắt đầu.", en: "The end cannot be before the start.")))
        }
        let children = Count.parse(
            children, field: "children", vi: "Số trẻ em", en: "The number of children", errors: &errors)
        let adults = Count.parse(
            adults, field: "adults", vi: "Số người lớn", en: "The number of adults", errors: &errors)
        let budget = Count.parse(
            budget, field: "budget", vi: "Kinh phí (đồng)", en: "The budget (VND)", maximum: Self.maximumBudget,
            errors: &errors)
        guard errors.isEmpty, let kind, let start, let end, let children, let adults, let budget else {
            return .failure(FieldErrors(errors: errors))
        }
        let name = VietnameseText.normalized(self.name)
        return .success(
            ValidCampaign(
                kind: kind, name: name.isEmpty ? kind.label.vi : name, startDate: start, endDate: end,
                children: children, adults: adults, budget: budget,
                reportDue: kind.reportDue(year: Int(start.prefix(4)) ?? 0)))
    }
}
