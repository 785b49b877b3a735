import Testing

@testable import TreDomain

@Suite struct PublicHolidayNamesTests {
    @Test(arguments: 2024...2030)
    func everyStatutoryDayOffHasItsNameAndNoneIsNamedTwice(year: Int) {
        let named = PublicHolidays.named(year)
        #expect(Set(named.map(\.day)) == PublicHolidays.statutory(year))
        #expect(named.count == Set(named.map(\.day)).count)
        #expect(named.map(\.day) == named.map(\.day).sorted())
        #expect(named.allSatisfy { !$0.name.vi.isEmpty && !$0.name.en.isEmpty })
    }

    @Test func aHolidayOnAWeekendGivesADayInLieuNamedAfterIt() {
        // 2 September 2029 is a Sunday, so the next working day is given in lieu.
        let named = PublicHolidays.named(2029)
        #expect(named.first { $0.day == CivilDate(2029, 9, 3) }?.name.vi == "Nghỉ bù Quốc khánh")
        #expect(named.first { $0.day == CivilDate(2029, 9, 3) }?.name.en == "In lieu of National Day")
    }
}
