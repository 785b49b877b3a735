import Foundation
import Testing
import TreDomain

@testable import TreApp

/// The commune registers' page models, built from fixtures without HTTP or a database: what the reader
/// sees (status words, overdue flags, totals), who may record, and every link built from the site map.
@Suite struct RegisterPagesTests {
    static let today = CivilDate(2026, 8, 1)
    static let officer = reader(.communeOfficer, .commune(provinceCode: 1, communeCode: 4))
    static let analyst = reader(.nationalAnalyst, .nation)
    static let paging = Paging(page: 1, per: 50)

    static func reader(_ role: Role, _ jurisdiction: Jurisdiction) -> Principal {
        Principal(
            userID: UUID(), username: "reader", fullName: "Reader", role: role, jurisdiction: jurisdiction,
            mustChangePassword: false)
    }

    static func listing<Record: CommuneRecord>(_ records: [Record], total: Int? = nil) -> RegisterListing<Record> {
        RegisterListing(total: total ?? records.count, records: records, communeNames: [4: "Phường Ba Đình"])
    }

    static func forum(due: String, sent: String? = nil) -> ChildrenForumRecord {
        let forum = ChildrenForumRecord()
        forum.id = UUID()
        forum.provinceCode = 1
        forum.communeCode = 4
        forum.level = "commune"
        forum.date = "2026-06-01"
        forum.place = "Nhà văn hóa"
        forum.children = 42
        forum.chaperones = 4
        forum.consents = 42
        forum.belowMinimumReason = ""
        forum.reportDue = due
        forum.reportSubmittedOn = sent
        return forum
    }

    static func question(of forum: ChildrenForumRecord, due: String, answeredOn: String? = nil)
        -> ForumQuestionRecord
    {
        let question = ForumQuestionRecord()
        question.id = UUID()
        question.$forum.id = forum.id!
        question.provinceCode = 1
        question.communeCode = 4
        question.text = "Sân chơi ở đâu?"
        question.agency = "UBND xã"
        question.due = due
        question.answeredOn = answeredOn
        question.answer = answeredOn.map { _ in "Đang xây" }
        return question
    }

    // MARK: forums

    @Test func theForumRegisterFlagsOverdueReportsAndLinksEachForum() throws {
        let late = Self.forum(due: "2026-07-01")
        let sent = Self.forum(due: "2026-07-01", sent: "2026-06-20")
        let filter = RegisterFilter(year: 2026, q: "Ba Đình", overdue: false)
        let page = ForumListPage(
            Self.listing([late, sent], total: 120), filter: filter, paging: Self.paging, reader: Self.officer,
            language: .vi, today: Self.today)
        #expect(page.rows.map(\.reportStatus) == ["Quá hạn", "Đã xong đúng hạn"])
        #expect(page.rows.map(\.overdue) == [true, false])
        #expect(page.rows[0].href == "/forums/\(late.id!.uuidString)")
        #expect(page.rows[0].commune == "Phường Ba Đình" && page.rows[0].date == "01/06/2026")
        #expect(page.register.canRecord && page.register.listHref == "/forums")
        #expect(page.register.csvHref == "/forums.csv?q=Ba%20%C4%90%C3%ACnh&year=2026")
        #expect(page.register.pager.total == 120 && page.register.pager.nextHref?.hasPrefix("/forums?") == true)
        #expect(page.questionsHref == "/forums/questions")
        #expect(page.levels.first { $0.selected }?.value == "commune")

        let national = ForumListPage(
            Self.listing([late]), filter: filter, paging: Self.paging, reader: Self.analyst, language: .en,
            today: Self.today)
        #expect(!national.register.canRecord, "a national analyst reads the register but records nothing")
        #expect(national.rows[0].reportStatus == "Overdue")
    }

