/// A commune's periodic report to its province: submitted, then approved (its figures locked) or
/// returned with a comment; the province may reopen an approved one.
public enum PeriodicReportStatus: String, CaseIterable, Codable, Sendable {
    case submitted, approved, returned, reopened

    public var label: LocalizedText {
        switch self {
        case .submitted: LocalizedText(vi: "Đã gửi, chờ tỉnh duyệt", en: "Submitted, awaiting the province")
        case .approved: LocalizedText(vi: "Đã duyệt (số liệu đã khóa)", en: "Approved (figures locked)")
        case .returned: LocalizedText(vi: "Tỉnh trả lại", en: "Returned by the province")
        case .reopened: LocalizedText(vi: "Tỉnh đã mở lại", en: "Reopened by the province")
        }
    }
}

public enum PeriodicReportAction: String, CaseIterable, Sendable {
    case submit, approve, `return`, reopen
}

public struct PeriodicReportError: LocalizedFailure, Equatable {
    public var code: String
    public var message: LocalizedText
}

public enum PeriodicReportRules {
    /// The status after an action, or why it is refused. `byProvince` says whether the actor works at the
    /// province (approval is the level above's act, submission the commune's).
    public static func next(
        after current: PeriodicReportStatus?, _ action: PeriodicReportAction, byProvince: Bool, comment: String
    ) throws(PeriodicReportError) -> PeriodicReportStatus {
        func refuse(_ vi: String, _ en: String) -> PeriodicReportError {
            PeriodicReportError(code: "report_not_allowed", message: LocalizedText(vi: vi, en: en))
        }
        switch action {
        case .submit:
            guard !byProvince else {
                throw refuse("Chỉ xã gửi báo cáo của mình.", "Only the commune submits its report.")
            }
            guard current == nil || current == .returned || current == .reopened else {
                throw refuse(
                    "Báo cáo kỳ này đã được gửi (\(current!.label.vi.lowercased())).",
                    "This period's report was already sent (\(current!.label.en.lowercased())).")
            }
            return .submitted
        case .approve, .return:
            guard byProvince else {
                throw refuse("Chỉ tỉnh duyệt hoặc trả lại báo cáo.", "Only the province approves or returns a report.")
            }
            guard current == .submitted else {
                throw refuse(
                    "Chỉ duyệt hoặc trả lại báo cáo đã gửi.", "Only a submitted report can be approved or returned.")
            }
            if action == .return, comment.trimmingCharacters(in: .whitespaces).isEmpty {
                throw refuse(
                    "Hãy ghi lý do trả lại để xã biết cần sửa gì.",
                    "Say why it is returned, so the commune knows what to fix.")
            }
            return action == .approve ? .approved : .returned
        case .reopen:
            guard byProvince else {
                throw refuse("Chỉ tỉnh mở lại báo cáo đã duyệt.", "Only the province reopens an approved report.")
            }
            guard current == .approved else {
                throw refuse("Chỉ mở lại báo cáo đã duyệt.", "Only an approved report can be reopened.")
            }
            guard !comment.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw refuse("Hãy ghi lý do mở lại.", "Say why it is reopened.")
            }
            return .reopened
        }
    }

    /// The message shown when an edit would change a locked period's figures.
    public static func lockedRefusal(period: IndicatorPeriod) -> PeriodicReportError {
        PeriodicReportError(
            code: "period_locked",
            message: LocalizedText(
                vi:
                    "Báo cáo kỳ \(period) của xã đã được tỉnh duyệt nên số liệu kỳ này đã khóa. Đề nghị tỉnh mở lại báo cáo nếu cần sửa.",
                en:
                    "The commune's report for \(period) was approved by the province, so that period's figures are locked. Ask the province to reopen it to make this change."
            ))
    }
}

extension IndicatorPeriod {
    /// The period itself and every shorter period inside it (a quarter's months): what its approval locks.
    public var lockedPeriods: [IndicatorPeriod] {
        IndicatorTally.window(years: year...year, today: CivilDate(year, 12, 31)).filter {
            start <= $0.start && $0.end <= end
        }
    }

    /// Whether a day falls in the period.
    public func contains(_ day: CivilDate) -> Bool { start <= day && day < end }
}

/// An action's name as it appears in a report's address (`…/reports/{id}/approve`).
extension PeriodicReportAction: CustomStringConvertible {
    public var description: String { rawValue }
}
