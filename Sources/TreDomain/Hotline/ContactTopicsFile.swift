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

/// Rules for changing the taxonomy: a new topic gets a new code under an existing category; codes are
/// never renamed or reused, so a contact's topics mean the same in every later version.
public enum ContactTopicRules {
    public struct Refusal: LocalizedFailure, Equatable {
        public var code = "invalid_topic"
        public var message: LocalizedText

        public init(message: LocalizedText) { self.message = message }
    }

    /// The code of a new topic, or why it cannot be made.
    public static func newCode(category: String, suffix: String, existing: Set<String>, categories: Set<String>)
        throws(Refusal) -> String
    {
        guard categories.contains(category) else {
            throw Refusal(message: LocalizedText(vi: "Nhóm chủ đề không tồn tại.", en: "There is no such category."))
        }
        let suffix = suffix.trimmingCharacters(in: .whitespaces).lowercased()
        guard !suffix.isEmpty, suffix.count <= 40,
            suffix.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else {
            throw Refusal(
                message: LocalizedText(
                    vi: "Mã chủ đề chỉ gồm chữ không dấu, số và dấu gạch dưới.",
                    en: "A topic code has only letters a–z, digits and underscores."))
        }
        let code = category + "." + suffix
        guard !existing.contains(code) else {
            throw Refusal(
                message: LocalizedText(
                    vi: "Mã \(code) đã có (kể cả đã ngừng dùng); mã không được dùng lại.",
                    en: "The code \(code) exists (perhaps retired); codes are never reused."))
        }
        return code
    }
}
