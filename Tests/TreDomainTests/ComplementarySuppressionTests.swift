import Testing
import TreDomain

/// Each attack of issue 14 against the figures as suppression leaves them: a hidden cell must not be the
/// only hidden one under a shown total, nor be pinned by a small hidden sum.
@Suite struct ComplementarySuppressionTests {
    let year = 2026
    let province = Jurisdiction.province(provinceCode: 1)
    let baDinh = Jurisdiction.commune(provinceCode: 1, communeCode: 4)
    let ngocHa = Jurisdiction.commune(provinceCode: 1, communeCode: 8)
    let hoanKiem = Jurisdiction.commune(provinceCode: 1, communeCode: 25)

    func month(_ index: Int) -> IndicatorPeriod { IndicatorPeriod(kind: .month, year: year, index: index) }
    func quarter(_ index: Int) -> IndicatorPeriod { IndicatorPeriod(kind: .quarter, year: year, index: index) }
    var wholeYear: IndicatorPeriod { IndicatorPeriod(kind: .year, year: year) }

    /// A unit's counts for every period, from its twelve months.
    func counts(_ unit: Jurisdiction, months: [Int], category: String? = nil) -> [FigureKey: [Int]] {
        var result: [FigureKey: [Int]] = [:]
        for period in FigureSuppression.periods(of: year) {
            let range = (period.start.month - 1)..<(period.end.month == 1 ? 12 : period.end.month - 1)
            result[FigureKey(unit, period, category)] = [range.reduce(0) { $0 + months[$1] }]
        }
        return result
    }

    /// What subtraction gives: under a shown total, exactly one hidden cell, or hidden cells adding to 1–4.
    func recoverable(_ total: FigureKey, _ parts: [FigureKey], _ hidden: Set<FigureKey>, _ all: [FigureKey: [Int]])
        -> Bool
    {
        guard !hidden.contains(total) else { return false }
        let shut = parts.filter { hidden.contains($0) }
        let sum = shut.reduce(0) { $0 + (all[$1]?.first ?? 0) }
        return shut.count == 1 || (sum > 0 && sum < 5)
    }

