import Foundation

/// A reporting period as the API writes it: `2026`, `2026-H1`, `2026-Q2` or `2026-06`.
public struct IndicatorPeriod: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable {
        case month, quarter, halfYear = "half_year", year
    }

    public var kind: Kind
    public var year: Int
    /// Month 1–12, quarter 1–4 or half 1–2; 0 for a year.
    public var index: Int

    public init(kind: Kind, year: Int, index: Int = 0) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    public struct FormatError: LocalizedFailure, Equatable {
        public var code = "invalid_period"
        public var message: LocalizedText
    }

    public init(parsing text: String) throws(FormatError) {
        let refusal = FormatError(
            message: LocalizedText(
                vi: "Kỳ không đúng định dạng: \(text). Viết 2026, 2026-H1, 2026-Q2 hoặc 2026-06.",
                en: "Not a period: \(text). Write 2026, 2026-H1, 2026-Q2 or 2026-06."))
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-").map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), (1900...2200).contains(year),
            parts.count <= 2
        else { throw refusal }
        guard parts.count == 2 else {
            self.init(kind: .year, year: year)
            return
        }
        let rest = parts[1]
        if rest.hasPrefix("H"), let half = Int(rest.dropFirst()), (1...2).contains(half) {
            self.init(kind: .halfYear, year: year, index: half)
        } else if rest.hasPrefix("Q"), let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) {
            self.init(kind: .quarter, year: year, index: quarter)
        } else if rest.count == 2, let month = Int(rest), (1...12).contains(month) {
            self.init(kind: .month, year: year, index: month)
        } else {
            throw refusal
        }
    }

    /// First day, included.
    public var start: CivilDate {
        switch kind {
        case .year: CivilDate(year, 1, 1)
        case .halfYear: CivilDate(year, index == 1 ? 1 : 7, 1)
        case .quarter: CivilDate(year, (index - 1) * 3 + 1, 1)
        case .month: CivilDate(year, index, 1)
        }
    }

    /// First day after, excluded.
    public var end: CivilDate {
        let months: Int =
            switch kind {
            case .year: 12
            case .halfYear: 6
            case .quarter: 3
            case .month: 1
            }
        let next = start.month - 1 + months
        return CivilDate(start.year + next / 12, next % 12 + 1, 1)
    }

    public var description: String {
        switch kind {
        case .year: String(year)
        case .halfYear: "\(year)-H\(index)"
        case .quarter: "\(year)-Q\(index)"
        case .month: String(format: "%04d-%02d", year, index)
        }
    }
}
