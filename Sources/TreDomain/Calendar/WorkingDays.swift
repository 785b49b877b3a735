import Foundation

/// The days off that statutory deadlines skip (Labour Code 2019 Art. 112), for a Gregorian year, before
/// the government's yearly arrangements, which an administrator adds as extra days.
public enum PublicHolidays {
    /// The statutory days off of `year`, with a compensatory day after each one that falls on a weekend.
    public static func statutory(_ year: Int) -> Set<CivilDate> {
        Set(named(year).map(\.day))
    }

    /// The same days with the name of each, in date order: what the days-off page lists.
    public static func named(_ year: Int) -> [(day: CivilDate, name: LocalizedText)] {
        let tet = VietnameseLunarCalendar.tet(year)
        var days: [(CivilDate, LocalizedText)] = [
            (CivilDate(year, 1, 1), .init(vi: "Tết Dương lịch", en: "New Year's Day"))
        ]
        // Tết: five days. Which five is the government's yearly choice; the usual one is the last day
        // of the old year and the first four of the new. Other arrangements are added as extra days.
        days += (-1...3).map { (tet.adding(days: $0), LocalizedText(vi: "Tết Nguyên đán", en: "Lunar New Year (Tết)")) }
        days.append(
            (
                VietnameseLunarCalendar.hungKingsDay(year),
                .init(vi: "Giỗ Tổ Hùng Vương", en: "Hùng Kings' Commemoration")
            ))
        days += [
            (CivilDate(year, 4, 30), .init(vi: "Ngày Chiến thắng", en: "Reunification Day")),
            (CivilDate(year, 5, 1), .init(vi: "Ngày Quốc tế Lao động", en: "International Labour Day")),
        ]
        // National Day: 2 September and the day before (the government may choose the day after).
        days += [CivilDate(year, 9, 1), CivilDate(year, 9, 2)].map {
            ($0, LocalizedText(vi: "Quốc khánh", en: "National Day"))
        }

        var off = Set(days.map(\.0))
        var named = days
        for (day, name) in days.sorted(by: { $0.0 < $1.0 }) where day.isWeekend {
            var compensatory = day.adding(days: 1)
            while compensatory.isWeekend || off.contains(compensatory) { compensatory = compensatory.adding(days: 1) }
            off.insert(compensatory)
            named.append((compensatory, LocalizedText(vi: "Nghỉ bù \(name.vi)", en: "In lieu of \(name.en)")))
        }
        return named.sorted { $0.0 < $1.0 }.map { (day: $0.0, name: $0.1) }
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
