import Foundation
import Testing
import TreDomain

@Suite struct IndicatorTallyTests {
    let place = IndicatorPlace(provinceCode: 1, communeCode: 4)
    let today = CivilDate(2026, 11, 24)

    private func facts(
        _ tally: IndicatorTally, _ measure: IndicatorMeasure, dimension: String = "", category: String = ""
    )
        -> [String: Int]
    {
        Dictionary(
            uniqueKeysWithValues: tally.facts.filter {
                $0.measure == measure && $0.dimension == dimension && $0.category == category
            }.map { ($0.period, $0.value) })
    }

    @Test func theWindowHoldsThePeriodsThatHaveBegun() {
        let periods = IndicatorTally.window(years: 2026...2026, today: today).map(\.description)
        #expect(periods.count == 11 + 4 + 2 + 1)
        #expect(periods.contains("2026-11") && !periods.contains("2026-12") && periods.contains("2026-Q4"))
    }

    @Test func aChildSupportedTwiceInAQuarterIsOneSupportedChild() {
        var tally = IndicatorTally(periods: IndicatorTally.window(years: 2026...2026, today: today), today: today)
        let child = IndicatorSubject(place: place, birth: CivilDate(2015, 9, 5), attributes: [.sex: "female"])
        tally.countStanding(
            .childrenSpecialSupported, child, spans: [IndicatorSpan(from: CivilDate(2025, 1, 1), to: nil)],
            requiringEvents: [CivilDate(2026, 3, 1), CivilDate(2026, 3, 5)])
        let supported = facts(tally, .childrenSpecialSupported)
        #expect(supported["2026-Q1"] == 1 && supported["2026-03"] == 1 && supported["2026"] == 1)
        #expect(supported["2026-02"] == nil && supported["2026-Q2"] == nil)
        #expect(facts(tally, .childrenSpecialSupported, dimension: "sex", category: "female")["2026"] == 1)
        // 10 at the end of March 2026, 11 by the end of the year: the age group is read at the period's end.
        #expect(facts(tally, .childrenSpecialSupported, dimension: "age_group", category: "6-10")["2026-Q1"] == 1)
        #expect(facts(tally, .childrenSpecialSupported, dimension: "age_group", category: "11-15")["2026"] == 1)
    }

    @Test func onlyWhatChangedSinceTheStoredFiguresIsWritten() {
        var tally = IndicatorTally(periods: IndicatorTally.window(years: 2026...2026, today: today), today: today)
        tally.add(.childPopulation, place, period: IndicatorPeriod(kind: .year, year: 2026), value: 1000)
        tally.add(.communes, place, period: IndicatorPeriod(kind: .year, year: 2026), value: 1)
        tally.countEvents(.injuries, IndicatorSubject(place: place), events: [IndicatorEvent(CivilDate(2026, 3, 2))])
        func stored(_ measure: String, _ period: String, _ value: Int) -> StoredIndicatorFact {
            StoredIndicatorFact(
                measure: measure, period: period, place: place, dimension: "", category: "", value: value)
        }
        // Stored: the population right, the commune count wrong, March's injury twice, a figure of a
        // measure that no longer exists; the quarter's and year's injuries are not stored yet.
        for fact in [
            stored("child_population", "2026", 1000), stored("communes", "2026", 2), stored("injuries", "2026-03", 1),
            stored("injuries", "2026-03", 1), stored("retired_measure", "2026", 7),
        ] {
            tally.compare(fact)
        }
        let changes = tally.changes()
        #expect(changes.updates == [stored("communes", "2026", 1)])
        #expect(changes.deletes == [stored("injuries", "2026-03", 1), stored("retired_measure", "2026", 7)])
        let inserted = Set(changes.inserts.map { "\($0.measure.rawValue) \($0.period) \($0.value)" })
        #expect(inserted == ["injuries 2026-03 1", "injuries 2026-Q1 1", "injuries 2026-H1 1", "injuries 2026 1"])
    }

