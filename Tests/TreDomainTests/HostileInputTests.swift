import Foundation
import Testing
import TreDomain

/// The domain's rules for input an attacker sends (issue 14): instants, control characters, the API contract's
/// query bounds, personal-data exports, and figures of places no reference data knows.
@Suite struct HostileInputTests {
    @Test func instantsAreReadOnlyWhenTheCalendarHasThem() throws {
        let noon = try #require(StrictTimestamp.date(from: "2026-02-28T10:00:00Z"))
        #expect(noon.timeIntervalSince1970 == 1_772_272_800)
        #expect(StrictTimestamp.date(from: "2026-02-28T17:00:00.250+07:00")?.timeIntervalSince1970 == 1_772_272_800.25)
        #expect(StrictTimestamp.date(from: "2028-02-29T00:00:00Z") != nil, "a leap day")
        for refused in [
            "2026-02-30T10:00:00Z", "2026-02-29T10:00:00Z", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:00", "2026-01-01 10:00:00Z",
            "0000-01-01T00:00:00Z", "99999-01-01T00:00:00Z", "2026-01-01T10:00:00+25:00", "2026-01-01T10:00:00.Z",
        ] {
            #expect(StrictTimestamp.date(from: refused) == nil, "\(refused)")
        }
        #expect(CivilDate(iso: "9223372036854775807-01-01") == nil, "a year no calendar arithmetic holds")
    }

    @Test func controlCharactersAreRefusedButTabsAndLineBreaksAreText() {
        #expect(
            TextInput.controlCharacterProblem("Nguyễn\u{0}Thị An", field: "fullName")?.vi.contains("fullName") == true)
        #expect(TextInput.controlCharacterProblem("chuông\u{7}", field: "notes") != nil)
        #expect(TextInput.controlCharacterProblem("\u{85}", field: "notes") != nil)
        #expect(TextInput.controlCharacterProblem("dòng 1\r\ndòng 2\tcột", field: "notes") == nil)
        #expect(TextInput.controlCharacterProblem("Đặng Thị Hương 😊", field: "fullName") == nil)
    }

    @Test func theContractsQueryBoundsAreReadFromTheDocument() throws {
        let document = Data(
            #"""
            {"openapi":"3.1.0","paths":{
              "/api/v1/users":{"get":{"parameters":[
                {"name":"page","in":"query","schema":{"type":"integer","minimum":1,"maximum":100000}},
                {"name":"status","in":"query","schema":{"$ref":"#/components/schemas/Status"}}]}},
              "/api/v1/users/{username}":{"get":{}},
              "/api/v1/users/me":{"get":{"parameters":[{"name":"full","in":"query","schema":{"type":"boolean"}}]}}},
             "components":{"schemas":{"Status":{"type":"string","enum":["open","closed"]}}}}
            """#.utf8)
        let contract = try APIContract(document: document)
        let list = try #require(contract.queryParameters(method: "GET", path: "/api/v1/users"))
        #expect(APIContract.check([("page", "3"), ("status", "open")], against: list) == nil)
        #expect(APIContract.check([("page", "9223372036854775807")], against: list)?.en.contains("100000") == true)
        #expect(APIContract.check([("page", "99999999999999999999")], against: list) != nil)
        #expect(APIContract.check([("page", "0")], against: list) != nil)
        #expect(APIContract.check([("status", "AAA")], against: list)?.en.contains("open, closed") == true)
        #expect(contract.queryParameters(method: "POST", path: "/api/v1/users") == nil)
        let me = try #require(contract.queryParameters(method: "GET", path: "/api/v1/users/me"))
        #expect(me.map(\.name) == ["full"], "a literal path beats a parameter")
        #expect(APIContract.check([("full", "yes")], against: me) != nil)
    }

    @Test func aLargeExportOfChildrenNeedsAStatedPurpose() {
        #expect(PersonalDataExport.purposeProblem(rowCount: 1_000, purpose: nil) == nil)
        #expect(PersonalDataExport.purposeProblem(rowCount: 1_001, purpose: nil)?.vi.contains("1.001") == true)
        #expect(PersonalDataExport.purposeProblem(rowCount: 50_000, purpose: "xem thử") != nil)
        #expect(
            PersonalDataExport.purposeProblem(rowCount: 50_000, purpose: "Rà soát trẻ bỏ học quý 4 của tỉnh") == nil)
    }

    @Test func theSmallestNumberIsGroupedWithoutTrapping() {
        #expect(IndicatorNumberFormat.integer(Int.min, language: .vi) == "-9.223.372.036.854.775.808")
        #expect(IndicatorNumberFormat.integer(48_545, language: .en) == "48,545")
    }

    @Test func figuresOfAPlaceNoReferenceDataKnowsAreLeftOutAndCounted() {
        let today = CivilDate(2026, 11, 24)
        var tally = IndicatorTally(periods: IndicatorTally.window(years: 2026...2026, today: today), today: today)
        let nowhere = IndicatorSubject(place: IndicatorPlace(provinceCode: 99999, communeCode: 0))
        tally.countEvents(.injuries, nowhere, events: [IndicatorEvent(CivilDate(2026, 3, 2))])
        tally.add(
            .childPopulation, IndicatorPlace(provinceCode: 1, communeCode: 4),
            period: IndicatorPeriod(kind: .year, year: 2026), value: Int.max)
        let somewhere = IndicatorSubject(place: IndicatorPlace(provinceCode: 1, communeCode: 4))
        tally.countEvents(.injuries, somewhere, events: [IndicatorEvent(CivilDate(2026, 3, 2))])
        #expect(tally.skipped == 4 + 1, "the injury in its month, quarter, half and year; the population")
        #expect(tally.facts.allSatisfy { $0.place.provinceCode == 1 })
        #expect(tally.facts.contains { $0.measure == .injuries && $0.period == "2026" && $0.value == 1 })
    }
}
