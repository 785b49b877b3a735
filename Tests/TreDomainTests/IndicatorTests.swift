import Testing
import TreDomain

@Suite struct IndicatorTests {
    @Test(arguments: [
        ("2026", "2026-01-01", "2027-01-01"), ("2026-H1", "2026-01-01", "2026-07-01"),
        ("2026-h2", "2026-07-01", "2027-01-01"), ("2026-Q2", "2026-04-01", "2026-07-01"),
        ("2026-Q4", "2026-10-01", "2027-01-01"), ("2026-06", "2026-06-01", "2026-07-01"),
        ("2026-12", "2026-12-01", "2027-01-01"),
    ])
    func periodsAreReadAsTheAPIWritesThem(text: String, start: String, end: String) throws {
        let period = try IndicatorPeriod(parsing: text)
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.description == text.uppercased(), "written back the same way")
    }

    @Test(arguments: ["26", "2026-Q5", "2026-13", "2026-H3", "2026-06-01", "năm ngoái", ""])
    func aPeriodInTheWrongFormatIsRefusedInBothLanguages(text: String) {
        #expect(throws: IndicatorPeriod.FormatError.self) { try IndicatorPeriod(parsing: text) }
        do {
            _ = try IndicatorPeriod(parsing: text)
        } catch {
            #expect(error.message.vi.contains("2026-Q2"))
        }
    }

    @Test func aShareOfNothingIsNoDataNotZeroOrNaN() {
        #expect(IndicatorValue(numerator: 0, denominator: 0, factor: .percent).value == nil)
        #expect(IndicatorValue(numerator: 3, denominator: 4, factor: .percent).value == 75)
        #expect(IndicatorValue(numerator: 2, denominator: 40_000, factor: .per100k).value == 5)
        #expect(IndicatorValue(numerator: 7, denominator: nil, factor: .count).value == 7)
    }

    @Test func aProvinceIsTheSumOfItsCommunesNotTheAverageOfTheirShares() {
        let communes = [
            IndicatorValue(numerator: 9, denominator: 10, factor: .percent),  // 90%
            IndicatorValue(numerator: 10, denominator: 90, factor: .percent),  // 11%
        ]
        let province = IndicatorValue.combining(communes, factor: .percent)
        #expect(province.numerator == 19 && province.denominator == 100)
        #expect(province.value == 19)
        #expect(IndicatorValue.combining([], factor: .percent).value == nil)
    }

    @Test func smallCountsAreHiddenOutsideTheOwningCommune() {
        let rule = SmallCountSuppression()
        #expect(rule.display(3, sensitive: true, viewerOwnsUnit: false) == "<5")
        #expect(rule.display(3, sensitive: true, viewerOwnsUnit: true) == "3")
        #expect(rule.display(3, sensitive: false, viewerOwnsUnit: false) == "3")
        #expect(rule.display(0, sensitive: true, viewerOwnsUnit: false) == "0")
        #expect(rule.display(5, sensitive: true, viewerOwnsUnit: false) == "5")
    }
}
