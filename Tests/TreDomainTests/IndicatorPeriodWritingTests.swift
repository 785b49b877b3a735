import Testing

@testable import TreDomain

/// Periods are typed as people write them, not only as the API does, and shown the same way.
@Suite struct IndicatorPeriodWritingTests {
    @Test(arguments: [
        ("Quý 3/2026", "2026-Q3"), ("quy 3/2026", "2026-Q3"), ("Q3/2026", "2026-Q3"), ("q3 2026", "2026-Q3"),
        ("QUÝ 3 - 2026", "2026-Q3"), ("2026-Q3", "2026-Q3"), ("11/2026", "2026-11"), ("Tháng 11/2026", "2026-11"),
        ("t11/2026", "2026-11"), ("1/2026", "2026-01"), ("2026-06", "2026-06"), ("6 tháng đầu năm 2026", "2026-H1"),
        ("6 tháng cuối năm 2026", "2026-H2"), ("H2/2026", "2026-H2"), ("Nửa năm 1/2026", "2026-H1"),
        ("2026-H1", "2026-H1"), ("Năm 2026", "2026"), ("2026", "2026"),
    ])
    func aPeriodWrittenAsPeopleWriteItIsRead(written: String, period: String) throws {
        #expect(try IndicatorPeriod(parsing: written).description == period)
    }

    @Test(arguments: ["Quý 5/2026", "13/2026", "0/2026", "H3/2026", "Tháng 11", "quý ba", "2026-Q", "Năm 20266", ""])
    func whatIsNoPeriodIsRefusedInBothLanguages(written: String) {
        let refusal = #expect(throws: IndicatorPeriod.FormatError.self) { try IndicatorPeriod(parsing: written) }
        #expect(refusal?.message.vi.contains("Quý 2/2026") == true)
        #expect(refusal?.message.en.contains("Q2/2026") == true)
    }

    @Test func aPeriodIsShownAsItIsWrittenInEachLanguage() throws {
        #expect(try IndicatorPeriod(parsing: "2026-Q3").label(.vi) == "Quý 3/2026")
        #expect(try IndicatorPeriod(parsing: "2026-Q3").label(.en) == "Q3/2026")
        #expect(try IndicatorPeriod(parsing: "2026-11").label(.vi) == "Tháng 11/2026")
        #expect(try IndicatorPeriod(parsing: "2026-H1").label(.vi) == "6 tháng đầu năm 2026")
        for written in ["Quý 3/2026", "Tháng 11/2026", "6 tháng cuối năm 2026", "Năm 2026"] {
            #expect(try IndicatorPeriod(parsing: written).label(.vi) == written)
        }
    }
}
