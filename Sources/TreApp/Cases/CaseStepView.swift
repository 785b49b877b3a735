import Foundation
import TreDomain

/// A recorded step shown (and printed) as its form: the fields in the official form's order.
enum CaseStepView {
    static let titles: [String: LocalizedText] = [
        "initial-assessment": LocalizedText(
            vi: "Đánh giá nguy cơ ban đầu (Mẫu 02)", en: "Initial assessment (Form 02)"),
        "emergency-measures": LocalizedText(vi: "Can thiệp khẩn cấp (Mẫu 07)", en: "Emergency measures (Form 07)"),
        "detailed-assessment": LocalizedText(vi: "Đánh giá chi tiết (Mẫu 03)", en: "Detailed assessment (Form 03)"),
        "case-conference": LocalizedText(vi: "Họp xác định nhu cầu hỗ trợ", en: "Case conference"),
        "plan": LocalizedText(vi: "Kế hoạch hỗ trợ, can thiệp (Mẫu 04)", en: "Support/intervention plan (Form 04)"),
        "approval": LocalizedText(vi: "Phê duyệt kế hoạch (Mẫu 05)", en: "Plan approval (Form 05)"),
        "implementation": LocalizedText(vi: "Bắt đầu thực hiện kế hoạch", en: "Plan implementation started"),
        "review": LocalizedText(vi: "Rà soát, đánh giá (Mẫu 06)", en: "Review (Form 06)"),
        "closure": LocalizedText(vi: "Kết thúc kế hoạch", en: "Case closed"),
    ]

    /// Field names in the order the forms list them, with their labels.
    static let fields: [(key: String, label: LocalizedText)] = [
        ("risk", LocalizedText(vi: "Mức độ nguy cơ", en: "Risk")),
        ("reasons", LocalizedText(vi: "Lý do", en: "Reasons")),
        ("seriousThreat", LocalizedText(vi: "Đe dọa nghiêm trọng", en: "Serious threat")),
        ("measures", LocalizedText(vi: "Biện pháp đã thực hiện", en: "Measures taken")),
        ("separation", LocalizedText(vi: "Tạm thời cách ly", en: "Temporary separation")),
        ("findings", LocalizedText(vi: "Kết quả đánh giá", en: "Findings")),
        ("childViews", LocalizedText(vi: "Ý kiến của trẻ", en: "The child's views")),
        ("parentViews", LocalizedText(vi: "Ý kiến của cha mẹ, người chăm sóc", en: "Parents' or carer's views")),
        ("needs", LocalizedText(vi: "Nhu cầu hỗ trợ", en: "Needs")),
        ("heldOn", LocalizedText(vi: "Ngày họp", en: "Held on")),
        ("participants", LocalizedText(vi: "Thành phần", en: "Participants")),
        ("conclusions", LocalizedText(vi: "Kết luận", en: "Conclusions")),
        ("outcome", LocalizedText(vi: "Kết quả", en: "Outcome")),
        ("notes", LocalizedText(vi: "Nhận xét", en: "Notes")),
        ("note", LocalizedText(vi: "Ghi chú", en: "Note")),
    ]

    static func view(_ record: CaseStepRecord, language: Language) -> CasePagesController.StepView {
        let content =
            (try? JSONSerialization.jsonObject(with: Data(record.content.utf8))) as? [String: Any] ?? [:]
        var facts: [CasePagesController.Fact] = []
        for (key, label) in fields {
            guard let value = content[key] else { continue }
            let text = describe(key, value, language: language)
            if !text.isEmpty { facts.append(.init(label: label(language), value: text)) }
        }
        if let items = (try? JSONDecoder().decode([PlanItem].self, from: Data(record.content.utf8))) {
            for (index, item) in items.enumerated() {
                facts.append(
                    .init(
                        label: "\(language == .vi ? "Dịch vụ" : "Service") \(index + 1): \(item.kind.label(language))",
                        value:
                            "\(item.description) · \(item.provider) · \(item.responsible) · \(item.start)–\(item.end) · \(item.costVND.formatted()) đ"
                    ))
            }
        }
        return .init(
            title: titles[record.step]?(language) ?? record.step, by: record.actorName,
            at: record.createdAt.map(VietnamTime.format) ?? "", facts: facts)
    }

    private static func describe(_ key: String, _ value: Any, language: Language) -> String {
        switch value {
        case let flag as Bool: return language == .vi ? (flag ? "Có" : "Không") : (flag ? "Yes" : "No")
        case let text as String where key == "risk": return RiskLevel(rawValue: text)?.label(language) ?? text
        case let text as String where key == "outcome":
            return text == "close"
                ? (language == .vi ? "Đề xuất kết thúc" : "Propose closing")
                : (language == .vi ? "Xây dựng lại kế hoạch" : "Plan again")
        case let text as String: return text
        case let separation as [String: Any]:
            let parts = ["place", "start", "end", "extendedBy"].compactMap { separation[$0] as? String }
            return parts.filter { !$0.isEmpty }.joined(separator: " · ")
        default: return ""
        }
    }
}
