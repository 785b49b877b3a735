import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// The home page is today's work: each role sees what waits for it, inside its own jurisdiction.
@Suite struct HomePageTests {
    private func signedIn(_ app: Application, _ username: String) async throws -> WebClient {
        let browser = WebClient(app)
        try await browser.signIn(username)
        return browser
    }

    /// A report typed by the hotline `hoursAgo` about commune 4 (Ba Đình): its 12-hour clock runs from then.
    private func reportInBaDinh(_ app: Application, hoursAgo: Int) async throws -> UUID {
        if try await UserAccount.query(on: app.db).filter(\.$username == "hotline").first() == nil {
            try await makeAccount(app, "hotline", role: .hotlineCounsellor)
        }
        let hotline = try await signedIn(app, "hotline")
        try await hotline.get(SiteURL.cases(.newReport).path)
        let received = VietnamTime.dateTimeLocal(Date().addingTimeInterval(TimeInterval(-hoursAgo * 3600)))
        let saved = try await hotline.post(
            SiteURL.cases(.newReport).path,
            [
                "channel": "phone_111", "receivedAt": received, "communeCode": String(Places.baDinh),
                "abuseForms[]": "violence", "abuserIsCarer": "1", "description": "Trẻ có vết bầm, nghi bị bố đánh",
            ])
        #expect(saved.status == .seeOther)
        let location = try #require(saved.headers.first(name: .location))
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }

