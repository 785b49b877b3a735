import Foundation

/// Age is always derived, never stored: from the date of birth, or from an estimated year of birth
/// (flagged as such) when the date is not known.
public struct ChildAge: Equatable, Sendable {
    /// A child is a person under 16 (Law on Children, Art. 1).
    public static let adulthood = 16

    public enum Birth: Equatable, Sendable {
        case date(year: Int, month: Int, day: Int)
        case estimatedYear(Int)
    }

    public enum Band: String, CaseIterable, Codable, Sendable {
        case under6 = "0-5"
        case from6to10 = "6-10"
        case from11to15 = "11-15"
        case sixteenOrOver = "16+"
    }

    public let years: Int
    public let isEstimated: Bool

    /// The age on a calendar day in Vietnam (a birthday counts from its morning in Vietnam).
    public init(birth: Birth, on today: (year: Int, month: Int, day: Int)) {
        switch birth {
        case .date(let year, let month, let day):
            let hadBirthday = (today.month, today.day) >= (month, day)
            years = max(0, today.year - year - (hadBirthday ? 0 : 1))
            isEstimated = false
        case .estimatedYear(let year):
            years = max(0, today.year - year)
            isEstimated = true
        }
    }

    public var isChild: Bool { years < Self.adulthood }

    public var band: Band {
        switch years {
        case ..<6: .under6
        case 6...10: .from6to10
        case 11...15: .from11to15
        default: .sixteenOrOver
        }
    }

    /// Today's date in Vietnam (UTC+7, no daylight saving).
    public static func todayInVietnam(_ now: Date = Date()) -> (year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Checks a date of birth: a real calendar day, not in the future, not before 1900.
    public static func validateBirthDate(year: Int, month: Int, day: Int, today: (year: Int, month: Int, day: Int))
        throws(ChildRecordError)
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let components = DateComponents(year: year, month: month, day: day)
        guard year >= 1900, (1...12).contains(month), let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day
        else { throw .impossibleBirthDate }
        guard (year, month, day) <= (today.year, today.month, today.day) else { throw .birthDateInFuture }
    }
}