    @Test func theYearMinusTheVisibleQuartersGivesNoHiddenQuarter() {
        // 3 in January only, so the first quarter is 3; the year is 3 + 10 + 12 + 20 = 45.
        let months = [3, 0, 0, 10, 0, 0, 4, 4, 4, 5, 5, 10]
        let all = counts(province, months: months)
        let hidden = FigureSuppression.hidden(year: year, parent: province, children: [], counts: all)
        #expect(hidden.contains(FigureKey(province, quarter(1))))
        #expect(!hidden.contains(FigureKey(province, wholeYear)))
        let quarters = (1...4).map { FigureKey(province, quarter($0)) }
        #expect(quarters.filter { hidden.contains($0) }.count >= 2, "the year minus three quarters gives the fourth")
        #expect(!recoverable(FigureKey(province, wholeYear), quarters, hidden, all))
        // The hidden second quarter is made of one month: that month goes too, or it would add up to it.
        #expect(hidden.contains(FigureKey(province, quarter(2))) && hidden.contains(FigureKey(province, month(4))))
        // Three months of 4 are hidden, and their 12 is not small: the third quarter stays shown.
        #expect(!hidden.contains(FigureKey(province, quarter(3))))
        for (whole, parts) in FigureSuppression.periodGroups(of: year) {
            #expect(
                !recoverable(FigureKey(province, whole), parts.map { FigureKey(province, $0) }, hidden, all),
                "\(whole)")
        }
    }

    @Test func theProvinceMinusTheVisibleCommunesGivesNoHiddenCommune() {
        var all = counts(baDinh, months: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        all.merge(counts(ngocHa, months: [9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])) { $1 }
        all.merge(counts(hoanKiem, months: [12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])) { $1 }
        all.merge(counts(province, months: [23, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])) { $1 }
        // The province's own figures were decided at the level above: shown.
        let decided = FigureSuppression.decisions(
            FigureSuppression.periods(of: year).map { FigureKey(province, $0) }, hidden: [])
        let hidden = FigureSuppression.hidden(
            year: year, parent: province, children: [baDinh, ngocHa, hoanKiem], counts: all, decided: decided)
        #expect(hidden.contains(FigureKey(baDinh, wholeYear)))
        #expect(hidden.contains(FigureKey(ngocHa, wholeYear)), "23 − 12 would give Ba Đình's 2")
        #expect(!hidden.contains(FigureKey(hoanKiem, wholeYear)))
        #expect(!hidden.contains(FigureKey(province, wholeYear)), "a level never changes the one above")
        // January, the first quarter and half: the same communes hidden in every period that holds them.
        for period in [month(1), quarter(1), IndicatorPeriod(kind: .halfYear, year: year, index: 1)] {
            #expect(hidden.contains(FigureKey(baDinh, period)) && hidden.contains(FigureKey(ngocHa, period)))
        }
    }

    @Test func theTotalMinusTheVisibleSexGivesNoHiddenSex() {
        var all = counts(province, months: [8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        all.merge(counts(province, months: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], category: "female")) { $1 }
        all.merge(counts(province, months: [7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], category: "male")) { $1 }
        let totals = FigureSuppression.periods(of: year).map { FigureKey(province, $0) }
        let hidden = FigureSuppression.hidden(
            year: year, parent: province, children: [], categories: ["female", "male"], counts: all,
            decided: FigureSuppression.decisions(totals, hidden: []))
        #expect(hidden.contains(FigureKey(province, wholeYear, "female")))
        #expect(hidden.contains(FigureKey(province, wholeYear, "male")), "8 − 7 would give the girl away")
        #expect(!hidden.contains(FigureKey(province, wholeYear)))
    }

    @Test func aHiddenTotalHidesABreakdownThatWouldAddUpToIt() {
        // The commune's 9 was hidden by its province's table; its breakdown must not rebuild it.
        var all = counts(baDinh, months: [9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        all.merge(counts(baDinh, months: [9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], category: "male")) { $1 }
        let totals = FigureSuppression.periods(of: year).map { FigureKey(baDinh, $0) }
        let hidden = FigureSuppression.hidden(
            year: year, parent: baDinh, children: [], categories: ["male"], counts: all,
            decided: FigureSuppression.decisions(totals, hidden: Set(totals)))
        #expect(hidden.contains(FigureKey(baDinh, wholeYear, "male")))
    }

    @Test func aDenominatorCannotGiveAHiddenRateAway() {
        // Ba Đình: 6 supported of 3 children counted is hidden by its denominator. Hiding the next smallest
        // numerator only would leave the province's 113 − 50 − 60 = 3 children to find.
        let suppression = ComplementarySuppression()
        let cells = [[28, 113], [6, 3], [10, 50], [12, 60]]
        let hidden = suppression.hidden(cells: cells, groups: [.init(total: 0, members: [1, 2, 3])])
        #expect(hidden == [1, 2])
        // Two hidden rates whose denominators add up to 2 are both 1 child: a third goes.
        let tiny = [[13, 102], [0, 1], [0, 1], [13, 100]]
        #expect(suppression.hidden(cells: tiny, groups: [.init(total: 0, members: [1, 2, 3])]) == [1, 2, 3])
    }

    @Test func hiddenCellsWhoseSumIsSmallAreJoinedByAnother() {
        let suppression = ComplementarySuppression()
        // 1 + 1 = 20 − 18: both hidden ones would be known to be 1.
        #expect(
            suppression.hidden(cells: [[20], [1], [1], [18]], groups: [.init(total: 0, members: [1, 2, 3])]) == [
                1, 2, 3,
            ])
        // A member that is the whole total goes with it, and a total with nothing left to hide goes too.
        #expect(
            suppression.hidden(cells: [[7], [7]], groups: [.init(total: 0, members: [1])], fixed: [0: true]) == [0, 1])
        #expect(suppression.hidden(cells: [[7], [2]], groups: [.init(total: 0, members: [1])]) == [0, 1])
        #expect(suppression.hidden(cells: [[9], [0], [9]], groups: [.init(total: 0, members: [1, 2])]).isEmpty)
    }

    @Test func aDayWithOneContactShowsNoCountAnywhere() {
        let one = HotlineStatistics(
            groups: [
                .init(
                    channel: "phone_111", outcome: "report_opened", primaryTopic: "violence.physical",
                    childSex: "female", childAgeBand: "11-15", count: 1)
            ], abuseForms: ["violence.physical": "violence"])
        let hidden = one.hiddenCells()
        for (name, level) in one.levels {
            #expect(hidden.contains(.total(name)))
            for (dimension, counts) in level.breakdowns {
                for key in counts.keys { #expect(hidden.contains(HotlineCell(name, dimension, key))) }
            }
        }
        #expect(hidden.contains(HotlineCell("incoming", "outcome", "report_opened")))
    }

    @Test func theHotlinesBreakdownsAndProvincesHideTheirComplements() {
        let month = HotlineStatistics(
            groups: [
                .init(
                    channel: "phone_111", outcome: "counselled", primaryTopic: "family.divorce", childSex: "female",
                    childAgeBand: "11-15", count: 40),
                .init(
                    channel: "zalo", outcome: "counselled", primaryTopic: "family.divorce", childSex: "male",
                    childAgeBand: "11-15", count: 2),
            ], abuseForms: [:])
        let hidden = month.hiddenCells()
        #expect(!hidden.contains(.total("incoming")))
        #expect(hidden.contains(HotlineCell("incoming", "sex", "male")))
        #expect(hidden.contains(HotlineCell("incoming", "sex", "female")), "42 − 40 would give the boys away")
        #expect(hidden.contains(HotlineCell("incoming", "channel", "zalo")))
        #expect(!hidden.contains(HotlineCell("incoming", "age_band", "11-15")))

        // The country minus the provinces shown: the 2 of a small province, and another province, are hidden.
        let big = HotlineStatistics(
            groups: [
                .init(
                    channel: "phone_111", outcome: "silent", primaryTopic: nil, childSex: nil, childAgeBand: nil,
                    count: 30)
            ], abuseForms: [:])
        let small = HotlineStatistics(
            groups: [
                .init(
                    channel: "phone_111", outcome: "silent", primaryTopic: nil, childSex: nil, childAgeBand: nil,
                    count: 2)
            ], abuseForms: [:])
        let nation = HotlineStatistics(
            groups: [
                .init(
                    channel: "phone_111", outcome: "silent", primaryTopic: nil, childSex: nil, childAgeBand: nil,
                    count: 32)
            ], abuseForms: [:])
        let placed = HotlineStatistics.hiddenCells(nation: nation, provinces: [1: big, 4: small])
        #expect(placed.contains(PlacedHotlineCell(4, .total("incoming"))))
        #expect(placed.contains(PlacedHotlineCell(1, .total("incoming"))), "32 − 30 would give the 2 away")
        #expect(!placed.contains(PlacedHotlineCell(nil, .total("incoming"))))
    }

    @Test func theMonthMinusTheVisibleDaysGivesNoHiddenDay() {
        func silent(_ count: Int) -> HotlineStatistics {
            HotlineStatistics(
                groups: count == 0
                    ? []
                    : [
                        .init(
                            channel: "phone_111", outcome: "silent", primaryTopic: nil, childSex: nil,
                            childAgeBand: nil, count: count)
                    ], abuseForms: [:])
        }
        func snapshot(_ count: Int) -> HotlineSnapshot {
            HotlineSnapshot(nation: silent(count), provinces: [1: silent(count)])
        }
        // The month's 14 was decided shown at the level above; its days are 1, 6 and 7.
        let month = snapshot(14)
        let decided = Set<PlacedHotlineCell>()
        let answer = HotlineStatistics.hiddenCells(
            whole: month, decided: decided, parts: [snapshot(1), snapshot(6), snapshot(7), snapshot(0)])
        #expect(answer.whole.isEmpty, "the level above decided the month")
        let total = PlacedHotlineCell(1, .total("incoming"))
        #expect(answer.parts[0].contains(total))
        #expect(answer.parts[1].contains(total), "14 − 7 − 0 would give the first day's 1")
        #expect(!answer.parts[2].contains(total) && !answer.parts[3].contains(total))
    }
}