    /// The count shown in one item of the home page, or nil when the item is not there.
    private func item(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: #"<li id="\#(id)""#) else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</li>") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    @Test func aLateCaseIsOnItsCommuneOfficersHomeAndNotOnAnotherCommunes() async throws {
        try await withTreApp { app in
            let id = try await reportInBaDinh(app, hoursAgo: 13)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            let home = try await signedIn(app, "xa4").get(SiteURL.home.path).body.string
            let late = try #require(item("home-late", in: home), "the late case is on Ba Đình's home")
            #expect(late.contains(#"class="late""#))
            #expect(late.contains(">1<"))
            #expect(late.contains("Vụ việc quá hạn"))
            #expect(
                late.contains(
                    SiteURL.cases(.inbox).link(["filter": "late"]).replacingOccurrences(of: "&", with: "&amp;")))
            #expect(item("home-new", in: home)?.contains(">1<") == true, "received, not yet assessed")
            #expect(item("home-report", in: home)?.contains("Chưa gửi") == true, "the quarter's report is owed")
            #expect(!home.contains("home-nothing"))
            _ = id

            let other = try await signedIn(app, "xa8").get(SiteURL.home.path).body.string
            #expect(item("home-late", in: other) == nil, "Ngọc Hà's officer does not see Ba Đình's case")
            #expect(item("home-new", in: other) == nil)
        }
    }

    @Test func theProvinceSeesTheEscalatedCaseAndACommuneReportToDecide() async throws {
        try await withTreApp { app in
            _ = try await reportInBaDinh(app, hoursAgo: 13)
            try await CaseEscalation.run(on: app.db)
            let report = PeriodicReportRecord()
            report.provinceCode = Places.haNoi
            report.communeCode = Places.baDinh
            report.period = "2026-Q3"
            report.status = PeriodicReportStatus.submitted.rawValue
            report.comment = ""
            report.submittedBy = "xa4"
            report.decidedBy = ""
            try await report.create(on: app.db)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
            let home = try await signedIn(app, "tinh1").get(SiteURL.home.path).body.string
            #expect(item("home-escalated", in: home)?.contains(">1<") == true)
            #expect(item("home-reports-to-decide", in: home)?.contains(">1<") == true)
            let other = try await signedIn(app, "tinh4").get(SiteURL.home.path).body.string
            #expect(item("home-escalated", in: other) == nil)
            #expect(item("home-reports-to-decide", in: other) == nil)
            #expect(other.contains(#"id="home-nothing""#) && other.contains("Không có việc nào đang chờ bạn"))
        }
    }

    @Test func theChairpersonSeesTheApprovalWaitingForThem() async throws {
        try await withTreApp { app in
            let id = try await reportInBaDinh(app, hoursAgo: 1)
            let found = try #require(try await ProtectionCase.find(id, on: app.db))
            found.status = CaseStatus.planDrafted.rawValue
            try await found.update(on: app.db)
            try await makeAccount(app, "ct4", role: .communeChair, commune: Places.baDinh)
            try await makeAccount(app, "ct8", role: .communeChair, commune: Places.ngocHa)
            let home = try await signedIn(app, "ct4").get(SiteURL.home.path).body.string
            let waiting = try #require(item("home-approvals", in: home))
            #expect(waiting.contains("Chờ Chủ tịch quyết định"))
            #expect(waiting.contains("Phê duyệt kế hoạch"))
            #expect(waiting.contains(found.number) && !found.number.isEmpty, "the case by its number")
            #expect(waiting.contains(SiteURL.cases(.show(.value(id))).path))
            let other = try await signedIn(app, "ct8").get(SiteURL.home.path).body.string
            #expect(item("home-approvals", in: other) == nil)
        }
    }

    @Test func theCounsellorSeesTheFollowUpsDue() async throws {
        try await withTreApp { app in
            let counsellor = try await makeAccount(app, "tv1", role: .hotlineCounsellor)
            let contact = HotlineContact()
            contact.channel = "phone"
            contact.startedAt = Date()
            contact.callerType = "child"
            contact.callerIdentifier = "0900000000"
            contact.topicCodes = ""
            contact.notes = "Gọi lại hỏi thăm"
            contact.followUpOn = "2020-01-01"
            contact.counsellorID = try counsellor.requireID()
            try await contact.create(on: app.db)
            let home = try await signedIn(app, "tv1").get(SiteURL.home.path).body.string
            let due = try #require(item("home-follow-ups", in: home))
            #expect(due.contains(SiteURL.hotline(.today).path))
            #expect(due.contains("Đã quá ngày hẹn"))
        }
    }

    @Test func anAdministratorAndAnAnalystKeepTheirLinksAndAreToldNothingWaits() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            try await makeAccount(app, "phantich", role: .nationalAnalyst)
            let admin = try await signedIn(app, "quantri").get(SiteURL.home.path)
            #expect(admin.status == .ok)
            #expect(admin.body.string.contains(#"href="\#(SiteURL.accounts(.users).path)""#))
            #expect(admin.body.string.contains(#"id="home-nothing""#))
            let analyst = try await signedIn(app, "phantich").get(SiteURL.home.path).body.string
            #expect(analyst.contains(#"href="\#(SiteURL.indicators(.overview).path)""#))
            #expect(analyst.contains(#"href="\#(SiteURL.audit(.trail).path)""#))
        }
    }

    // MARK: the page model's words

    @Test func eachItemSaysWhatItIsAndHowMany() {
        var work = HomeWork()
        work.lateCases = 2
        work.dueSoonCases = 0
        work.newCases = 3
        work.questionsWaiting = 1
        work.questionsOverdue = 1
        work.reportDue = HomeWork.ReportDue(period: IndicatorPeriod(kind: .quarter, year: 2026, index: 3), status: nil)
        let vi = HomePage.tasks(work, language: .vi)
        #expect(vi.map(\.id) == ["home-late", "home-new", "home-questions", "home-report"], "nothing shown for zero")
        #expect(vi[0].label == "Vụ việc quá hạn" && vi[0].count == "2" && vi[0].late)
        #expect(vi[2].note == "Quá hạn trả lời: 1")
        #expect(vi[3].count == "Quý 3/2026" && vi[3].note == "Chưa gửi")
        let en = HomePage.tasks(work, language: .en)
        #expect(en[0].label == "Late cases")
        #expect(en[3].count == "Q3/2026" && en[3].note == "Not sent yet")
    }

    @Test func withNothingWaitingThePageSaysSo() {
        let page = HomePage(
            fullName: "Lan", role: .communeOfficer, jurisdictionName: "Phường Ba Đình",
            work: HomeWork(dueSoonCases: 0, lateCases: 0), language: .vi)
        #expect(page.nothingToDo && page.tasks.isEmpty)
        #expect(page.links.contains { $0.href == SiteURL.accounts(.password).path }, "the account's links stay")
    }

    @Test func anAdministratorIsToldOfForgedAuditEntries() {
        let tasks = HomePage.tasks(HomeWork(forgedAuditEntries: 2), language: .vi)
        #expect(tasks.map(\.id) == ["home-forged"] && tasks[0].count == "2" && tasks[0].late)
        #expect(tasks[0].href == SiteURL.audit(.trail).path)
        #expect(HomePage.tasks(HomeWork(forgedAuditEntries: 0), language: .vi).isEmpty)
    }

    @Test func aReturnedReportSaysItWasReturned() {
        let work = HomeWork(
            reportDue: HomeWork.ReportDue(
                period: IndicatorPeriod(kind: .quarter, year: 2026, index: 2), status: .returned))
        let task = HomePage.tasks(work, language: .vi).first
        #expect(task?.note == "Tỉnh trả lại")
    }

    @Test func theReportOwedIsTheQuarterThatLastEnded() {
        #expect(HomeQueries.lastEndedQuarter(before: CivilDate(2026, 11, 29)).description == "2026-Q3")
        #expect(HomeQueries.lastEndedQuarter(before: CivilDate(2027, 2, 1)).description == "2026-Q4")
    }
}