    @Test func aStandingStateIsReadAtThePeriodsEndOrToday() {
        var tally = IndicatorTally(periods: IndicatorTally.window(years: 2026...2026, today: today), today: today)
        let child = IndicatorSubject(place: place)
        // In group d from 10 February to 15 May (end excluded), and in group a from 1 November.
        tally.countStanding(
            .childrenSpecial, child,
            spans: [
                IndicatorSpan(
                    from: CivilDate(2026, 2, 10), to: CivilDate(2026, 5, 15), tags: [.circumstanceGroup: ["d"]]),
                IndicatorSpan(from: CivilDate(2026, 11, 1), to: nil, tags: [.circumstanceGroup: ["a"]]),
            ])
        let standing = facts(tally, .childrenSpecial)
        #expect(standing["2026-01"] == nil && standing["2026-02"] == 1 && standing["2026-04"] == 1)
        #expect(standing["2026-05"] == nil && standing["2026-Q2"] == nil && standing["2026-H1"] == nil)
        #expect(standing["2026-11"] == 1 && standing["2026"] == 1, "the current periods are read today")
        #expect(facts(tally, .childrenSpecial, dimension: "circumstance_group", category: "a")["2026"] == 1)
        #expect(facts(tally, .childrenSpecial, dimension: "circumstance_group", category: "d")["2026"] == nil)
    }

    @Test func eventsCountOncePerPeriodWithEachCategoryTheyCarry() {
        var tally = IndicatorTally(periods: IndicatorTally.window(years: 2026...2026, today: today), today: today)
        let child = IndicatorSubject(place: place, attributes: [.sex: "male"])
        tally.countEvents(
            .abusedChildren, child,
            events: [
                IndicatorEvent(CivilDate(2026, 4, 2), tags: [.abuseForm: ["violence"]]),
                IndicatorEvent(CivilDate(2026, 4, 20), tags: [.abuseForm: ["sexual_abuse", "violence"]]),
                IndicatorEvent(CivilDate(2026, 12, 1), tags: [.abuseForm: ["neglect"]]),
            ])
        #expect(facts(tally, .abusedChildren)["2026-04"] == 1)
        #expect(facts(tally, .abusedChildren)["2026"] == 1)
        #expect(facts(tally, .abusedChildren, dimension: "abuse_form", category: "violence")["2026-Q2"] == 1)
        #expect(facts(tally, .abusedChildren, dimension: "abuse_form", category: "sexual_abuse")["2026-Q2"] == 1)
        #expect(facts(tally, .abusedChildren, dimension: "abuse_form", category: "neglect").isEmpty, "not yet happened")
    }

