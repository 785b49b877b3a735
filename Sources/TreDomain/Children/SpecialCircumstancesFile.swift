import Foundation

/// The shipped list of groups and sub-groups of special circumstances
/// (`Resources/Data/special-circumstances.csv`): one row per sub-group, with the statute's Vietnamese
/// sentence and its English translation, so a page in either language shows the sub-group in it.
public enum SpecialCircumstancesFile {
    public static let columns = [
        "group_code", "group_name_vi", "group_name_en", "subgroup_number", "subgroup_vi", "subgroup_en", "source",
    ]

    public struct FormatError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "special circumstances, line \(line): \(reason)" }

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// Reads the file; cells holding commas are quoted (RFC 4180). Columns are found by name, so their
    /// order may change; every row needs both languages of the group and of the sub-group.
    public static func parse(_ text: String) throws(FormatError) -> [CircumstanceSubgroup] {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first.map(cells) else { throw FormatError(line: 1, reason: "empty file") }
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            index[name.trimmingCharacters(in: .whitespaces)] = position
        }
        let missing = columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw FormatError(line: 1, reason: "missing columns \(missing.joined(separator: ", "))")
        }
        var subgroups: [CircumstanceSubgroup] = []
        var seen: Set<String> = []
        for (offset, line) in lines.enumerated().dropFirst() {
            let row = cells(line)
            let number = offset + 1
            guard row.count == header.count else {
                throw FormatError(line: number, reason: "expected \(header.count) cells, found \(row.count)")
            }
            func cell(_ name: String) -> String {
                index[name].map { VietnameseText.normalized(row[$0]) } ?? ""
            }
            guard let subgroupNumber = Int(cell("subgroup_number")), subgroupNumber > 0 else {
                throw FormatError(line: number, reason: "the sub-group number is not a number")
            }
            let empty = columns.filter { cell($0).isEmpty }
            guard empty.isEmpty else {
                throw FormatError(line: number, reason: "empty \(empty.joined(separator: ", "))")
            }
            guard seen.insert("\(cell("group_code")).\(subgroupNumber)").inserted else {
                throw FormatError(line: number, reason: "sub-group \(cell("group_code")).\(subgroupNumber) twice")
            }
            subgroups.append(
                CircumstanceSubgroup(
                    groupCode: cell("group_code"),
                    groupName: LocalizedText(vi: cell("group_name_vi"), en: cell("group_name_en")),
                    number: subgroupNumber,
                    name: LocalizedText(vi: cell("subgroup_vi"), en: cell("subgroup_en")),
                    source: cell("source")))
        }
        return subgroups
    }

    /// One line's cells: a quoted cell may hold commas, and `""` inside it is one quote.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var characters = line[...]
        while let character = characters.popFirst() {
            switch (character, quoted) {
            case ("\"", true) where characters.first == "\"":
                current.append("\"")
                characters.removeFirst()
            case ("\"", _):
                quoted.toggle()
            case (",", false):
                cells.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        cells.append(current)
        return cells
    }
}
