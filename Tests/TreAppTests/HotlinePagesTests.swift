import Foundation
import Testing
import TreDomain

@testable import TreApp

/// The hotline's pages built from fixtures, without HTTP or a database: what the counsellor and the
/// supervisor see, and where every link and form goes.
@Suite struct HotlinePagesTests {
    static func topic(
        _ code: String, _ category: (String, String, String), _ name: (String, String), retiredIn: Int? = nil
    )
        -> ContactTopicRecord
    {
        let topic = ContactTopicRecord()
        topic.code = code
        (topic.categoryCode, topic.categoryVI, topic.categoryEN) = category
        (topic.nameVI, topic.nameEN) = name
        topic.version = 1
        topic.retiredIn = retiredIn
        return topic
    }

    static let violence = ("violence", "Bạo lực", "Violence")
    static let missing = ("missing", "Trẻ em mất tích", "Missing children")
    static let topics = [
        topic("missing.lost", missing, ("Trẻ đi lạc", "Lost child")),
        topic("violence.physical", violence, ("Bạo lực thể chất", "Physical violence")),
        topic("violence.sexual", violence, ("Xâm hại tình dục", "Sexual abuse")),
    ]

    static func contact(
        _ id: UUID = UUID(), caller: String = "0912345678", topics: String = "violence.physical",
        outcome: ContactOutcome? = .counselled, notes: String = "Con bị đánh", followUpOn: String? = nil,
        caseID: UUID? = nil
    ) -> HotlineContact {
        let contact = HotlineContact()
        contact.id = id
        contact.channel = ContactChannel.phone111.rawValue
        contact.startedAt = Date(timeIntervalSince1970: 1_794_000_000)
        contact.callerType = CallerType.adultAboutChild.rawValue
        contact.callerIdentifier = caller
        contact.topicCodes = topics
        contact.outcome = outcome?.rawValue
        contact.notes = notes
        contact.followUpOn = followUpOn
        contact.caseID = caseID
        return contact
    }

    static func flag(_ caller: String, _ kind: CallerFlagKind, note: String, until: String) -> CallerFlag {
        let flag = CallerFlag()
        flag.callerIdentifier = caller
        flag.kind = kind.rawValue
        flag.note = note
        flag.expiresOn = until
        return flag
    }

    @Test func theConsoleGroupsTopicsKeepsWhatWasTypedAndLinksFromTheSiteMap() {
        let counsellor = UUID()
        var form = ContactForm.starting(at: Date(timeIntervalSince1970: 1_794_000_000))
        form.topicCodes = ["violence.sexual"]
        form.childSex = "female"
        let choices = HotlineQueries.ConsoleChoices(topics: Self.topics, provinces: [])
        let page = ConsolePage(
            form: form, choices: choices, counsellor: counsellor, error: "Sai", language: .vi)

        #expect(page.topicGroups.map(\.label) == ["Trẻ em mất tích", "Bạo lực"])
        #expect(page.topicGroups[1].topics.map(\.label) == ["Bạo lực thể chất", "Xâm hại tình dục"])
        #expect(page.topicGroups[1].topics.map(\.selected) == [false, true])
        #expect(page.sexes.map(\.label) == ["Nữ", "Nam"], "one language at a time, no 'Nữ / Female'")
        #expect(page.sexes.first { $0.selected }?.value == "female")
        #expect(page.form.startedAt == "1794000000")
        #expect(page.channels.first { $0.selected }?.value == ContactChannel.phone111.rawValue)
        #expect(page.error == "Sai")
        #expect(page.draftKey == "tre.contact-draft." + counsellor.uuidString.lowercased(), "desks are shared")
        #expect(page.savedHref == nil)
        #expect(page.action == "/hotline")
        #expect(page.todayHref == "/hotline/today")
        #expect(page.callersHref == "/hotline/callers")
        #expect(page.script == "/js/contact-console.js")

        let saved = UUID()
        let english = ConsolePage(
            form: ContactForm(), choices: choices, counsellor: nil, saved: saved, language: .en)
        #expect(english.savedHref == "/hotline/contacts/\(saved.uuidString)")
        #expect(english.sexes.map(\.label) == ["Female", "Male"])
        #expect(english.topicGroups.map(\.label) == ["Missing children", "Violence"])
        #expect(english.draftKey == "tre.contact-draft.anonymous")
    }

