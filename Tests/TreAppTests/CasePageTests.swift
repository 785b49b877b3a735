import Foundation
import Testing
import TreDomain

@testable import TreApp

/// The case page's model, built from fixtures without HTTP or a database: what each reader sees.
@Suite struct CasePageTests {
    static let caseID = UUID()
    static let receiver = UUID()
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func reader(_ role: Role, _ jurisdiction: Jurisdiction, id: UUID = UUID()) -> Principal {
        Principal(
            userID: id, username: "u", fullName: "Người đọc", role: role, jurisdiction: jurisdiction,
            mustChangePassword: false)
    }

    static let officer = reader(.communeOfficer, .commune(provinceCode: 1, communeCode: 4))
    static let otherCommune = reader(.communeOfficer, .commune(provinceCode: 1, communeCode: 8))
    static let province = reader(.provincialOfficer, .province(provinceCode: 1))
    static let analyst = reader(.nationalAnalyst, .nation)
    static let hotline = reader(.hotlineCounsellor, .nation, id: receiver)

    /// A case received in commune 4 whose emergency clock runs until `due`.
    static func file(
        status: CaseStatus = .received, due: Date? = now.addingTimeInterval(5 * 3600), consent: Bool = false,
        anonymous: Bool = false
    ) -> CaseFile {
        let report = AbuseReport()
        report.id = UUID()
        report.channel = "phone_111"
        report.receivedAt = now.addingTimeInterval(-7 * 3600)
        report.anonymous = anonymous
        report.reporterName = anonymous ? "" : "Phạm Thị Lan"
        report.reporterPhone = anonymous ? "" : "0987654321"
        report.reporterAgreesToContact = consent
        report.provinceCode = 1
        report.communeCode = 4
        report.abuseForms = "violence"
        report.abuserIsCarer = true
        report.description = "Trẻ có vết bầm"
        report.receivedBy = receiver
        let found = ProtectionCase()
        found.id = caseID
        found.reportID = report.id!
        found.provinceCode = 1
        found.communeCode = 4
        found.status = status.rawValue
        found.abuserIsCarer = true
        found.receivedAt = report.receivedAt
        found.version = 3
        found.nextDeadlineKind = due.map { _ in CaseDeadlineKind.emergency.rawValue }
        found.nextDeadlineAt = due
        return CaseFile(
            id: caseID, found: found, report: report, communeName: "Phường Ba Đình", receiverName: "Tổng đài 111",
            childIDs: [], children: [], steps: [], referrals: [], followUps: [])
    }

    static func reporter(_ page: CasePage, _ language: Language = .vi) -> String? {
        page.facts.first { $0.label == UIStrings.text("reporter", language) }?.value
    }

    @Test func aRecordedStepWritesDatesAndMoneyAsPeopleReadThem() {
        let plan = CaseStepRecord()
        plan.step = "plan"
        plan.actorName = "Cán bộ xã"
        plan.content =
            #"[{"kind":"psychological","description":"Tư vấn","provider":"Trung tâm CTXH","responsible":"Cán bộ xã","start":"2026-12-01","end":"2026-12-31","costVND":2000000}]"#
        let vi = CaseStepView.view(plan, language: .vi)
        #expect(vi.facts.first?.value.contains("01/12/2026–31/12/2026 · 2.000.000 đ") == true)
        let en = CaseStepView.view(plan, language: .en)
        #expect(en.facts.first?.value.contains("2,000,000 đ") == true)

        let conference = CaseStepRecord()
        conference.step = "case-conference"
        conference.actorName = "Cán bộ xã"
        conference.content = #"{"heldOn":"2026-12-03","participants":"Xã, trường","conclusions":"Hỗ trợ tâm lý"}"#
        #expect(CaseStepView.view(conference, language: .vi).facts.first?.value == "03/12/2026")
    }

    @Test func thePlanAwaitingApprovalIsTheChairpersonsFormAndTheOthersAreToldWhoItWaitsFor() {
        let chair = Self.reader(.communeChair, .commune(provinceCode: 1, communeCode: 4))
        let forChair = CasePage(Self.file(status: .planDrafted), reader: chair, language: .vi, now: Self.now)
        #expect(forChair.next.approval != nil)
        #expect(forChair.waitsForChair == nil)

        let forOfficer = CasePage(Self.file(status: .planDrafted), reader: Self.officer, language: .vi, now: Self.now)
        #expect(forOfficer.next.approval == nil && !forOfficer.next.any)
        #expect(forOfficer.waitsForChair == "Chờ Chủ tịch UBND xã: Phê duyệt kế hoạch (Mẫu 05)")
        let inEnglish = CasePage(Self.file(status: .planDrafted), reader: Self.officer, language: .en, now: Self.now)
        #expect(inEnglish.waitsForChair == "Waiting for the commune chairperson: Plan approval (Form 05)")
    }

