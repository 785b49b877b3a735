import Foundation

/// The days off that statutory deadlines skip (Labour Code 2019 Art. 112), for a Gregorian year, before
/// the government's yearly arrangements, which an administrator adds as extra days.
public enum PublicHolidays {
    /// The statutory days off of `year`, with a compensatory day after each one that falls on a weekend.
    public static func statutory(_ year: Int) -> Set<CivilDate> {
        let tet = VietnameseLunarCalendar.tet(year)
        var days: [CivilDate] = [CivilDate(year, 1, 1)]
        // Tết: five days. Which five is the government's yearly choice; the usual one is the last day
        // of the old year and the first four of the new. Other arrangements are added as extra days.
        days += (-1...3).map { tet.adding(days: $0) }
        days.append(VietnameseLunarCalendar.hungKingsDay(year))
        days += [CivilDate(year, 4, 30), CivilDate(year, 5, 1)]
        // National Day: 2 September and the day before (the government may choose the day after).
        days += [CivilDate(year, 9, 1), CivilDate(year, 9, 2)]

        var off = Set(days)
        for day in days.sorted() where day.isWeekend {
            var compensatory = day.adding(days: 1)
            while compensatory.isWeekend || off.contains(compensatory) { compensatory = compensatory.adding(days: 1) }
            off.insert(compensatory)
        }
        return off
    }
}

/// Counts working days: Monday to Friday, except public holidays and the days an administrator adds.
public struct WorkingDayCalendar: Sendable {
    private let extraDaysOff: Set<CivilDate>

    public init(extraDaysOff: Set<CivilDate> = []) {
        self.extraDaysOff = extraDaysOff
    }

    public func isWorkingDay(_ day: CivilDate) -> Bool {
        !day.isWeekend && !extraDaysOff.contains(day) && !PublicHolidays.statutory(day.year).contains(day)
    }

    /// The day on which a period of `count` working days that starts the day after `start` ends: a plan
    /// due "within 5 working days" of a report received on Friday is due on the fifth working day after.
    public func adding(workingDays count: Int, to start: CivilDate) -> CivilDate {
        var day = start
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }
}
