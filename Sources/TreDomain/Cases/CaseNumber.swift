import Foundation

/// A case's readable number: its commune, the year it was received and its order among that commune's
/// cases of that year, written "00004-2026-0012" — unique in the country, read out on the phone as
/// "case 12 of 2026 of commune 4", and sorted as it reads.
public struct CaseNumber: Hashable, Sendable, CustomStringConvertible {
    public var communeCode: Int
    public var year: Int
    public var sequence: Int

    public init(communeCode: Int, year: Int, sequence: Int) {
        self.communeCode = communeCode
        self.year = year
        self.sequence = sequence
    }

    public var description: String {
        Self.padded(communeCode, 5) + "-" + Self.padded(year, 4) + "-" + Self.padded(sequence, 4)
    }

    /// A number as people type it: "00004-2026-0012", "4-2026-12", "4/2026/12", spaces ignored. Bounded, so
    /// that a typed number can never overflow.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isASCIIDigit) }),
            let commune = Int(parts[0]), let year = Int(parts[1]), let sequence = Int(parts[2]),
            (1900...9999).contains(year), sequence > 0
        else { return nil }
        self.init(communeCode: commune, year: year, sequence: sequence)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
