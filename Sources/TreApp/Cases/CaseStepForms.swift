import Foundation
import TreDomain

/// The forms of the case page's steps (cases/step-form.leaf): the next steps, and the correction of the
/// step that brought the case where it is. One model serves both, so a correction is the same form, filled
/// with what was recorded.
struct StepFormView: Encodable {
    /// The step's kind (`CaseStepKind`'s raw value): which fields the template shows.
    var kind: String
    /// The form's element id: "step-initial-assessment", "correct-initial-assessment".
    var id: String
    var action: String
    var title: String
    /// The button says what it does.
    var submit: String
    /// The fields' values by form name: typed (after a refusal) or recorded (a correction).
    var values: [String: String]
    /// Unfolded: the step due first, or a form that was refused.
    var open: Bool
    var error: String?
    var correcting: Bool
    /// The plan's service rows, filled from `values` (the template cannot build "kind0" from a number).
    var plan: [PlanRow]

    struct PlanRow: Encodable {
        var index: Int
        var number: Int
        var kind, description, provider, responsible, start, end, cost: String
    }

    init(
        kind: String, id: String, action: String, title: String, submit: String, values: [String: String], open: Bool,
        error: String?, correcting: Bool
    ) {
        self.kind = kind
        self.id = id
        self.action = action
        self.title = title
        self.submit = submit
        self.values = values
        self.open = open
        self.error = error
        self.correcting = correcting
        plan =
            kind == CaseStepKind.plan.rawValue
            ? (0..<StepForm.planRows).map { index in
                func value(_ name: String) -> String { values["\(name)\(index)"] ?? "" }
                return PlanRow(
                    index: index, number: index + 1, kind: value("kind"), description: value("description"),
                    provider: value("provider"), responsible: value("responsible"), start: value("start"),
                    end: value("end"), cost: value("cost"))
            } : []
    }

    static func submitKey(_ kind: CaseStepKind) -> String {
        switch kind {
        case .initialAssessment: "submitInitialAssessment"
        case .emergencyMeasures: "submitEmergencyMeasures"
        case .detailedAssessment: "submitDetailedAssessment"
        case .caseConference: "submitCaseConference"
        case .plan: "submitPlan"
        case .approval: "caseApprovePlan"
        case .implementation: "caseStartPlan"
        case .review: "submitReview"
        case .closure: "caseClose"
        }
    }

    static func elementID(_ kind: CaseStepKind, correcting: Bool) -> String {
        (correcting ? "correct-" : "step-") + kind.rawValue
    }
}

/// A form's values as the page re-shows them.
enum StepFormValues {
    /// What a refused form held, by field name (`StepForm`'s own names).
    static func typed(_ form: StepForm) -> [String: String] {
        guard let data = try? JSONEncoder().encode(form),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object.compactMapValues { $0 as? String }
    }

    /// What a recorded step holds, as its form's fields: dates as people write them, plan rows numbered.
    static func recorded(_ record: CaseStepRecord) -> [String: String] {
        let data = Data(record.content.utf8)
        if let items = try? JSONDecoder().decode([PlanItem].self, from: data) {
            var values: [String: String] = [:]
            for (index, item) in items.prefix(StepForm.planRows).enumerated() {
                values["kind\(index)"] = item.kind.rawValue
                values["description\(index)"] = item.description
                values["provider\(index)"] = item.provider
                values["responsible\(index)"] = item.responsible
                values["start\(index)"] = VietnamTime.date(item.start.description)
                values["end\(index)"] = VietnamTime.date(item.end.description)
                values["cost\(index)"] = String(item.costVND)
            }
            return values
        }
        guard let content = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return [:] }
        var values: [String: String] = [:]
        for (key, value) in content {
            switch value {
            case let flag as Bool: if flag { values[key] = "1" }
            case let text as String: values[key] = key == "heldOn" ? VietnamTime.date(text) : text
            case let separation as [String: Any]:
                values["separate"] = "1"
                for field in ["place", "extendedBy"] { values[field] = separation[field] as? String }
                for field in ["start", "end"] { values[field] = (separation[field] as? String).map(VietnamTime.date) }
            default: break
            }
        }
        return values
    }
}
