import Fluent
import Foundation
import TreDomain

/// What is waiting for one reader today, counted inside their jurisdiction. A nil figure is work the
/// reader's role does not do (the page leaves it out); zero is work they do, with nothing waiting.
struct HomeWork: Sendable, Equatable {
    /// A case waiting for the chairperson's decision (the plan's approval or the closure).
    struct WaitingCase: Sendable, Equatable {
        var id: UUID
        var step: CaseStepKind
        var receivedAt: Date
        /// "00004-2026-0012"; empty for a case stored without one.
        var number = ""
    }

    /// The commune's report of the last quarter that ended, when it is still to be sent.
    struct ReportDue: Sendable, Equatable {
        var period: IndicatorPeriod
        /// nil: never sent; returned or reopened: to be sent again.
        var status: PeriodicReportStatus?
    }

    var newCases: Int?
    var dueSoonCases: Int?
    var lateCases: Int?
    /// Late cases the escalation has told the province about.
    var escalatedCases: Int?
    var waitingForChair: [WaitingCase]?
    var waitingForChairTotal = 0
    var questionsWaiting: Int?
    var questionsOverdue: Int?
    var reportDue: ReportDue?
    var reportsToDecide: Int?
    var assessmentsToAppraise: Int?
    var followUpsDue: Int?
    var followUpsLate: Int?
    var unreadNotifications: Int?
    /// Audit entries the sealer refused as not written by Tre: an administrator's to look into.
    var forgedAuditEntries: Int?
}

/// The scoped loads of the home page: each count is one query narrowed to the reader's jurisdiction, reusing
/// the inbox's filters and the registers' scopes rather than writing them again.
enum HomeQueries {
    static func work(for reader: Principal, now: Date, on database: any Database) async throws -> HomeWork {
        var work = HomeWork()
        let role = reader.role
        let jurisdiction = reader.jurisdiction
        let today = VietnamDay.containing(now)
        let worksCases = [Role.communeOfficer, .communeChair, .provincialOfficer].contains(role)
        if worksCases {
            func inboxTotal(_ filter: CaseInboxFilter) async throws -> Int {
                try await CaseQueries.inbox(in: jurisdiction, filter: filter, page: 1, per: 1, now: now, on: database)
                    .total
            }
            work.lateCases = try await inboxTotal(.late)
            work.dueSoonCases = try await inboxTotal(.dueSoon)
            work.unreadNotifications = try await CaseNotification.query(on: database)
                .filter(\.$userID == reader.userID).filter(\.$readAt == nil).count()
        }
        if role == .communeOfficer || role == .communeChair {
            work.newCases = try await CaseQueries.scoped(to: jurisdiction, on: database)
                .filter(\.$status == CaseStatus.received.rawValue).count()
        }
        if role == .communeChair {
            let waiting = CaseQueries.scoped(to: jurisdiction, on: database)
                .filter(\.$status ~~ [CaseStatus.planDrafted.rawValue, CaseStatus.reviewed.rawValue])
            work.waitingForChairTotal = try await waiting.count()
            work.waitingForChair = try await waiting.sort(\.$receivedAt).limit(5).all().compactMap { found in
                guard let id = found.id else { return nil }
                return HomeWork.WaitingCase(
                    id: id, step: found.status == CaseStatus.reviewed.rawValue ? .closure : .approval,
                    receivedAt: found.receivedAt, number: found.number)
            }
        }
        if role == .provincialOfficer {
            work.escalatedCases = try await CaseQueries.scoped(to: jurisdiction, on: database)
                .filter(\.$status != CaseStatus.closed.rawValue).filter(\.$nextDeadlineAt < now)
                .filter(\.$escalatedAt != nil).count()
            work.reportsToDecide = try await PeriodicReportRecord.query(on: database)
                .within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
                .filter(\.$status == PeriodicReportStatus.submitted.rawValue).count()
            work.assessmentsToAppraise = try await FriendlyAssessmentRecord.query(on: database)
                .within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
                .filter(\.$status == AssessmentStatus.submitted.rawValue).count()
        }
        if role == .communeOfficer || role == .communeChair {
            let unanswered = CommuneScope.records(ForumQuestionRecord.self, in: jurisdiction, on: database)
                .filter(\.$answeredOn == nil)
            work.questionsWaiting = try await unanswered.count()
            work.questionsOverdue = try await CommuneScope.records(
                ForumQuestionRecord.self, in: jurisdiction, on: database
            )
            .filter(\.$answeredOn == nil).filter(\.$due < today.description).count()
            let period = lastEndedQuarter(before: today)
            let status = try await IndicatorQueries.reportStatus(of: jurisdiction, period: period, on: database)
            if status == nil || status == .returned || status == .reopened {
                work.reportDue = HomeWork.ReportDue(period: period, status: status)
            }
        }
        if role == .hotlineCounsellor {
            let open = HotlineContact.query(on: database).filter(\.$followedUpAt == nil)
            work.followUpsDue = try await open.filter(\.$followUpOn <= today.description).count()
            work.followUpsLate = try await HotlineContact.query(on: database).filter(\.$followedUpAt == nil)
                .filter(\.$followUpOn < today.description).count()
        }
        if role == .admin {
            work.forgedAuditEntries = try await AuditQueries.scoped(to: jurisdiction, on: database)
                .filter(\.$sealRefused == true).count()
        }
        return work
    }

    /// The quarter before the one `today` is in: the report the commune owes its province now.
    static func lastEndedQuarter(before today: CivilDate) -> IndicatorPeriod {
        let quarter = (today.month - 1) / 3 + 1
        return quarter == 1
            ? IndicatorPeriod(kind: .quarter, year: today.year - 1, index: 4)
            : IndicatorPeriod(kind: .quarter, year: today.year, index: quarter - 1)
    }
}
