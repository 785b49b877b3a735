import Foundation

/// Where a case stands in the procedure of Decree 56 Art. 26–32 (../shared/DOMAIN.md, steps 1–11).
public enum CaseStatus: String, CaseIterable, Codable, Sendable {
    /// Report saved and forwarded to the commune; the initial assessment is next.
    case received
    case initiallyAssessed = "initially_assessed"
    case emergencyActed = "emergency_acted"
    case detailedAssessed = "detailed_assessed"
    /// Case conference held, or a review sent the case back: a plan is to be drafted.
    case planning
    case planDrafted = "plan_drafted"
    case planApproved = "plan_approved"
    case inProgress = "in_progress"
    /// Reviewed with a proposal to close; the chairperson decides.
    case reviewed
    case closed

    public var label: LocalizedText {
        switch self {
        case .received: LocalizedText(vi: "Đã tiếp nhận", en: "Received")
        case .initiallyAssessed: LocalizedText(vi: "Đã đánh giá ban đầu", en: "Initially assessed")
        case .emergencyActed: LocalizedText(vi: "Đã can thiệp khẩn cấp", en: "Emergency measures taken")
        case .detailedAssessed: LocalizedText(vi: "Đã đánh giá chi tiết", en: "Assessed in detail")
        case .planning: LocalizedText(vi: "Đang xây dựng kế hoạch", en: "Planning")
        case .planDrafted: LocalizedText(vi: "Chờ phê duyệt kế hoạch", en: "Plan awaiting approval")
        case .planApproved: LocalizedText(vi: "Kế hoạch đã phê duyệt", en: "Plan approved")
        case .inProgress: LocalizedText(vi: "Đang thực hiện", en: "In progress")
        case .reviewed: LocalizedText(vi: "Đề xuất kết thúc", en: "Closure proposed")
        case .closed: LocalizedText(vi: "Đã kết thúc", en: "Closed")
        }
    }

    public var isOpen: Bool { self != .closed }
}

/// Who acts on a case: their role and where they work.
public struct CaseActor: Sendable {
    public var role: Role
    public var jurisdiction: Jurisdiction

    public init(role: Role, jurisdiction: Jurisdiction) {
        self.role = role
        self.jurisdiction = jurisdiction
    }
}

/// What the rules need to know of a case.
public struct CaseFacts: Sendable, Equatable {
    public var status: CaseStatus
    public var provinceCode: Int
    public var communeCode: Int
    public var abuserIsCarer: Bool
    /// Decided at the initial assessment; nil before it.
    public var seriousThreat: Bool?

    public init(status: CaseStatus, provinceCode: Int, communeCode: Int, abuserIsCarer: Bool, seriousThreat: Bool?) {
        self.status = status
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        self.abuserIsCarer = abuserIsCarer
        self.seriousThreat = seriousThreat
    }

    /// Emergency measures are owed within 12 hours when the child is seriously threatened, or when the
    /// parent or carer is the suspected abuser (Decree 56 Art. 26.3, Law on Children Art. 50).
    public var needsEmergencyMeasures: Bool { abuserIsCarer || seriousThreat == true }
}

/// A step refused, with the reason in both languages.
public struct CaseRuleError: LocalizedFailure, Equatable {
    public var code: String
    public var message: LocalizedText

    init(_ code: String, vi: String, en: String) {
        self.code = code
        self.message = LocalizedText(vi: vi, en: en)
    }
}