    @Test func aForumPageShowsItsQuestionsClocksAndGivesBackARefusedAnswer() throws {
        let forum = Self.forum(due: "2026-09-01")
        let answered = Self.question(of: forum, due: "2026-06-10", answeredOn: "2026-06-09")
        let waiting = Self.question(of: forum, due: "2026-07-10")
        let file = ForumQueries.ForumFile(forum: forum, commune: "Phường Ba Đình", questions: [answered, waiting])
        var typed = ForumsController.AnswerInput()
        typed.answer = "Sẽ trả lời"
        let refusal = Refusal(
            FieldError(field: "answeredOn", code: "invalid_date", message: .init(vi: "Sai ngày", en: "Wrong day")),
            language: .vi)
        let page = ForumPage(
            file, reader: Self.officer, language: .vi, today: Self.today, answer: (waiting.id!, typed),
            refusal: refusal)
        #expect(page.reportStatus == "Chưa đến hạn" && !page.reportOverdue && !page.reportSubmitted)
        #expect(page.questions.map(\.overdue) == [false, true])
        #expect(page.questions[0].onTime && page.questions[0].answeredOn == "09/06/2026")
        #expect(page.questions[1].typed.answer == "Sẽ trả lời", "what was typed is given back to its question")
        #expect(page.questions[0].typed.answer == nil)
        #expect(page.error == "Sai ngày")
        let id = forum.id!.uuidString
        #expect(page.askAction == "/forums/\(id)/questions" && page.reportAction == "/forums/\(id)/report")
        #expect(page.questions[1].answerAction == "/forums/\(id)/questions/\(waiting.id!.uuidString)/answer")
        #expect(page.questions[0].forumHref == nil, "on the forum's own page a question does not link back")
        #expect(page.forumsHref == "/forums" && page.canRecord)
        #expect(!ForumPage(file, reader: Self.analyst, language: .vi, today: Self.today).canRecord)
    }

    @Test func everyQuestionLinksItsForumAndExportsItsClock() {
        let forum = Self.forum(due: "2026-09-01")
        let late = Self.question(of: forum, due: "2026-07-10")
        let page = ForumQuestionsPage(
            Self.listing([late]), filter: RegisterFilter(overdue: true), paging: Self.paging, language: .vi,
            today: Self.today)
        #expect(page.rows[0].forumHref == "/forums/\(forum.id!.uuidString)" && page.rows[0].commune == "Phường Ba Đình")
        #expect(page.register.csvHref == "/forums/questions.csv?overdue=1" && page.register.overdue)
        #expect(!page.register.canRecord)
        #expect(ForumQuestionsPage.csv(Self.listing([late]), today: Self.today)[0][6] == "x", "overdue")
    }

    // MARK: campaigns

    @Test func theCampaignRegisterTotalsEverythingMatchedAndOffersTheOpenReports() {
        let campaign = CampaignRecord()
        campaign.id = UUID()
        campaign.provinceCode = 1
        campaign.communeCode = 4
        campaign.kind = "action_month"
        campaign.name = "Tháng hành động"
        campaign.startDate = "2026-06-01"
        campaign.endDate = "2026-06-30"
        campaign.children = 300
        campaign.adults = 40
        campaign.budget = 12_000_000
        campaign.reportDue = "2026-07-20"
        let totals = CampaignQueries.Totals(children: 900, adults: 100, budget: 30_000_000)
        let page = CampaignListPage(
            Self.listing([campaign]), totals: totals, filter: .init(year: 2026, kind: "action_month"),
            paging: Self.paging, reader: Self.officer, language: .vi, today: Self.today)
        #expect(page.totals.children == 900 && page.totals.budget == "30.000.000 đ")
        #expect(page.rows[0].dates == "01/06/2026 – 30/06/2026" && page.rows[0].budget == "12.000.000 đ")
        #expect(page.rows[0].overdue && page.rows[0].reportOpen && page.rows[0].reportStatus == "Quá hạn")
        #expect(page.rows[0].reportAction == "/campaigns/\(campaign.id!.uuidString)/report")
        #expect(page.register.csvHref == "/campaigns.csv?kind=action_month&year=2026")
        #expect(page.filterKinds.first { $0.selected }?.value == "action_month")
        #expect(page.register.canRecord && page.register.recordLabel == UIStrings.text("recordCampaign", .vi))
        #expect(CampaignListPage.csv(Self.listing([campaign]), language: .vi, today: Self.today)[0][6] == "12000000")
    }

    // MARK: inspections

