import Foundation
import Testing
import TreDomain

@Suite struct VietnameseLunarCalendarTests {
    /// Tết and Hùng Kings' day 1980–2040 in Vietnam, and Tết in China, from ../shared/data.
    static let published: [(year: Int, tetVietnam: String, tetChina: String, hungKings: String)] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Data/vietnamese-lunar-dates.csv")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",").map(String.init)
            guard cells.count == 4, let year = Int(cells[0]) else { return nil }
            return (year, cells[1], cells[2], cells[3])
        }
    }()

    @Test func tetAndHungKingsDayMatchThePublishedDatesForSixtyYears() {
        #expect(Self.published.count == 61)
        for row in Self.published {
            #expect(VietnameseLunarCalendar.tet(row.year).description == row.tetVietnam, "Tết \(row.year)")
            #expect(VietnameseLunarCalendar.hungKingsDay(row.year).description == row.hungKings, "Giỗ Tổ \(row.year)")
        }
    }

    @Test func vietnamAndChinaDifferWhereTheNewMoonFallsBetweenTheirMidnights() {
        for row in Self.published {
            let china = VietnameseLunarCalendar.solarDate(lunarDay: 1, lunarMonth: 1, lunarYear: row.year, timeZone: 8)
            #expect(china.description == row.tetChina, "China \(row.year)")
        }
        #expect(VietnameseLunarCalendar.tet(2030) == CivilDate(2030, 2, 2))
        #expect(VietnameseLunarCalendar.tet(2007) == CivilDate(2007, 2, 17))
    }
}

@Suite struct WorkingDaysTests {
    let calendar = WorkingDayCalendar()

    @Test func aWeekendIsSkipped() {
        // Friday 20 November 2026 + 2 working days: Tuesday 24th.
        #expect(calendar.adding(workingDays: 2, to: CivilDate(2026, 11, 20)) == CivilDate(2026, 11, 24))
        #expect(CivilDate(2026, 11, 21).isWeekend && CivilDate(2026, 11, 22).isWeekend)
    }

    @Test func tetOf2027IsSkipped() {
        // Tết 2027 is Saturday 6 February: days off 5–9 February, with compensatory days for the two
        // that fall on the weekend (10 and 11 February).
        #expect(VietnameseLunarCalendar.tet(2027) == CivilDate(2027, 2, 6))
        let off = PublicHolidays.statutory(2027)
        for day in 5...11 { #expect(off.contains(CivilDate(2027, 2, day)), "\(day) February 2027") }
        // A plan due within 5 working days of a report on Wednesday 3 February 2027: Thursday 4, then
        // nothing until Friday 12, Monday 15, Tuesday 16, Wednesday 17 February.
        #expect(calendar.adding(workingDays: 5, to: CivilDate(2027, 2, 3)) == CivilDate(2027, 2, 17))
    }

    @Test func aDayOffAddedByAnAdministratorIsSkipped() {
        let monday = CivilDate(2026, 11, 23)
        #expect(calendar.adding(workingDays: 1, to: monday) == CivilDate(2026, 11, 24))
        let withDayOff = WorkingDayCalendar(extraDaysOff: [CivilDate(2026, 11, 24)])
        #expect(withDayOff.adding(workingDays: 1, to: monday) == CivilDate(2026, 11, 25))
    }

    @Test func nationalDayAndLabourDayAreSkipped() {
        #expect(!calendar.isWorkingDay(CivilDate(2026, 9, 2)))
        #expect(!calendar.isWorkingDay(CivilDate(2026, 4, 30)))
        #expect(!calendar.isWorkingDay(CivilDate(2026, 5, 1)))
        #expect(calendar.isWorkingDay(CivilDate(2026, 5, 4)))
    }

    @Test func datesAreReadStrictly() {
        #expect(CivilDate(iso: "2027-02-29") == nil)
        #expect(CivilDate(iso: "2028-02-29") == CivilDate(2028, 2, 29))
        #expect(CivilDate(iso: "hôm qua") == nil)
    }
}
