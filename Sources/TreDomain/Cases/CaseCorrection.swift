import Foundation

/// Correcting a recorded step (issue 16): a wrong answer in a saved form — a risk rated too low, a date
/// mistyped — is corrected with a reason while the procedure has not moved on, and the earlier version is kept.
/// Decisions (approval, start, review, closure) are not corrected: they are taken again by the next step.
extension CaseWorkflow {
    public static let correctableSteps: Set<CaseStepKind> = [
        .initialAssessment, .emergencyMeasures, .detailedAssessment, .caseConference, .plan,
    ]

    /// The status before a correctable step, against which the corrected form is checked again.
    private static func statusBefore(_ kind: CaseStepKind) -> CaseStatus? {
        switch kind {
        case .initialAssessment: .received
        case .emergencyMeasures: .initiallyAssessed
        // Either after the initial assessment or after emergency measures; the check is the same.
        case .detailedAssessment: .emergencyActed
        case .caseConference: .detailedAssessed
        case .plan: .planning
        case .approval, .implementation, .review, .closure: nil
        }
    }

    /// Checks a correction of the step that brought the case where it is (`facts.status`): the corrected
    /// form must pass the step's own rules, the actor must be one who may take it, and the reason is required.
    /// The caller checks that no later step was recorded.
    public static func correct(_ step: CaseStep, of facts: CaseFacts, by actor: CaseActor, reason: String)
        throws(CaseRuleError) -> CaseStatus
    {
        guard correctableSteps.contains(step.kind), let before = statusBefore(step.kind) else {
            throw CaseRuleError(
                "not_correctable", vi: "Bước này không sửa được; hãy thực hiện bước tiếp theo.",
                en: "This step cannot be corrected; take the next step instead.")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw CaseRuleError(
                "correction_reason", vi: "Cần ghi lý do sửa.", en: "Give the reason for the correction.")
        }
        guard reason.count <= 2_000 else {
            throw CaseRuleError(
                "correction_reason", vi: "Lý do sửa quá dài (tối đa 2.000 ký tự).",
                en: "The reason is too long (2,000 characters at most).")
        }
        var earlier = facts
        earlier.status = before
        let after = try apply(step, to: earlier, by: actor)
        guard after == facts.status else {
            throw CaseRuleError(
                "moved_on", vi: "Vụ việc đã sang bước sau; không sửa được bước này nữa. Hãy tải lại trang.",
                en: "The case has moved on; this step can no longer be corrected. Reload the page.")
        }
        return after
    }
}