/// The procedure as a state machine: which step may follow which, who may take it, and what it must record.
public enum CaseWorkflow {
    /// The status a step leads to, or the first rule it breaks.
    public static func apply(_ step: CaseStep, to facts: CaseFacts, by actor: CaseActor) throws(CaseRuleError)
        -> CaseStatus
    {
        try checkJurisdiction(facts, actor)
        switch step {
        case .initialAssessment(let assessment):
            try require(facts.status == .received, step)
            try requireText(
                assessment.reasons, vi: "lý do đánh giá mức độ nguy cơ", en: "the reasons for the risk rating")
            return .initiallyAssessed

        case .emergencyMeasures(let emergency):
            try require(facts.status == .initiallyAssessed, step)
            try requireText(emergency.measures, vi: "các biện pháp đã thực hiện", en: "the measures taken")
            if let separation = emergency.separation {
                try requireChair(
                    facts, actor, vi: "quyết định tạm thời cách ly trẻ", en: "decide a temporary separation")
                try check(separation)
            }
            return .emergencyActed

        case .detailedAssessment(let assessment):
            let emergencyPending = facts.needsEmergencyMeasures && facts.status != .emergencyActed
            try require(facts.status == .initiallyAssessed || facts.status == .emergencyActed, step)
            if emergencyPending {
                throw CaseRuleError(
                    "emergency_first",
                    vi: "Phải ghi nhận biện pháp can thiệp khẩn cấp trước khi đánh giá chi tiết.",
                    en: "Record the emergency measures before the detailed assessment.")
            }
            try requireText(assessment.findings, vi: "kết quả đánh giá", en: "the findings")
            try requireText(assessment.childViews, vi: "ý kiến của trẻ", en: "the child's views")
            if !facts.abuserIsCarer {
                try requireText(
                    assessment.parentViews, vi: "ý kiến của cha mẹ, người chăm sóc", en: "the parents' or carer's views"
                )
            }
            return .detailedAssessed

        case .conference(let conference):
            try require(facts.status == .detailedAssessed, step)
            try requireText(conference.participants, vi: "thành phần dự họp", en: "who took part")
            return .planning

        case .plan(let items):
            try require(facts.status == .planning, step)
            guard !items.isEmpty else {
                throw CaseRuleError(
                    "plan_needs_service", vi: "Kế hoạch cần ít nhất một dịch vụ.",
                    en: "A plan needs at least one service.")
            }
            for (index, item) in items.enumerated() {
                try check(item, line: index + 1)
            }
            return .planDrafted

        case .approval:
            try require(facts.status == .planDrafted, step)
            try requireChair(facts, actor, vi: "phê duyệt kế hoạch", en: "approve the plan")
            return .planApproved

        case .implementation:
            try require(facts.status == .planApproved, step)
            return .inProgress

        case .review(let review):
            try require(facts.status == .inProgress, step)
            try requireText(review.notes, vi: "kết quả rà soát", en: "the review's findings")
            return review.outcome == .close ? .reviewed : .planning

        case .closure:
            try require(facts.status == .reviewed, step)
            try requireChair(facts, actor, vi: "kết thúc kế hoạch", en: "close the case")
            return .closed
        }
    }

    /// The steps that may come next from a status (what the case page offers).
    public static func nextSteps(from facts: CaseFacts) -> [CaseStepKind] {
        switch facts.status {
        case .received: [.initialAssessment]
        case .initiallyAssessed:
            facts.needsEmergencyMeasures ? [.emergencyMeasures] : [.emergencyMeasures, .detailedAssessment]
        case .emergencyActed: [.detailedAssessment]
        case .detailedAssessed: [.caseConference]
        case .planning: [.plan]
        case .planDrafted: [.approval]
        case .planApproved: [.implementation]
        case .inProgress: [.review]
        case .reviewed: [.closure]
        case .closed: []
        }
    }

    /// The steps the law gives only to the chairperson of the case's commune.
    public static let chairSteps: Set<CaseStepKind> = [.approval, .closure]

    /// The next steps this actor may take: a chairperson's step is not offered to anyone else, who is told
    /// instead that it waits for the chairperson (`waitingForChair`).
    public static func nextSteps(from facts: CaseFacts, for actor: CaseActor) -> [CaseStepKind] {
        nextSteps(from: facts).filter { !chairSteps.contains($0) || isChair(of: facts, actor) }
    }

