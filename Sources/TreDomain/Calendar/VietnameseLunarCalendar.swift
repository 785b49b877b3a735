import Foundation

/// A day of the Gregorian calendar, without time or zone: what holidays and deadlines count in.
public struct CivilDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Julian day number, so that dates can be counted and compared as integers.
    public var julianDay: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    public init(julianDay jd: Int) {
        let a = jd + 32044
        let b = (4 * a + 3) / 146097
        let c = a - (b * 146097) / 4
        let d = (4 * c + 3) / 1461
        let e = c - (1461 * d) / 4
        let m = (5 * e + 2) / 153
        self.init(b * 100 + d - 4800 + m / 10, m + 3 - 12 * (m / 10), e - (153 * m + 2) / 5 + 1)
    }

    public func adding(days: Int) -> CivilDate { CivilDate(julianDay: julianDay + days) }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { julianDay % 7 + 1 }
    public var isWeekend: Bool { isoWeekday >= 6 }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.julianDay < rhs.julianDay }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// Read and written as `YYYY-MM-DD`, as the API and the forms carry dates.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "A date is written YYYY-MM-DD: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// A date as people write it in Vietnam (05/09/2015, 5-9-2015) or `YYYY-MM-DD`; nil if not a real day.
    public init?(written text: String) {
        guard let (year, month, day) = ChildDraft.parseDate(text.trimmingCharacters(in: .whitespaces)),
            let date = CivilDate(iso: String(format: "%04d-%02d-%02d", year, month, day))
        else { return nil }
        self = date
    }

    /// `YYYY-MM-DD`, or nil.
    public init?(iso text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...9999).contains(parts[0]), (1...12).contains(parts[1]),
            (1...31).contains(parts[2])
        else { return nil }
        self.init(parts[0], parts[1], parts[2])
        guard CivilDate(julianDay: julianDay) == self else { return nil }
    }
}

/// The Vietnamese lunar calendar, computed astronomically (new moons and the sun's longitude, after
/// Meeus, as in Hồ Ngọc Đức's published algorithm) at UTC+7. Foundation on Linux cannot do this:
/// `Calendar(identifier: .vietnamese)` behaves as Gregorian there, and `.chinese` computes at UTC+8,
/// which moves Tết by a day or a month in some years (1985, 2007, 2030).
public enum VietnameseLunarCalendar {
    public static let vietnamHours = 7.0

    /// The Gregorian date of a lunar day (not in a leap month).
    public static func solarDate(lunarDay: Int, lunarMonth: Int, lunarYear: Int, timeZone: Double = vietnamHours)
        -> CivilDate
    {
        let (a11, b11) =
            lunarMonth < 11
            ? (lunarMonth11(year: lunarYear - 1, timeZone), lunarMonth11(year: lunarYear, timeZone))
            : (lunarMonth11(year: lunarYear, timeZone), lunarMonth11(year: lunarYear + 1, timeZone))
        let k = Int((0.5 + (Double(a11) - 2415021.076998695) / 29.530588853).rounded(.down))
        var offset = lunarMonth - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            // A year of 13 months: months from the leap month on start one new moon later.
            let leapOffset = leapMonthOffset(a11: a11, timeZone)
            if offset >= leapOffset { offset += 1 }
        }
        return CivilDate(julianDay: newMoonDay(k + offset, timeZone) + lunarDay - 1)
    }

    /// Tết: the first day of the first lunar month of the lunar year that starts in `year`.
    public static func tet(_ year: Int) -> CivilDate { solarDate(lunarDay: 1, lunarMonth: 1, lunarYear: year) }

    /// Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month.
    public static func hungKingsDay(_ year: Int) -> CivilDate {
        solarDate(lunarDay: 10, lunarMonth: 3, lunarYear: year)
    }

    // MARK: - Astronomy

    private static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT =
            t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd1 + c1 - deltaT
    }

    /// The day (Julian day number) of the k-th new moon since 1900, in the given zone.
    private static func newMoonDay(_ k: Int, _ timeZone: Double) -> Int {
        Int((newMoon(k) + 0.5 + timeZone / 24).rounded(.down))
    }

    /// The sun's longitude at the start of a day, as one of 12 sectors of 30°.
    private static func sunLongitudeSector(_ dayNumber: Int, _ timeZone: Double) -> Int {
        let jdn = Double(dayNumber) - 0.5 - timeZone / 24
        let t = (jdn - 2451545.0) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * (l / (Double.pi * 2)).rounded(.down)
        return Int((l / Double.pi * 6).rounded(.down))
    }

    /// The first day of the 11th lunar month (the one holding the winter solstice) of a Gregorian year.
    private static func lunarMonth11(year: Int, _ timeZone: Double) -> Int {
        let offset = CivilDate(year, 12, 31).julianDay - 2415021
        let k = Int((Double(offset) / 29.530588853).rounded(.down))
        let newMoon = newMoonDay(k, timeZone)
        return sunLongitudeSector(newMoon, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : newMoon
    }

    /// Which month after the 11th is the leap month: the first without a major solar term.
    private static func leapMonthOffset(a11: Int, _ timeZone: Double) -> Int {
        let k = Int(((Double(a11) - 2415021.076998695) / 29.530588853 + 0.5).rounded(.down))
        var i = 1
        var arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone)
        var last = 0
        repeat {
            last = arc
            i += 1
            arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone)
        } while arc != last && i < 14
        return i - 1
    }
}