    @Test func theShippedCatalogueIsValidAndRulesOutImpossibleDefinitions() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/Data/indicators.json")
        let catalogue = try IndicatorCatalogue(json: try Data(contentsOf: url))
        #expect(catalogue.indicator("0101")?.sensitive == true)
        #expect(catalogue.indicator("TR18")?.isComputed == true)
        #expect(catalogue.indicator("TR20")?.denominator == .forumQuestionsDue)
        var rate = try #require(catalogue.indicator("TR05"))
        rate.denominator = nil
        #expect(throws: IndicatorCatalogue.DefinitionError.self) { try IndicatorCatalogue([rate]) }
        var count = try #require(catalogue.indicator("TR07"))
        count.disaggregations = [.ethnicity]
        #expect(throws: IndicatorCatalogue.DefinitionError.self) { try IndicatorCatalogue([count]) }
        let twice = try #require(catalogue.indicator("TR07"))
        #expect(throws: IndicatorCatalogue.DefinitionError.self) { try IndicatorCatalogue([twice, twice]) }
    }

    @Test func aBreakdownNeverLeavesOneHiddenCountToWorkOut() {
        let suppression = SmallCountSuppression()
        #expect(suppression.hidden(in: [2, 6, 0, 9]) == [0, 1], "the next smallest goes too")
        #expect(suppression.hidden(in: [2, 3, 9]) == [0, 1])
        #expect(suppression.hidden(in: [0, 7, 9]).isEmpty)
    }

    @Test func readingsAreWrittenAsEachLanguageWritesNumbers() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/Data/indicators.json")
        let catalogue = try IndicatorCatalogue(json: try Data(contentsOf: url))
        let share = try #require(catalogue.indicator("TR05"))
        let reading = IndicatorReading(share, numerator: 5, denominator: 8, viewerOwnsUnit: false)
        #expect(reading.display(.percent, language: .vi) == "62,5%")
        #expect(reading.display(.percent, language: .en) == "62.5%")
        let none = IndicatorReading(share, numerator: 0, denominator: 0, viewerOwnsUnit: false)
        #expect(none.value == nil && none.display(.percent, language: .vi) == "không có số liệu")
        let count = try #require(catalogue.indicator("TR02"))
        #expect(
            IndicatorReading(count, numerator: 3, denominator: nil, viewerOwnsUnit: false).display(
                .count, language: .vi) == "<5")
        #expect(
            IndicatorReading(count, numerator: 3, denominator: nil, viewerOwnsUnit: true).display(.count, language: .vi)
                == "3")
        #expect(IndicatorNumberFormat.integer(217_570, language: .vi) == "217.570")
        #expect(IndicatorNumberFormat.integer(217_570, language: .en) == "217,570")
    }

    @Test func targetsSayHowFarAFigureIs() {
        let supported = IndicatorTarget(value: 90, higherIsBetter: true)
        #expect(supported.progress(of: 72) == 80 && !supported.isMet(by: 72) && supported.isMet(by: 91))
        let injuries = IndicatorTarget(value: 500, higherIsBetter: false)
        #expect(injuries.isMet(by: 480) && !injuries.isMet(by: 550) && injuries.progress(of: 550) == 90)
        #expect(
            IndicatorTarget.parse("72,5") == 72.5 && IndicatorTarget.parse("nhiều") == nil
                && IndicatorTarget.parse("-3") == nil)
    }

    @Test func reportsGoFromCommuneToProvinceAndBack() throws {
        #expect(try PeriodicReportRules.next(after: nil, .submit, byProvince: false, comment: "") == .submitted)
        #expect(throws: PeriodicReportError.self) {
            try PeriodicReportRules.next(after: .submitted, .approve, byProvince: false, comment: "")
        }
        #expect(throws: PeriodicReportError.self) {
            try PeriodicReportRules.next(after: .submitted, .return, byProvince: true, comment: " ")
        }
        #expect(
            try PeriodicReportRules.next(after: .submitted, .return, byProvince: true, comment: "Thiếu số") == .returned
        )
        #expect(try PeriodicReportRules.next(after: .returned, .submit, byProvince: false, comment: "") == .submitted)
        #expect(throws: PeriodicReportError.self) {
            try PeriodicReportRules.next(after: .approved, .submit, byProvince: false, comment: "")
        }
        #expect(try PeriodicReportRules.next(after: .approved, .reopen, byProvince: true, comment: "Sửa") == .reopened)
        let quarter = try IndicatorPeriod(parsing: "2026-Q2")
        #expect(quarter.lockedPeriods.map(\.description) == ["2026-04", "2026-05", "2026-06", "2026-Q2"])
    }

    @Test func emergencyMeasuresAndPlansAreOnTimeOrNot() {
        let received = VietnamDay.start(of: CivilDate(2026, 11, 20)).addingTimeInterval(9 * 3600)  // Friday 09:00
        let clock = CaseClock()
        let quick = CaseTimeliness(
            receivedAt: received, abuserIsCarer: true, seriousThreat: nil,
            steps: [("emergency-measures", received.addingTimeInterval(11 * 3600))], clock: clock,
            now: received.addingTimeInterval(86400))
        #expect(quick.emergency?.onTime == true)
        let late = CaseTimeliness(
            receivedAt: received, abuserIsCarer: true, seriousThreat: nil,
            steps: [("emergency-measures", received.addingTimeInterval(13 * 3600))], clock: clock,
            now: received.addingTimeInterval(86400))
        #expect(late.emergency?.onTime == false)
        let running = CaseTimeliness(
            receivedAt: received, abuserIsCarer: true, seriousThreat: nil, steps: [], clock: clock,
            now: received.addingTimeInterval(3600))
        #expect(running.emergency == nil, "the clock still runs")
        // Plan on the 5th working day (Friday 27th: the weekend does not count), approved 2 working days later.
        let planned = CaseTimeliness(
            receivedAt: received, abuserIsCarer: false, seriousThreat: false,
            steps: [
                ("plan", VietnamDay.start(of: CivilDate(2026, 11, 27)).addingTimeInterval(15 * 3600)),
                ("approval", VietnamDay.start(of: CivilDate(2026, 12, 1)).addingTimeInterval(10 * 3600)),
            ], clock: clock, now: Date())
        #expect(planned.planApproval?.onTime == true)
        let slow = CaseTimeliness(
            receivedAt: received, abuserIsCarer: false, seriousThreat: false,
            steps: [
                ("plan", VietnamDay.start(of: CivilDate(2026, 11, 30)).addingTimeInterval(15 * 3600)),
                ("approval", VietnamDay.start(of: CivilDate(2026, 12, 1)).addingTimeInterval(10 * 3600)),
            ], clock: clock, now: Date())
        #expect(slow.planApproval?.onTime == false)
    }
}
