import Foundation
import TreDomain

/// The home page of one reader: today's work first (each item a link with its count and a short line),
/// then the account's links. Built without a database from who they are, their place's name and `HomeWork`.
struct HomePage: Encodable {
    struct Link: Encodable {
        var href: String
        var label: String
    }

    /// One thing to do: what it is, how many, a short line saying more, and where to do it.
    struct Task: Encodable, Equatable {
        /// A stable name for the item (`home-late`), for the page's anchors and tests.
        var id: String
        var href: String
        var label: String
        var count: String
        var note: String
        /// Past its deadline: shown as urgent.
        var late: Bool
    }

    var greeting: String
    var role: String
    var jurisdiction: String
    var roleIntro: String
    var tasks: [Task]
    var nothingToDo: Bool
    var links: [Link]

    init(
        fullName: String, role: Role, jurisdictionName: String, work: HomeWork = HomeWork(), language: Language
    ) {
        greeting = "\(UIStrings.text("welcome", language)), \(fullName)"
        self.role = role.label(language)
        jurisdiction = jurisdictionName
        roleIntro = HomeController.intro(for: role)(language)
        tasks = Self.tasks(work, language: language)
        nothingToDo = tasks.isEmpty
        links = Self.links(for: role, language: language)
    }

    /// The items with something waiting, the most pressing first; an item with nothing waiting is left out.
    static func tasks(_ work: HomeWork, language: Language) -> [Task] {
        func text(_ key: String) -> String { UIStrings.text(key, language) }
        func number(_ count: Int) -> String { IndicatorNumberFormat.integer(count, language: language) }
        var tasks: [Task] = []
        func add(_ id: String, _ count: Int?, _ href: String, _ label: String, note: String = "", late: Bool = false) {
            guard let count, count > 0 else { return }
            tasks.append(Task(id: id, href: href, label: text(label), count: number(count), note: note, late: late))
        }
        let inbox = SiteURL.cases(.inbox)
        add(
            "home-late", work.lateCases, inbox.link(["filter": CaseInboxFilter.late.rawValue]), "homeLateCases",
            note: text("homeLateCasesNote"), late: true)
        add(
            "home-escalated", work.escalatedCases, inbox.link(["filter": CaseInboxFilter.late.rawValue]),
            "homeEscalatedCases", note: text("homeEscalatedCasesNote"), late: true)
        add(
            "home-due-soon", work.dueSoonCases, inbox.link(["filter": CaseInboxFilter.dueSoon.rawValue]),
            "homeDueSoonCases", note: text("homeDueSoonCasesNote"))
        if let waiting = work.waitingForChair, work.waitingForChairTotal > 0 {
            // Each case by its number (by the day it was received, for one stored without a number).
            let named = waiting.map { found in
                let which =
                    found.number.isEmpty
                    ? "\(text("homeCaseReceived")) "
                        + VietnamTime.date(VietnamDay.containing(found.receivedAt).description)
                    : "\(text("case")) \(found.number)"
                return "\(CaseStepView.title(found.step, language)) — \(which)"
            }
            let href =
                waiting.count == 1 ? SiteURL.cases(.show(.value(waiting[0].id))).path : inbox.path
            add("home-approvals", work.waitingForChairTotal, href, "homeApprovals", note: named.joined(separator: "; "))
        }
        add("home-new", work.newCases, inbox.path, "homeNewCases", note: text("homeNewCasesNote"))
        if let waiting = work.questionsWaiting {
            let overdue = work.questionsOverdue ?? 0
            add(
                "home-questions", waiting, SiteURL.communeWork(.forums(.questions)).path, "homeQuestions",
                note: overdue > 0 ? "\(text("homeQuestionsOverdue")): \(number(overdue))" : "", late: overdue > 0)
        }
        if let due = work.reportDue {
            let state = due.status.map { $0.label(language) } ?? text("homeReportNotSent")
            tasks.append(
                Task(
                    id: "home-report", href: SiteURL.indicators(.reports).path, label: text("homeReportDue"),
                    count: due.period.label(language), note: state, late: false))
        }
        add(
            "home-reports-to-decide", work.reportsToDecide,
            SiteURL.indicators(.reports).link(["status": PeriodicReportStatus.submitted.rawValue]),
            "homeReportsToDecide",
            note: text("homeReportsToDecideNote"))
        add(
            "home-assessments", work.assessmentsToAppraise, SiteURL.childFriendly(.list).path, "homeAssessments",
            note: text("homeAssessmentsNote"))
        if let due = work.followUpsDue {
            let late = work.followUpsLate ?? 0
            add(
                "home-follow-ups", due, SiteURL.hotline(.today).path, "homeFollowUps",
                note: late > 0 ? "\(text("homeFollowUpsLate")): \(number(late))" : "", late: late > 0)
        }
        add(
            "home-forged", work.forgedAuditEntries, SiteURL.audit(.trail).path, "homeForged",
            note: text("homeForgedNote"), late: true)
        add("home-notifications", work.unreadNotifications, SiteURL.cases(.notifications).path, "homeNotifications")
        return tasks
    }

    /// The account's own links, and the places an administrator or analyst works from.
    static func links(for role: Role, language: Language) -> [Link] {
        var links: [Link] = []
        func add(_ href: String, _ key: String) {
            links.append(Link(href: href, label: UIStrings.text(key, language)))
        }
        if AccessPolicy.allows(role, .manageAccounts) {
            add(SiteURL.accounts(.users).path, "accounts")
            add(SiteURL.accounts(.newUser).path, "newAccount")
        }
        if AccessPolicy.allows(role, .viewAudit) { add(SiteURL.audit(.trail).path, "auditTrail") }
        if role == .nationalAnalyst { add(SiteURL.indicators(.overview).path, "homeIndicators") }
        add(SiteURL.accounts(.password).path, "changePassword")
        add(SiteURL.accounts(.secondFactor).path, "secondFactor")
        add(SiteURL.accounts(.sessions).path, "mySessions")
        return links
    }
}
