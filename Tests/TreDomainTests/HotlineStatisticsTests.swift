import Testing
import TreDomain

@Suite struct HotlineStatisticsTests {
    typealias Group = HotlineStatistics.Group

    let groups = [
        Group(
            channel: "phone_111", outcome: "counselled", primaryTopic: "family.divorce", childSex: "female",
            childAgeBand: "11-15", count: 40),
        Group(
            channel: "zalo", outcome: "report_opened", primaryTopic: "violence.physical", childSex: "male",
            childAgeBand: "6-10", count: 3),
        Group(channel: "phone_111", outcome: "silent", primaryTopic: nil, childSex: nil, childAgeBand: nil, count: 500),
        Group(
            channel: "phone_111", outcome: "intensive_counselling", primaryTopic: "violence.sexual", childSex: "female",
            childAgeBand: "11-15", count: 7),
        Group(channel: "web", outcome: nil, primaryTopic: nil, childSex: nil, childAgeBand: nil, count: 2),
    ]
    let forms = ["violence.physical": "violence", "violence.sexual": "sexual_abuse"]

    @Test func incomingHoldsCounselledWhichHoldsIntervention() {
        let figures = HotlineStatistics(groups: groups, abuseForms: forms)
        #expect(figures.incoming.total == 552)
        #expect(figures.counselled.total == 50)
        #expect(figures.intervention.total == 3)
        #expect(figures.counselled.byAbuseForm["sexual_abuse"] == 7)
        #expect(figures.intervention.byChannel == ["zalo": 3])
    }

    @Test func everyBreakdownAddsUpToItsTotal() {
        let figures = HotlineStatistics(groups: groups, abuseForms: forms)
        for level in [figures.incoming, figures.counselled, figures.intervention] {
            for breakdown in [
                level.byChannel, level.byCategory, level.byTopic, level.byAbuseForm, level.bySex, level.byAgeBand,
            ] {
                #expect(breakdown.values.reduce(0, +) == level.total)
            }
        }
        #expect(figures.byOutcome.values.reduce(0, +) == figures.incoming.total)
    }

    @Test func periodsAreCalendarDaysMonthsQuartersAndYears() {
        let day = CivilDate(2026, 11, 24)
        #expect(StatisticsPeriod(.month, containing: day).start == CivilDate(2026, 11, 1))
        #expect(StatisticsPeriod(.month, containing: CivilDate(2026, 12, 5)).end == CivilDate(2027, 1, 1))
        #expect(StatisticsPeriod(.quarter, containing: day).start == CivilDate(2026, 10, 1))
        #expect(StatisticsPeriod(.quarter, containing: day).label == "Q4/2026")
        #expect(StatisticsPeriod(.year, containing: day).end == CivilDate(2027, 1, 1))
        #expect(StatisticsPeriod(.day, containing: day).end == CivilDate(2026, 11, 25))
    }
}