    @Test func theStatusAndTheClockAreInTheReadersLanguage() {
        let vi = CasePage(Self.file(), reader: Self.officer, language: .vi, now: Self.now)
        #expect(vi.status == "Đã tiếp nhận")
        #expect(vi.deadline == CaseDeadlineKind.emergency.label(.vi))
        #expect(vi.clock == "còn 5 giờ 0 phút")
        #expect(!vi.late)
        #expect(vi.title == "Vụ việc · Phường Ba Đình")
        let en = CasePage(Self.file(), reader: Self.officer, language: .en, now: Self.now)
        #expect(en.status == "Received")
        #expect(en.facts.allSatisfy { !$0.label.contains(" / ") }, "one language at a time")
    }

    @Test func aPassedDeadlineIsLate() {
        let page = CasePage(
            Self.file(due: Self.now.addingTimeInterval(-3600)), reader: Self.province, language: .vi, now: Self.now)
        #expect(page.late)
        let closed = CasePage(Self.file(status: .closed, due: nil), reader: Self.officer, language: .vi, now: Self.now)
        #expect(closed.deadline == nil && closed.clock == nil && !closed.late)
    }

    @Test func nextStepFormsAreShownOnlyToWhoMayAct() {
        let officer = CasePage(Self.file(), reader: Self.officer, language: .vi, now: Self.now)
        #expect(officer.next.any)
        #expect(officer.next.initialAssessment == "/cases/\(Self.caseID.uuidString)/initial-assessment")
        #expect(officer.next.closure == nil && officer.next.emergencyMeasures == nil)
        #expect(officer.mayRecord)
        for reader in [Self.analyst, Self.hotline] {
            let page = CasePage(Self.file(), reader: reader, language: .vi, now: Self.now)
            #expect(!page.next.any && page.next.initialAssessment == nil && !page.mayRecord)
        }
        let planning = CasePage(Self.file(status: .planning), reader: Self.officer, language: .vi, now: Self.now)
        #expect(planning.next.plan == "/cases/\(Self.caseID.uuidString)/plan")
        let closed = CasePage(Self.file(status: .closed, due: nil), reader: Self.officer, language: .vi, now: Self.now)
        #expect(!closed.next.any && !closed.mayRecord, "nothing is recorded on a closed case")
    }

