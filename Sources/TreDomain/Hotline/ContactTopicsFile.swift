import Foundation

/// The hotline's two-level topic taxonomy as shipped data (Resources/Data/contact-topics.csv): the ten
/// categories of the Child Helpline International data framework with their topics, each mapped to the
/// Law on Children's form of abuse where there is one, so national and international figures come
/// from the same contacts. Codes are stable: a later version may add or retire topics, never rename.
public struct ContactTopic: Equatable, Sendable {
    public var version: Int
    public var categoryCode: String
    public var category: LocalizedText
    public var code: String
    public var name: LocalizedText
    public var abuseForm: AbuseForm?
}

public enum ContactTopicsFile {
    public struct FormatError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "contact topics, line \(line): \(reason)" }

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    public static func parse(_ text: String) throws(FormatError) -> [ContactTopic] {
        var topics: [ContactTopic] = []
        var seen: Set<String> = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated().dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let number = index + 1
            guard cells.count == 8, let version = Int(cells[0]) else {
                throw FormatError(line: number, reason: "expected 8 columns")
            }
            guard cells[4].hasPrefix(cells[1] + ".") else {
                throw FormatError(line: number, reason: "topic \(cells[4]) is not under \(cells[1])")
            }
            guard seen.insert(cells[4]).inserted else {
                throw FormatError(line: number, reason: "topic \(cells[4]) twice")
            }
            var form: AbuseForm?
            if !cells[7].isEmpty {
                guard let known = AbuseForm(rawValue: cells[7]) else {
                    throw FormatError(line: number, reason: "unknown abuse form \(cells[7])")
                }
                form = known
            }
            topics.append(
                ContactTopic(
                    version: version, categoryCode: cells[1], category: LocalizedText(vi: cells[2], en: cells[3]),
                    code: cells[4], name: LocalizedText(vi: cells[5], en: cells[6]), abuseForm: form))
        }
        return topics
    }
}
