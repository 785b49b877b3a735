import Foundation
import TreDomain

/// Dates and times as Vietnamese officials write them, in Vietnam's time zone.
enum VietnamTime {
    /// A stored 2025-07-01 as 01/07/2025.
    static func date(_ stored: String) -> String {
        ChildDraft.parseISODate(stored).map { String(format: "%02d/%02d/%04d", $0.2, $0.1, $0.0) } ?? stored
    }

    /// Today in Vietnam as stored: 2026-11-29.
    static func isoDate(_ now: Date) -> String {
        let today = ChildAge.todayInVietnam(now)
        return String(format: "%04d-%02d-%02d", today.year, today.month, today.day)
    }

    /// An amount of đồng as people read it: 26.000.000 đ in Vietnamese, 26,000,000 đ in English.
    static func money(_ amount: Int, _ language: Language) -> String {
        IndicatorNumberFormat.integer(amount, language: language) + " đ"
    }

    /// The value of a datetime-local field for an instant, in Vietnam's time: 2026-11-24T08:30.
    static func dateTimeLocal(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        return formatter.string(from: date)
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "dd/MM/yyyy HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        return formatter.string(from: date)
    }
}
