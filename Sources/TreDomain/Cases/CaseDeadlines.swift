import Foundation

/// The legal clocks of a case (Decree 56 Art. 26.3, 28.1, 28.4, 32), computed in Vietnam's time.
public enum CaseDeadlineKind: String, Codable, Sendable, CaseIterable {
    /// Emergency measures within 12 hours of receiving the report.
    case emergency
    /// The plan within 5 working days.
    case plan
    /// The chairperson's approval within 2 working days of the plan.
    case approval
    /// The end of a temporary separation.
    case separationEnd = "separation_end"

    public var label: LocalizedText {
        switch self {
        case .emergency: LocalizedText(vi: "Can thiệp khẩn cấp (12 giờ)", en: "Emergency measures (12 hours)")
        case .plan: LocalizedText(vi: "Xây dựng kế hoạch (5 ngày làm việc)", en: "Plan (5 working days)")
        case .approval: LocalizedText(vi: "Phê duyệt kế hoạch (2 ngày làm việc)", en: "Plan approval (2 working days)")
        case .separationEnd: LocalizedText(vi: "Hết hạn tạm thời cách ly", en: "Temporary separation ends")
        }
    }
}

public struct CaseDeadline: Equatable, Sendable {
    public var kind: CaseDeadlineKind
    public var due: Date

    public init(kind: CaseDeadlineKind, due: Date) {
        self.kind = kind
        self.due = due
    }
}

/// When what is owed next is due. Where the law leaves the start of a period open, the choice that
/// protects the child is taken: the plan's 5 working days run from the day the report was received.
public struct CaseClock: Sendable {
    public static let emergencyHours = 12.0
    public static let planWorkingDays = 5
    public static let approvalWorkingDays = 2

    public var calendar: WorkingDayCalendar

    public init(calendar: WorkingDayCalendar = WorkingDayCalendar()) {
        self.calendar = calendar
    }

    /// The deadline the case must meet next, or nil when none runs.
    public func nextDeadline(
        facts: CaseFacts, receivedAt: Date, planSubmittedAt: Date?, separationEnd: CivilDate?
    ) -> CaseDeadline? {
        switch facts.status {
        case .received, .initiallyAssessed:
            if facts.needsEmergencyMeasures || facts.status == .received && facts.abuserIsCarer {
                return CaseDeadline(kind: .emergency, due: receivedAt.addingTimeInterval(Self.emergencyHours * 3600))
            }
            return planDeadline(receivedAt)
        case .emergencyActed, .detailedAssessed, .planning:
            return [planDeadline(receivedAt), separationDeadline(separationEnd)].compactMap { $0 }
                .min { $0.due < $1.due }
        case .planDrafted:
            let submitted = VietnamDay.containing(planSubmittedAt ?? receivedAt)
            let approval = CaseDeadline(
                kind: .approval,
                due: VietnamDay.end(of: calendar.adding(workingDays: Self.approvalWorkingDays, to: submitted)))
            return [approval, separationDeadline(separationEnd)].compactMap { $0 }.min { $0.due < $1.due }
        case .planApproved, .inProgress, .reviewed:
            return separationDeadline(separationEnd)
        case .closed:
            return nil
        }
    }

    private func planDeadline(_ receivedAt: Date) -> CaseDeadline {
        let received = VietnamDay.containing(receivedAt)
        return CaseDeadline(
            kind: .plan, due: VietnamDay.end(of: calendar.adding(workingDays: Self.planWorkingDays, to: received)))
    }

    private func separationDeadline(_ end: CivilDate?) -> CaseDeadline? {
        end.map { CaseDeadline(kind: .separationEnd, due: VietnamDay.end(of: $0)) }
    }
}

/// Vietnam's clock (UTC+7, no daylight saving): which day an instant falls on, and when a day ends.
public enum VietnamDay {
    public static let secondsFromUTC = 7 * 3600

    public static func containing(_ instant: Date) -> CivilDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + secondsFromUTC
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        return CivilDate(julianDay: 2_440_588 + days)
    }

    /// The last second of a day in Vietnam.
    public static func end(of day: CivilDate) -> Date {
        start(of: day.adding(days: 1)).addingTimeInterval(-1)
    }

    public static func start(of day: CivilDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval((day.julianDay - 2_440_588) * 86400 - secondsFromUTC))
    }
}

extension CaseDeadline {
    /// "còn 11 giờ 58 phút" / "quá hạn 2 ngày 3 giờ": what a clock on the inbox says.
    public func remaining(now: Date) -> LocalizedText {
        let seconds = Int(due.timeIntervalSince(now))
        let minutes = abs(seconds) / 60
        let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        let vi =
            days > 0 ? "\(days) ngày \(hours) giờ" : hours > 0 ? "\(hours) giờ \(mins) phút" : "\(mins) phút"
        let en =
            days > 0 ? "\(days) d \(hours) h" : hours > 0 ? "\(hours) h \(mins) min" : "\(mins) min"
        return seconds >= 0
            ? LocalizedText(vi: "còn \(vi)", en: "\(en) left") : LocalizedText(vi: "quá hạn \(vi)", en: "\(en) late")
    }

    public func isLate(now: Date) -> Bool { due < now }
}