    @Test func aContactShowsWhatWasRecordedTheCallersFlagsAndTheReportForm() {
        let id = UUID()
        let earlier = Self.contact(notes: "Lần trước")
        let file = HotlineQueries.ContactFile(
            contact: Self.contact(id, topics: "violence.physical,missing.lost", followUpOn: "2026-11-20"),
            topics: Self.topics,
            flags: [Self.flag("0912345678", .childAtRisk, note: "Gọi lại buổi tối", until: "2026-12-31")],
            previous: [earlier])
        let page = ContactPage(file, language: .vi)

        let facts = Dictionary(uniqueKeysWithValues: page.facts.map { ($0.label, $0.value) })
        #expect(facts[UIStrings.text("callerIdentifier", .vi)] == "0912345678", "the hotline sees who called")
        #expect(facts[UIStrings.text("topics", .vi)] == "Bạo lực thể chất, Trẻ đi lạc")
        #expect(facts[UIStrings.text("outcome", .vi)] == ContactOutcome.counselled.label(.vi))
        #expect(facts[UIStrings.text("followUpOn", .vi)] == "20/11/2026")
        #expect(page.flags == ["Trẻ đang gặp nguy cơ · Gọi lại buổi tối · \(UIStrings.text("until", .vi)) 31/12/2026"])
        #expect(page.previous.map(\.notes) == ["Lần trước"])
        #expect(page.previous.first?.href == "/hotline/contacts/\(earlier.id!.uuidString)")
        #expect(page.flagAction == "/hotline/contacts/\(id.uuidString)/flags")
        #expect(page.reportHref == "/reports/new?contact=\(id.uuidString)")
        #expect(page.caseHref == nil)
        #expect(page.consoleHref == "/hotline")
        #expect(page.todayHref == "/hotline/today")

        let caseID = UUID()
        let anonymous = HotlineQueries.ContactFile(
            contact: Self.contact(caller: "", outcome: nil, notes: "", caseID: caseID), topics: Self.topics, flags: [],
            previous: [])
        let opened = ContactPage(anonymous, language: .en)
        #expect(opened.caseHref == "/cases/\(caseID.uuidString)")
        #expect(opened.reportHref == nil, "a contact opens one report only")
        #expect(
            !opened.facts.map(\.label).contains(UIStrings.text("callerIdentifier", .en)), "empty facts are left out")
        #expect(!opened.facts.map(\.label).contains(UIStrings.text("notes", .en)))
    }

    @Test func todayShowsTheDaysFiguresWhatIsLateAndFlaggedCallers() {
        let today = CivilDate(2026, 11, 20)
        let late = Self.contact(notes: "Hôm qua", followUpOn: "2026-11-19")
        let due = Self.contact(notes: "Hôm nay", followUpOn: "2026-11-20")
        let group = { (outcome: ContactOutcome, count: Int) in
            HotlineStatistics.Group(
                channel: "phone_111", outcome: outcome.rawValue, primaryTopic: "violence.physical", childSex: nil,
                childAgeBand: nil, count: count)
        }
        let figures = HotlineStatistics(
            groups: [group(.counselled, 3), group(.reportOpened, 1), group(.dropped, 2)], abuseForms: [:])
        let day = HotlineQueries.Day(
            day: today, figures: figures, due: [late, due],
            flags: [Self.flag("0987654321", .abusiveCaller, note: "Quấy rối", until: "2026-12-01")])
        let page = TodayPage(day, language: .en)

        #expect(page.incoming == 6)
        #expect(page.intervention == 1)
        #expect(
            page.outcomes.map(\.label) == [ContactOutcome.counselled, .dropped, .reportOpened].map { $0.label(.en) })
        #expect(page.outcomes.map(\.value) == ["3", "2", "1"])
        #expect(page.followUps.map(\.late) == [true, false])
        #expect(page.followUps.map(\.due) == ["19/11/2026", "20/11/2026"])
        #expect(page.followUps[0].href == "/hotline/contacts/\(late.id!.uuidString)")
        #expect(page.followUps[0].doneAction == "/hotline/contacts/\(late.id!.uuidString)/followed-up")
        #expect(page.flags.map(\.label) == ["Abusive caller · 0987654321"])
        #expect(page.flags.map(\.value) == ["Quấy rối (\(UIStrings.text("until", .en)) 01/12/2026)"])
        #expect(page.consoleHref == "/hotline")
    }

    @Test func theTaxonomyOffersRetiringOnlyTopicsInUse() {
        var topics = Self.topics
        topics.append(Self.topic("violence.old", Self.violence, ("Cũ", "Old"), retiredIn: 3))
        let page = TopicsPage(topics, language: .vi)
        #expect(page.version == 3)
        #expect(page.categories.map(\.value) == ["missing", "violence"])
        #expect(
            page.rows.map(\.retireAction) == [
                "/admin/topics/missing.lost/retire", "/admin/topics/violence.physical/retire",
                "/admin/topics/violence.sexual/retire", nil,
            ])
        #expect(page.action == "/admin/topics")
    }

    @Test func statisticsHideWhatThisReaderMayNotSeeAndLockAProvincesReader() {
        let group = { (channel: ContactChannel, count: Int) in
            HotlineStatistics.Group(
                channel: channel.rawValue, outcome: ContactOutcome.counselled.rawValue,
                primaryTopic: "violence.physical", childSex: "female", childAgeBand: nil, count: count)
        }
        let figures = HotlineStatistics(groups: [group(.phone111, 9), group(.zalo, 2)], abuseForms: [:])
        let selection = HotlineStatisticsController.Selection(
            period: StatisticsPeriod(.month, containing: CivilDate(2026, 11, 15)), provinceCode: 1)
        let loaded = { (hidden: Set<HotlineCell>) in
            HotlineQueries.Statistics(figures: figures, hidden: hidden, topics: Self.topics, provinces: [])
        }
        let counsellor = HotlineStatisticsPage(loaded([]), selection: selection, provinceLocked: false, language: .vi)
        let channels = { (page: HotlineStatisticsPage) in
            page.levels[0].charts.first { $0.title == UIStrings.text("channel", .vi) }?.bars ?? []
        }
        #expect(counsellor.levels[0].total == "11")
        #expect(channels(counsellor).map(\.count) == ["9", "2"])

        let officer = HotlineStatisticsPage(
            loaded([HotlineCell("incoming", "channel", ContactChannel.zalo.rawValue)]), selection: selection,
            provinceLocked: true, language: .vi)
        #expect(channels(officer).map(\.count) == ["9", HotlineStatisticsController.hiddenText])
        #expect(channels(officer).last?.percent == 0, "a hidden bar has no length")
        #expect(channels(officer).first?.percent == 100)
        #expect(officer.provinceLocked)
        #expect(officer.csvHref == "/hotline/statistics.csv?date=2026-11-01&period=month&province=1")
        #expect(officer.action == "/hotline/statistics")
    }
}
