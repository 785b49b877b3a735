import Foundation

/// What an officer records at each step of the procedure (Decree 56, Mẫu 02–07), checked before it is
/// saved. Each check returns the first rule broken, in both languages.

/// Mẫu 02: the first look at risk and harm, and whether emergency measures apply.
public struct InitialAssessment: Codable, Sendable, Equatable {
    public var risk: RiskLevel
    public var reasons: String
    /// Life, health or dignity seriously threatened (Decree 56 Art. 26.3): emergency measures within 12 h.
    public var seriousThreat: Bool

    public init(risk: RiskLevel, reasons: String, seriousThreat: Bool) {
        self.risk = risk
        self.reasons = reasons
        self.seriousThreat = seriousThreat
    }
}

/// Mẫu 07: temporary separation from the parents or carer, at a safe place, for at most 15 days unless
/// a competent authority extends it.
public struct Separation: Codable, Sendable, Equatable {
    public static let maximumDays = 15

    public var place: String
    public var start: CivilDate
    public var end: CivilDate
    /// The authority and decision that extended it beyond 15 days; empty when not extended.
    public var extendedBy: String

    public init(place: String, start: CivilDate, end: CivilDate, extendedBy: String = "") {
        self.place = place
        self.start = start
        self.end = end
        self.extendedBy = extendedBy
    }
}

/// Step 4: what was done to stop the harm (police, first aid, evidence, safe shelter).
public struct EmergencyMeasures: Codable, Sendable, Equatable {
    public var measures: String
    public var separation: Separation?

    public init(measures: String, separation: Separation? = nil) {
        self.measures = measures
        self.separation = separation
    }
}

/// Mẫu 03: the detailed assessment, which must hear the child, and the parents unless they are the abusers.
public struct DetailedAssessment: Codable, Sendable, Equatable {
    public var risk: RiskLevel
    public var findings: String
    public var childViews: String
    public var parentViews: String
    public var needs: String

    public init(risk: RiskLevel, findings: String, childViews: String, parentViews: String, needs: String) {
        self.risk = risk
        self.findings = findings
        self.childViews = childViews
        self.parentViews = parentViews
        self.needs = needs
    }
}

/// Step 6: the case conference, chaired by the commune chairperson.
public struct CaseConference: Codable, Sendable, Equatable {
    public var heldOn: CivilDate
    public var participants: String
    public var conclusions: String

    public init(heldOn: CivilDate, participants: String, conclusions: String) {
        self.heldOn = heldOn
        self.participants = participants
        self.conclusions = conclusions
    }
}

/// One service of a plan (Mẫu 04): what, by whom, when, and at what estimated cost.
public struct PlanItem: Codable, Sendable, Equatable {
    public var kind: ServiceKind
    public var description: String
    public var provider: String
    public var responsible: String
    public var start: CivilDate
    public var end: CivilDate
    public var costVND: Int

    public init(
        kind: ServiceKind, description: String, provider: String, responsible: String, start: CivilDate,
        end: CivilDate, costVND: Int
    ) {
        self.kind = kind
        self.description = description
        self.provider = provider
        self.responsible = responsible
        self.start = start
        self.end = end
        self.costVND = costVND
    }
}

/// Mẫu 06: the review, proposing to close the case or to plan again.
public struct CaseReview: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case close, replan
    }

    public var outcome: Outcome
    public var notes: String

    public init(outcome: Outcome, notes: String) {
        self.outcome = outcome
        self.notes = notes
    }
}

/// One step of the procedure, with what it records.
public enum CaseStep: Sendable, Equatable {
    case initialAssessment(InitialAssessment)
    case emergencyMeasures(EmergencyMeasures)
    case detailedAssessment(DetailedAssessment)
    case conference(CaseConference)
    case plan([PlanItem])
    case approval(note: String)
    case implementation
    case review(CaseReview)
    case closure(note: String)

    /// Which step this is.
    public var kind: CaseStepKind {
        switch self {
        case .initialAssessment: .initialAssessment
        case .emergencyMeasures: .emergencyMeasures
        case .detailedAssessment: .detailedAssessment
        case .conference: .caseConference
        case .plan: .plan
        case .approval: .approval
        case .implementation: .implementation
        case .review: .review
        case .closure: .closure
        }
    }

    /// The step's name in URLs, the API and the audit trail.
    public var name: String { kind.rawValue }
}

/// The steps of the procedure by name, in their order: the one list the workflow, the API, the forms, the
/// routes and the pages share. The raw value is the step's name in URLs, the API and the audit trail.
public enum CaseStepKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case initialAssessment = "initial-assessment"
    case emergencyMeasures = "emergency-measures"
    case detailedAssessment = "detailed-assessment"
    case caseConference = "case-conference"
    case plan
    case approval
    case implementation
    case review
    case closure

    public var description: String { rawValue }
}
