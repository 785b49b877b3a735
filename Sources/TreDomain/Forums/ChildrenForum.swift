import Foundation

/// The level a children's forum is held at. Only the commune's minimum size is known (30 children); the
/// others have none in Tre until a text gives one.
public enum ForumLevel: String, CaseIterable, Codable, Sendable {
    case commune, province, national

    public var minimumChildren: Int? { self == .commune ? 30 : nil }

    public var label: LocalizedText {
        switch self {
        case .commune: LocalizedText(vi: "Diễn đàn trẻ em cấp xã", en: "Commune children's forum")
        case .province: LocalizedText(vi: "Diễn đàn trẻ em cấp tỉnh", en: "Provincial children's forum")
        case .national: LocalizedText(vi: "Diễn đàn trẻ em quốc gia", en: "National children's forum")
        }
    }
}

/// A forum as its organiser enters it.
public struct ForumDraft: Equatable, Sendable {
    public var level = ""
    public var date = ""
    public var place = ""
    public var children = ""
    public var chaperones = ""
    public var consents = ""
    /// Why fewer children took part than the level's minimum; required only then.
    public var belowMinimumReason = ""

    public init() {}
}

public struct ValidForum: Equatable, Sendable {
    public var level: ForumLevel
    public var date: String
    public var place: String
    public var children: Int
    public var chaperones: Int
    public var consents: Int
    public var belowMinimumReason: String
    /// The forum's report is due 15 days after it is held.
    public var reportDue: String
}

/// Days after a forum within which its report is due.
public let forumReportDays = 15

extension ForumDraft {
    public func validate(today: (year: Int, month: Int, day: Int)) -> Result<ValidForum, FieldErrors> {
        var errors: [FieldError] = []
        let level = ForumLevel(rawValue: self.level)
        if level == nil {
            errors.append(
                FieldError(
                    field: "level", code: "invalid_choice",
                    message: LocalizedText(vi: "Chọn cấp diễn đàn.", en: "Choose the forum's level.")))
        }
        let date = RecordDate.parse(date, field: "date", required: true, today: today, errors: &errors)
        func count(_ text: String, _ field: String, vi: String, en: String) -> Int? {
            Count.parse(text, field: field, vi: vi, en: en, maximum: 100_000, errors: &errors)
        }
        let children = count(children, "children", vi: "Số trẻ em tham gia", en: "The number of children")
        let chaperones = count(chaperones, "chaperones", vi: "Số người đi kèm", en: "The number of chaperones")
        let consents = count(consents, "consents", vi: "Số giấy đồng ý của cha mẹ", en: "The number of consents")
        if let children, children == 0 {
            errors.append(
                FieldError(
                    field: "children", code: "no_children",
                    message: LocalizedText(vi: "Nhập số trẻ em tham gia.", en: "Enter how many children took part.")))
        }
        if let children, let consents, consents > children {
            errors.append(
                FieldError(
                    field: "consents", code: "too_many_consents",
                    message: LocalizedText(
                        vi: "Số giấy đồng ý không thể nhiều hơn số trẻ em.",
                        en: "There cannot be more consents than children.")))
        }
        let reason = VietnameseText.normalized(belowMinimumReason)
        if let level, let minimum = level.minimumChildren, let children, children > 0, children < minimum,
            reason.isEmpty
        {
            errors.append(
                FieldError(
                    field: "belowMinimumReason", code: "below_minimum",
                    message: LocalizedText(
                        vi: "\(level.label.vi) cần ít nhất \(minimum) trẻ em; ghi lý do vì sao ít hơn.",
                        en:
                            "A \(level.label.en.lowercased()) needs at least \(minimum) children; say why there were fewer."
                    )))
        }
        guard errors.isEmpty, let level, let date, let day = CivilDate(iso: date), let children, let chaperones,
            let consents
        else { return .failure(FieldErrors(errors: errors)) }
        return .success(
            ValidForum(
                level: level, date: date, place: VietnameseText.normalized(place), children: children,
                chaperones: chaperones, consents: consents, belowMinimumReason: reason,
                reportDue: day.adding(days: forumReportDays).description))
    }
}
