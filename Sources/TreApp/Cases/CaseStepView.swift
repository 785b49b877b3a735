import Foundation
import TreDomain

/// A recorded step shown (and printed) as its form: the fields in the official form's order.
enum CaseStepView {
    /// The key of a step's title in the strings table.
    static func titleKey(_ kind: CaseStepKind) -> String {
        switch kind {
        case .initialAssessment: "stepInitialAssessment"
        case .emergencyMeasures: "stepEmergencyMeasures"
        case .detailedAssessment: "stepDetailedAssessment"
        case .caseConference: "stepCaseConference"
        case .plan: "stepPlan"
        case .approval: "stepApproval"
        case .implementation: "stepImplementation"
        case .review: "stepReview"
        case .closure: "stepClosure"
        }
    }

    static func title(_ kind: CaseStepKind, _ language: Language) -> String {
        UIStrings.text(titleKey(kind), language)
    }

    /// Field names in the order the forms list them, with the keys of their labels in the strings table.
    static let fields: [(key: String, label: String)] = [
        ("risk", "risk"),
        ("reasons", "caseReasons"),
        ("seriousThreat", "caseSeriousThreat"),
        ("measures", "caseMeasuresTaken"),
        ("separation", "caseSeparation"),
        ("findings", "caseFindings"),
        ("childViews", "caseChildViews"),
        ("parentViews", "caseParentViews"),
        ("needs", "caseNeeds"),
        ("heldOn", "caseMeetingDate"),
        ("participants", "caseParticipants"),
        ("conclusions", "caseConclusions"),
        ("outcome", "caseOutcome"),
        ("notes", "caseReviewNotes"),
        ("note", "caseNote"),
    ]

    static func view(_ record: CaseStepRecord, language: Language) -> CasePage.StepView {
        let content =
            (try? JSONSerialization.jsonObject(with: Data(record.content.utf8))) as? [String: Any] ?? [:]
        var facts: [CasePage.Fact] = []
        for (key, label) in fields {
            guard let value = content[key] else { continue }
            let text = describe(key, value, language: language)
            if !text.isEmpty { facts.append(.init(label: UIStrings.text(label, language), value: text)) }
        }
        if let items = (try? JSONDecoder().decode([PlanItem].self, from: Data(record.content.utf8))) {
            let service = UIStrings.text("caseService", language)
            for (index, item) in items.enumerated() {
                facts.append(
                    .init(
                        label: "\(service) \(index + 1): \(item.kind.label(language))",
                        value:
                            "\(item.description) · \(item.provider) · \(item.responsible) · \(VietnamTime.date(item.start.description))–\(VietnamTime.date(item.end.description)) · \(VietnamTime.money(item.costVND, language))"
                    ))
            }
        }
        // A step stored under a name no longer known shows that name rather than passing for another step.
        let title = CaseStepKind(rawValue: record.step).map { self.title($0, language) } ?? record.step
        return .init(
            title: title, by: record.actorName, at: record.createdAt.map(VietnamTime.format) ?? "", facts: facts)
    }

    private static func describe(_ key: String, _ value: Any, language: Language) -> String {
        switch value {
        case let flag as Bool: return UIStrings.text(flag ? "yes" : "no", language)
        case let text as String where key == "risk": return RiskLevel(rawValue: text)?.label(language) ?? text
        case let text as String where key == "outcome":
            return UIStrings.text(
                CaseReview.Outcome(rawValue: text) == .close ? "caseOutcomeProposeClosing" : "caseOutcomeReplan",
                language)
        case let text as String where key == "heldOn": return VietnamTime.date(text)
        case let text as String: return text
        case let separation as [String: Any]:
            let parts = ["place", "start", "end", "extendedBy"].compactMap { separation[$0] as? String }
                .map { VietnamTime.date($0) }
            return parts.filter { !$0.isEmpty }.joined(separator: " · ")
        default: return ""
        }
    }
}