    static func inspection(followUpDue: String?, done: String? = nil, violations: Int = 2) -> InspectionRecord {
        let record = InspectionRecord()
        record.id = UUID()
        record.provinceCode = 1
        record.communeCode = 4
        record.date = "2026-06-15"
        record.placeKind = "business"
        record.placeName = "Xưởng may"
        record.placeNameFolded = "xuong may"
        record.findings = "Hai trẻ làm ca đêm"
        record.violations = violations
        record.childrenFound = 2
        record.followUp = "Kiểm tra lại"
        record.followUpDue = followUpDue
        record.followUpDoneOn = done
        return record
    }

    @Test func theInspectionRegisterFlagsOverdueFollowUpsAndSearchesPlaces() {
        let overdue = Self.inspection(followUpDue: "2026-07-15")
        let none = Self.inspection(followUpDue: nil, violations: 0)
        let filter = InspectionQueries.Filter(RegisterFilter(year: 2026), withViolations: true)
        let page = InspectionListPage(
            Self.listing([overdue, none]), filter: filter, paging: Self.paging, reader: Self.officer, language: .vi,
            today: Self.today)
        #expect(page.rows.map(\.overdue) == [true, false])
        #expect(page.rows[1].followUpStatus == "" && page.rows[1].followUpDue == "")
        #expect(page.rows[0].href == "/inspections/\(overdue.id!.uuidString)")
        #expect(page.withViolations && page.register.csvHref == "/inspections.csv?violations=1&year=2026")
        #expect(page.register.searchLabel == UIStrings.text("placeOrCommune", .vi))
    }

    @Test func anInspectionPageLinksTheChildrenFoundAndWhoMayOpenAReport() throws {
        let record = Self.inspection(followUpDue: "2026-07-15", done: "2026-07-10")
        let child = Child()
        child.id = UUID()
        child.fullName = "Nguyễn Văn An"
        let file = InspectionQueries.InspectionFile(inspection: record, commune: "Phường Ba Đình", children: [child])
        let page = InspectionPage(file, reader: Self.officer, language: .vi, today: Self.today)
        #expect(page.followUpDone && !page.row.overdue && page.row.followUpStatus == "Đã xong đúng hạn")
        #expect(page.children[0].href == "/children/\(child.id!.uuidString)")
        #expect(page.canRecord && page.canReport)
        let id = record.id!.uuidString
        #expect(page.followUpAction == "/inspections/\(id)/follow-up")
        #expect(page.linkChildAction == "/inspections/\(id)/children" && page.listHref == "/inspections")
        let analyst = InspectionPage(file, reader: Self.analyst, language: .vi, today: Self.today)
        #expect(!analyst.canRecord && !analyst.canReport)
    }

    // MARK: injuries

