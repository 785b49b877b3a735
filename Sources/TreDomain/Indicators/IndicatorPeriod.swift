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

    /// Reads a period as the API writes it (`2026-Q3`) or as people write it: "Quý 3/2026", "Q3/2026",
    /// "quy 3 2026", "11/2026", "Tháng 11/2026", "6 tháng đầu năm 2026", "Năm 2026" (accents and case ignored).
    public init(parsing text: String) throws(FormatError) {
        let refusal = FormatError(
            message: LocalizedText(
                vi:
                    "Kỳ không đúng định dạng: \(text). Viết Quý 2/2026 (2026-Q2), Tháng 6/2026 (2026-06), 6 tháng đầu năm 2026 (2026-H1) hoặc 2026.",
                en: "Not a period: \(text). Write Q2/2026 (2026-Q2), 6/2026 (2026-06), H1/2026 (2026-H1) or 2026."))
        if let written = Self.asPeopleWriteIt(text) {
            self = written
            return
        }
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

    private static func asPeopleWriteIt(_ text: String) -> IndicatorPeriod? {
        let folded = VietnameseText.folded(text)
        func period(_ kind: Kind, _ index: Substring, _ year: Substring) -> IndicatorPeriod? {
            guard let index = Int(index), let year = Int(year), (1900...2200).contains(year) else { return nil }
            let largest = kind == .month ? 12 : kind == .quarter ? 4 : 2
            return (1...largest).contains(index) ? IndicatorPeriod(kind: kind, year: year, index: index) : nil
        }
        if let match = folded.wholeMatch(of: #/(?:quy|q) ?([1-4]) ?[/ -] ?(\d{4})/#) {
            return period(.quarter, match.output.1, match.output.2)
        }
        if let match = folded.wholeMatch(of: #/(?:thang |t)?(\d{1,2}) ?[/-] ?(\d{4})/#) {
            return period(.month, match.output.1, match.output.2)
        }
        if let match = folded.wholeMatch(of: #/(?:h|nua nam |6 thang (?:dau|cuoi) nam ?)?([12])? ?[/ -]? ?(\d{4})/#),
            folded.hasPrefix("h") || folded.hasPrefix("nua") || folded.hasPrefix("6 thang")
        {
            let half: Substring = folded.contains("cuoi") ? "2" : folded.contains("dau") ? "1" : match.output.1 ?? ""
            return period(.halfYear, half, match.output.2)
        }
        if let match = folded.wholeMatch(of: #/nam (\d{4})/#), let year = Int(match.output.1),
            (1900...2200).contains(year)
        {
            return IndicatorPeriod(kind: .year, year: year)
        }
        return nil
    }

    /// How people write the period: "Quý 3/2026", "Tháng 11/2026", "6 tháng đầu năm 2026"; "Q3/2026" in English.
    public func label(_ language: Language) -> String {
        switch (kind, language) {
        case (.year, .vi): "Năm \(year)"
        case (.year, .en): String(year)
        case (.halfYear, .vi): "6 tháng \(index == 1 ? "đầu" : "cuối") năm \(year)"
        case (.halfYear, .en): "H\(index)/\(year)"
        case (.quarter, .vi): "Quý \(index)/\(year)"
        case (.quarter, .en): "Q\(index)/\(year)"
        case (.month, .vi): "Tháng \(index)/\(year)"
        case (.month, .en): "\(index)/\(year)"
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