    @Test func theReporterIsShownOnlyToWhoMayKnowThem() {
        // The receiving point knows whom it heard.
        #expect(
            Self.reporter(CasePage(Self.file(), reader: Self.hotline, language: .vi, now: Self.now))
                == "Phạm Thị Lan · 0987654321")
        // The commune, without the reporter's consent: whom to ask to relay, never who.
        let relayed = Self.reporter(CasePage(Self.file(), reader: Self.officer, language: .vi, now: Self.now))
        #expect(relayed?.contains("Tổng đài 111") == true)
        #expect(relayed?.contains("Phạm Thị Lan") == false)
        // The commune, with consent, knows them.
        #expect(
            Self.reporter(CasePage(Self.file(consent: true), reader: Self.officer, language: .vi, now: Self.now))
                == "Phạm Thị Lan · 0987654321")
        // The province and the nation never do, consent or not.
        for reader in [Self.province, Self.analyst] {
            let page = CasePage(Self.file(consent: true), reader: reader, language: .vi, now: Self.now)
            #expect(Self.reporter(page) == nil)
            #expect(!page.facts.contains { $0.value.contains("Phạm Thị Lan") })
        }
        // An anonymous report: the commune has no one to ask about.
        #expect(
            Self.reporter(CasePage(Self.file(anonymous: true), reader: Self.officer, language: .vi, now: Self.now))
                == nil)
        #expect(
            Self.reporter(CasePage(Self.file(anonymous: true), reader: Self.hotline, language: .en, now: Self.now), .en)
                == "Anonymous")
    }

    @Test func referralsVisitsStepsAndChildrenAreListedWithTheirLinks() throws {
        var file = Self.file(status: .inProgress)
        let child = UUID()
        file.children = [(child, "Nguyễn Văn An")]
        let referral = CaseReferral()
        referral.id = UUID()
        referral.caseID = Self.caseID
        referral.providerKind = ProviderKind.health.rawValue
        referral.providerName = "Trạm y tế phường"
        referral.reason = "Khám vết thương"
        referral.sentOn = "2026-11-20"
        referral.status = ReferralStatus.sent.rawValue
        referral.reply = ""
        file.referrals = [referral]
        let visit = CaseFollowUp()
        visit.caseID = Self.caseID
        visit.visitedOn = "2026-11-21"
        visit.childSeen = false
        visit.notes = "Gia đình đi vắng"
        visit.byName = "Cán bộ xã"
        file.followUps = [visit]
        let step = CaseStepRecord()
        step.caseID = Self.caseID
        step.step = CaseStepKind.review.rawValue
        step.statusAfter = CaseStatus.planning.rawValue
        step.content = #"{"notes":"Cần thêm hỗ trợ","outcome":"replan"}"#
        step.actorName = "Cán bộ xã"
        file.steps = [step]

        let page = CasePage(file, reader: Self.officer, language: .vi, now: Self.now)
        let id = Self.caseID.uuidString
        #expect(page.children.map(\.href) == ["/children/\(child.uuidString)"])
        #expect(page.children.map(\.name) == ["Nguyễn Văn An"])
        let row = try #require(page.referrals.first)
        #expect(row.provider == "Y tế: Trạm y tế phường")
        #expect(row.sentOn == "20/11/2026")
        #expect(row.action == "/cases/\(id)/referrals/\(referral.id!.uuidString)")
        #expect(page.visits.first?.label == "21/11/2026 · Cán bộ xã")
        #expect(page.visits.first?.value == "(không gặp được trẻ) Gia đình đi vắng")
        #expect(page.steps.first?.title == "Rà soát, đánh giá (Mẫu 06)")
        #expect(page.steps.first?.facts.contains(.init(label: "Kết quả", value: "Xây dựng lại kế hoạch")) == true)
        #expect(page.links.referrals == "/cases/\(id)/referrals")
        #expect(page.links.followUps == "/cases/\(id)/follow-ups")
        #expect(page.links.printScript == "/js/print.js")
        let english = CasePage(file, reader: Self.officer, language: .en, now: Self.now)
        #expect(english.steps.first?.title == "Review (Form 06)")
        #expect(english.visits.first?.value == "(child not seen) Gia đình đi vắng")
    }

    @Test func aStepStoredUnderAnUnknownNameIsNotShownAsAnotherStep() {
        let record = CaseStepRecord()
        record.step = "retired-step"
        record.content = "{}"
        record.actorName = "x"
        #expect(CaseStepView.view(record, language: .vi).title == "retired-step")
    }

    @Test func everyStepHasATitleInBothLanguages() {
        for kind in CaseStepKind.allCases {
            let key = CaseStepView.titleKey(kind)
            #expect(UIStrings.all[key] != nil, "\(kind) has no title")
        }
    }

    @Test func theInboxListsTheCasesWithTheirClocksAndKeepsTheSearchInItsLinks() {
        let late = Self.file(due: Self.now.addingTimeInterval(-2 * 3600)).found
        late.escalatedAt = Self.now
        let closed = Self.file(status: .closed, due: nil).found
        closed.id = UUID()
        let loaded = InboxPage.Loaded(cases: [late, closed], total: 2, communeNames: [4: "Phường Ba Đình"])
        let query = InboxQuery(filter: .late, q: "an", paging: Paging(page: 1, per: 50))
        let page = InboxPage(loaded, query: query, reader: Self.officer, language: .vi, now: Self.now)
        #expect(page.rows.count == 2)
        let first = page.rows[0]
        #expect(first.href == "/cases/\(Self.caseID.uuidString)")
        #expect(first.commune == "Phường Ba Đình" && first.status == "Đã tiếp nhận")
        #expect(first.late && first.escalated && first.clock == "quá hạn 2 giờ 0 phút")
        #expect(page.rows[1].status == "Đã kết thúc" && page.rows[1].clock.isEmpty && !page.rows[1].late)
        #expect(page.exportHref == "/cases.csv?filter=late&q=an")
        #expect(page.filters.first { $0.current }?.href == "/cases?filter=late&q=an")
        #expect(page.searchAction == "/cases")
        #expect(page.newReportHref == "/reports/new", "a commune officer records reports")
        let analyst = InboxPage(loaded, query: query, reader: Self.analyst, language: .en, now: Self.now)
        #expect(analyst.newReportHref == nil)
        #expect(analyst.rows[0].status == "Received")
    }

    @Test func notificationsSpeakTheReadersLanguageAndLinkToTheCase() {
        let note = CaseNotification()
        note.caseID = Self.caseID
        note.messageVI = "Quá hạn: can thiệp khẩn cấp"
        note.messageEN = "Deadline passed: emergency measures"
        let page = NotificationsPage(([note], 1), paging: Paging(page: 1, per: 50), language: .en)
        #expect(page.rows.map(\.message) == ["Deadline passed: emergency measures"])
        #expect(page.rows.first?.href == "/cases/\(Self.caseID.uuidString)")
        #expect(page.rows.first?.unread == true)
        #expect(page.rows.first?.about == "", "nothing named when the case could not be loaded")
    }

    @Test func twoNotificationsOfTheSameKindNameTheirCasesApart() {
        func note(_ id: UUID) -> CaseNotification {
            let note = CaseNotification()
            note.caseID = id
            note.messageVI = "Quá hạn: can thiệp khẩn cấp"
            note.messageEN = "Deadline passed: emergency measures"
            return note
        }
        let (first, second) = (UUID(), UUID())
        let received = Date(timeIntervalSince1970: 1_794_900_000)
        let names: [UUID: NotificationsPage.CaseName] = [
            first: .init(
                number: "00004-2026-0012", commune: "Phường Ba Đình", receivedAt: received,
                children: ["Nguyễn Thị Hoa"]),
            second: .init(number: "00008-2026-0001", commune: "Phường Ngọc Hà", receivedAt: received, children: []),
        ]
        let page = NotificationsPage(
            ([note(first), note(second)], 2), cases: names, paging: Paging(page: 1, per: 50), language: .vi)
        #expect(page.rows[0].message == page.rows[1].message)
        #expect(
            page.rows[0].about
                == "Vụ việc số 00004-2026-0012 · Phường Ba Đình · Thời điểm tiếp nhận \(VietnamTime.format(received))"
                + " · Nguyễn Thị Hoa")
        #expect(page.rows[1].about.hasPrefix("Vụ việc số 00008-2026-0001 · Phường Ngọc Hà · "))
        #expect(page.rows[0].about != page.rows[1].about)
    }

    @Test func theReportFormOffersEachChoiceInOneLanguage() {
        let chooser = CommuneChooser(
            query: "", provinceCode: nil, chosen: nil, matches: [], searched: false, provinces: [], language: .vi)
        let loaded = ReportPage.Loaded(child: nil, chooser: chooser)
        let vi = ReportPage(ReportForm(), loaded: loaded, language: .vi, refusal: nil)
        #expect(vi.sexes.map(\.label) == ["Nữ", "Nam"])
        #expect(vi.sexes.first?.selected == true)
        #expect(vi.action == "/reports/new")
        let en = ReportPage(ReportForm(), loaded: loaded, language: .en, refusal: nil)
        #expect(en.sexes.map(\.label) == ["Female", "Male"])
        #expect(en.channels.first { $0.selected }?.value == "phone_111")
    }

    @Test func theDaysOffPageLinksTheYearsAroundAndEachDayToRemove() {
        let day = DayOff()
        day.id = UUID()
        day.date = "2026-11-04"
        day.name = "Nghỉ bù"
        let page = DaysOffPage(year: 2027, added: [day], language: .vi)
        #expect(page.added.map(\.date) == ["04/11/2026"])
        #expect(page.added.first?.deleteAction == "/admin/days-off/\(day.id!.uuidString)/delete")
        #expect(page.previousYear.href == "/admin/days-off?year=2026")
        #expect(page.nextYear.href == "/admin/days-off?year=2028")
        #expect(page.statutory.contains { $0.date == "06/02/2027" }, "Tết 2027 is among the statutory days")
        // Each statutory day says which holiday it is.
        #expect(page.statutory.first { $0.date == "06/02/2027" }?.name == "Tết Nguyên đán")
        #expect(page.statutory.first { $0.date == "02/09/2027" }?.name == "Quốc khánh")
        #expect(page.statutory.allSatisfy { !$0.name.isEmpty })
        let english = DaysOffPage(year: 2027, added: [], language: .en)
        #expect(english.statutory.first?.name == "New Year's Day")
        #expect(page.action == "/admin/days-off")
    }
}