    /// The next step that only the chairperson may take, when this actor is not that chairperson.
    public static func waitingForChair(_ facts: CaseFacts, for actor: CaseActor) -> CaseStepKind? {
        isChair(of: facts, actor) ? nil : nextSteps(from: facts).first { chairSteps.contains($0) }
    }

    private static func isChair(of facts: CaseFacts, _ actor: CaseActor) -> Bool {
        actor.role == .communeChair && actor.jurisdiction.communeCode == facts.communeCode
    }

    private static func checkJurisdiction(_ facts: CaseFacts, _ actor: CaseActor) throws(CaseRuleError) {
        let mayAct: Bool =
            switch actor.role {
            case .communeOfficer, .communeChair, .provincialOfficer:
                actor.jurisdiction.contains(provinceCode: facts.provinceCode, communeCode: facts.communeCode)
            case .admin, .nationalAnalyst, .hotlineCounsellor: false
            }
        guard mayAct else {
            throw CaseRuleError(
                "not_your_case", vi: "Chỉ cán bộ của xã (hoặc tỉnh) phụ trách mới thực hiện được bước này.",
                en: "Only officers of the responsible commune (or province) can take this step.")
        }
    }

    private static func require(_ allowed: Bool, _ step: CaseStep) throws(CaseRuleError) {
        guard allowed else {
            throw CaseRuleError(
                "out_of_order",
                vi: "Bước “\(step.name)” không thực hiện được ở giai đoạn hiện tại của vụ việc. Hãy tải lại trang.",
                en: "The step “\(step.name)” cannot be taken at the case's current stage. Reload the page.")
        }
    }

    private static func requireText(_ text: String, vi: String, en: String) throws(CaseRuleError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CaseRuleError("missing_field", vi: "Cần ghi \(vi).", en: "Fill in \(en).")
        }
    }

    private static func requireChair(_ facts: CaseFacts, _ actor: CaseActor, vi: String, en: String)
        throws(CaseRuleError)
    {
        guard actor.role == .communeChair, actor.jurisdiction.communeCode == facts.communeCode else {
            throw CaseRuleError(
                "chair_only", vi: "Chỉ Chủ tịch UBND xã nơi có vụ việc mới được \(vi).",
                en: "Only the chairperson of the case's commune can \(en).")
        }
    }

    private static func check(_ separation: Separation) throws(CaseRuleError) {
        try requireText(separation.place, vi: "nơi tạm trú an toàn", en: "the safe place")
        guard separation.end >= separation.start else {
            throw CaseRuleError(
                "end_before_start", vi: "Ngày kết thúc cách ly trước ngày bắt đầu.",
                en: "The separation ends before it starts.")
        }
        let days = separation.end.julianDay - separation.start.julianDay
        guard days <= Separation.maximumDays || !separation.extendedBy.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw CaseRuleError(
                "separation_too_long",
                vi: "Tạm thời cách ly không quá 15 ngày, trừ khi cơ quan có thẩm quyền gia hạn (ghi rõ quyết định).",
                en:
                    "A temporary separation lasts at most 15 days unless a competent authority extends it (name the decision)."
            )
        }
    }

    private static func check(_ item: PlanItem, line: Int) throws(CaseRuleError) {
        guard !item.responsible.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CaseRuleError(
                "missing_field", vi: "Dịch vụ \(line): cần ghi người hoặc cơ quan chịu trách nhiệm.",
                en: "Service \(line): fill in who is responsible.")
        }
        guard item.end >= item.start else {
            throw CaseRuleError(
                "end_before_start", vi: "Dịch vụ \(line): ngày kết thúc trước ngày bắt đầu.",
                en: "Service \(line): the end date is before the start date.")
        }
        guard item.costVND >= 0 else {
            throw CaseRuleError(
                "negative_cost", vi: "Dịch vụ \(line): kinh phí không được âm.",
                en: "Service \(line): the cost cannot be negative.")
        }
    }
}
