import Foundation

/// What a case contributes to the case indicators, read from its facts and the times of its steps.
public struct CaseTimeliness: Equatable, Sendable {
    /// The day the 12-hour emergency clock ended (or was met), and whether measures came in time; nil
    /// when no emergency clock ran or it is still running.
    public var emergency: (day: CivilDate, onTime: Bool)?
    /// The day the plan was approved, and whether the plan (5 working days from the report) and its
    /// approval (2 working days from the plan) were both on time.
    public var planApproval: (day: CivilDate, onTime: Bool)?
    public var received: CivilDate
    public var closed: CivilDate?

    public static func == (lhs: CaseTimeliness, rhs: CaseTimeliness) -> Bool {
        lhs.emergency?.day == rhs.emergency?.day && lhs.emergency?.onTime == rhs.emergency?.onTime
            && lhs.planApproval?.day == rhs.planApproval?.day && lhs.planApproval?.onTime == rhs.planApproval?.onTime
            && lhs.received == rhs.received && lhs.closed == rhs.closed
    }

    /// - Parameter steps: step names (`initial-assessment`, `emergency-measures`, `plan`, `approval`,
    ///   `closure`, …) with when each was taken; the first of each counts.
    public init(
        receivedAt: Date, abuserIsCarer: Bool, seriousThreat: Bool?, steps: [(step: String, at: Date)],
        clock: CaseClock, now: Date
    ) {
        // Stored names that are no step of the procedure count as none.
        func first(_ kind: CaseStepKind) -> Date? { steps.filter { $0.step == kind.rawValue }.map(\.at).min() }
        received = VietnamDay.containing(receivedAt)
        closed = first(.closure).map(VietnamDay.containing)
        let clockStart: Date? = abuserIsCarer ? receivedAt : (seriousThreat == true ? first(.initialAssessment) : nil)
        if let clockStart {
            let due = clockStart.addingTimeInterval(CaseClock.emergencyHours * 3600)
            let acted = first(.emergencyMeasures)
            if let acted, acted <= due {
                emergency = (VietnamDay.containing(acted), true)
            } else if due <= now {
                emergency = (VietnamDay.containing(due), false)
            }
        }
        if let approved = first(.approval) {
            let planDue = VietnamDay.end(
                of: clock.calendar.adding(workingDays: CaseClock.planWorkingDays, to: received))
            let planned = first(.plan) ?? approved
            let approvalDue = VietnamDay.end(
                of: clock.calendar.adding(
                    workingDays: CaseClock.approvalWorkingDays, to: VietnamDay.containing(planned)))
            planApproval = (VietnamDay.containing(approved), planned <= planDue && approved <= approvalDue)
        }
    }
}