    @Test func theInjuryRegisterMarksDeathsAndLinksRegisteredChildren() {
        let child = UUID()
        let injury = ChildInjuryRecord()
        injury.id = UUID()
        injury.provinceCode = 1
        injury.communeCode = 4
        injury.date = "2026-07-01"
        injury.cause = "drowning"
        injury.place = "water"
        injury.outcome = "died"
        injury.childID = child
        injury.description = "Ao làng"
        let filter = InjuryQueries.Filter(RegisterFilter(year: 2026), cause: "drowning")
        let page = InjuryListPage(
            Self.listing([injury]), filter: filter, paging: Self.paging, reader: Self.officer, language: .vi,
            notice: UIStrings.text("injuryRecorded", .vi))
        #expect(page.rows[0].died && page.rows[0].outcome == "Tử vong" && page.rows[0].cause == "Đuối nước")
        #expect(page.rows[0].childHref == "/children/\(child.uuidString)")
        #expect(
            page.register.csvHref == "/injuries.csv?cause=drowning&year=2026" && page.register.listHref == "/injuries")
        #expect(page.register.notice == UIStrings.text("injuryRecorded", .vi))
        #expect(page.outcomes.first { $0.selected }?.value == "injured", "a new injury is an injury, not a death")
        #expect(InjuryListPage.csv(Self.listing([injury]), language: .en)[0][4] == "Died")
        let analyst = InjuryListPage(
            Self.listing([injury]), filter: filter, paging: Self.paging, reader: Self.analyst, language: .vi)
        #expect(analyst.register.canRecord == AccessPolicy.allows(.nationalAnalyst, .recordInjuries))
    }

    // MARK: safety

    @Test func theSafetyRegisterShowsEachCommunesShareAndOnlyCommunesOrProvincesRecord() {
        let commune = Commune()
        commune.code = 4
        commune.provinceCode = 1
        commune.name = "Phường Ba Đình"
        var counts = SafetyCounts()
        counts.homesAssessed = 10
        counts.safeHomes = 7
        let listing = SafetyQueries.Listing(total: 1, communes: [commune], counts: [4: counts])
        let page = SafetyListPage(listing, year: 2026, filter: RegisterFilter(q: "ba"), paging: Self.paging)
        #expect(page.rows[0].homes == "7/10" && page.rows[0].schools == "—")
        #expect(page.rows[0].href == "/safety/4/2026" && page.register.heading == "2026")
        #expect(page.register.csvHref == "/safety.csv?q=ba&year=2026" && page.communeWorkHref == "/commune-work")
        #expect(!page.register.canRecord)

        let file = SafetyQueries.CommuneFile(commune: commune, year: 2026, saved: counts, checksTotal: 0, checks: [])
        let own = SafetyCommunePage(
            file, paging: Self.paging, reader: Self.officer, language: .vi, typed: ["schools": "3"])
        #expect(own.canRecord && own.counts["schools"] == "3" && own.counts["safeHomes"] == "7")
        #expect(own.saveAction == "/safety/4/2026" && own.checkAction == "/safety/4/2026/homes")
        #expect(own.listHref == "/safety?year=2026" && !own.homesFromChecks)
        let nation = SafetyCommunePage(
            file, paging: Self.paging, reader: Self.reader(.provincialOfficer, .nation), language: .vi)
        #expect(!nation.canRecord, "nobody records a commune's counts from the national level")
    }

    // MARK: the overview

    @Test func theOverviewLinksEachCountToItsListAndWarnsOnlyOfWhatIsOverdue() {
        var counts = CommuneWorkQueries.Counts()
        counts.forums = 3
        counts.forumReportsOverdue = 1
        counts.questionsOverdue = 0
        counts.inspectionsWithViolations = 2
        let page = CommuneWorkPage(counts, year: 2026, language: .vi)
        let forums = page.sections[0]
        #expect(forums.href == "/forums?year=2026" && forums.tiles[0].value == 3 && !forums.tiles[0].warning)
        #expect(forums.tiles[1].href == "/forums?overdue=1" && forums.tiles[1].warning)
        #expect(forums.tiles[4].href == "/forums/questions?overdue=1" && !forums.tiles[4].warning, "none overdue")
        #expect(page.sections[2].tiles[1].href == "/inspections?violations=1&year=2026")
        #expect(page.safetyHref == "/safety?year=2026" && page.action == "/commune-work")
        #expect(forums.title == UIStrings.text("forums", .vi))
    }

    // MARK: child-friendly communes

    static var baDinh: Commune {
        let commune = Commune()
        commune.code = 4
        commune.provinceCode = 1
        commune.name = "Phường Ba Đình"
        return commune
    }

    @Test func theChildFriendlyListShowsEachCommunesStatusAndTheShareRecognised() {
        let ngocHa = Commune()
        ngocHa.code = 8
        ngocHa.provinceCode = 1
        ngocHa.name = "Phường Ngọc Hà"
        let recognised = FriendlyAssessmentRecord()
        recognised.communeCode = 4
        recognised.status = AssessmentStatus.recognised.rawValue
        recognised.total = 960
        let listing = ChildFriendlyQueries.Listing(
            total: 2, communes: [Self.baDinh, ngocHa], assessments: [4: recognised], recognised: 1,
            communesInForce: 3)
        let page = ChildFriendlyListPage(listing, year: 2026, q: "", paging: Self.paging, language: .vi)
        #expect(page.rows.map(\.recognised) == [true, false])
        #expect(page.rows[1].status == UIStrings.text("notStarted", .vi) && page.rows[1].total == "")
        #expect(page.rows[0].total == "960" && page.rows[0].href == "/child-friendly/4/2026")
        #expect(page.share == IndicatorNumberFormat.decimal(100.0 / 3, language: .vi) + "%")
        #expect(page.targets == ["2025: 65%", "2030: 75%"])
        #expect(page.csvHref == "/child-friendly.csv?year=2026" && page.criteriaHref == "/child-friendly/criteria")
        let none = ChildFriendlyQueries.Listing(
            total: 0, communes: [], assessments: [:], recognised: 0, communesInForce: 0)
        #expect(ChildFriendlyListPage(none, year: 2026, q: "", paging: Self.paging, language: .vi).share == "—")
    }

    static func assessment(status: AssessmentStatus?) -> ChildFriendlyQueries.AssessmentFile {
        let set = CriteriaSet.decision06of2019
        var record: FriendlyAssessmentRecord?
        if let status {
            let stored = FriendlyAssessmentRecord()
            stored.id = UUID()
            stored.communeCode = 4
            stored.status = status.rawValue
            stored.category = "city_ward"
            record = stored
        }
        var first = AssessmentItem(number: 1)
        first.points = 10
        first.met = true
        let loaded = LoadedAssessment(
            commune: Self.baDinh, set: set, setID: UUID(), record: record,
            items: [first] + set.criteria.dropFirst().map { AssessmentItem(number: $0.number) })
        return ChildFriendlyQueries.AssessmentFile(loaded: loaded, year: 2026, evidence: [:], history: [])
    }

    @Test func anAssessmentIsEditedByTheCommuneSubmittedByItsChairAndAppraisedByTheProvince() {
        let chair = Self.reader(.communeChair, .commune(provinceCode: 1, communeCode: 4))
        let province = Self.reader(.provincialOfficer, .province(provinceCode: 1))
        let draft = Self.assessment(status: nil)
        let officerPage = AssessmentPage(draft, reader: Self.officer, language: .vi)
        #expect(officerPage.canEdit && !officerPage.canSubmit && !officerPage.canAppraise)
        #expect(AssessmentPage(draft, reader: chair, language: .vi).canSubmit)
        #expect(!AssessmentPage(draft, reader: province, language: .vi).canEdit, "the province never edits it")
        #expect(officerPage.items[0].points == "10" && officerPage.items[0].metYes)
        #expect(officerPage.saveAction == "/child-friendly/4/2026")
        #expect(officerPage.evidenceAction == "/child-friendly/4/2026/evidence")
        #expect(officerPage.appraisalAction == "/child-friendly/4/2026/appraisal")
        #expect(!officerPage.shortfalls.isEmpty, "an empty assessment is short of the threshold")

        let typed = AssessmentPage(
            draft, reader: Self.officer, language: .vi, typed: ["points_1": "abc", "met_1": "no"], error: "Sai")
        #expect(typed.items[0].points == "abc" && typed.items[0].metNo && typed.error == "Sai")

        let submitted = Self.assessment(status: .submitted)
        #expect(AssessmentPage(submitted, reader: province, language: .vi).canAppraise)
        let locked = AssessmentPage(submitted, reader: chair, language: .vi)
        #expect(!locked.canEdit && !locked.canSubmit && !locked.canAppraise, "submitted: the commune waits")
        #expect(locked.status == AssessmentStatus.submitted.label(.vi))
    }

    @Test func theCriteriaPageShowsTheSetAndOnlyAnAdministratorEditsIt() {
        let set = CriteriaSet.decision06of2019
        let admin = CriteriaPage(set, reader: Self.reader(.admin, .nation), language: .vi)
        #expect(admin.canEdit && admin.rows.count == set.criteria.count && admin.maxTotal == set.maxTotal)
        #expect(admin.action == "/child-friendly/criteria" && admin.loadAction == "/child-friendly/criteria/load")
        #expect(admin.documentHref == "/child-friendly/criteria.json")
        #expect((admin.unconfirmed != nil) == !set.unconfirmedCriteria.isEmpty)
        #expect(!CriteriaPage(set, reader: Self.officer, language: .vi).canEdit)
        let typed = CriteriaPage(
            set, reader: Self.reader(.admin, .nation), language: .vi, typed: ["points_2": "abc"], error: "Sai")
        #expect(typed.rows[1].points == "abc" && !typed.rows[1].confirmed && typed.error == "Sai")
    }
}
