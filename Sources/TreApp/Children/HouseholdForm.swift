import Foundation
import TreDomain

/// The household form as posted: the household's part once (named as on the child form), then each child's
/// line as `child<n><Field>` (`child0FullName`, `child0Sex`, …), every value kept as typed so that a refused
/// household comes back exactly as it was written.
struct HouseholdForm: Encodable {
    struct Line: Encodable {
        var fullName = ""
        var sex = ""
        var dateOfBirth = ""
        var ethnicityCode = ""
        var personalId = ""
        /// Ticked after seeing this line's probable duplicates: "this is another child".
        var confirmNew = false

        var isEmpty: Bool { draft.isEmpty }
        var draft: HouseholdDraft.Line {
            .init(
                fullName: fullName, sex: sex, dateOfBirth: dateOfBirth, ethnicityCode: ethnicityCode,
                personalID: personalId)
        }
    }

    /// Lines a new form offers, and how many "add lines" adds.
    static let startingLines = 5
    /// The most lines the form shows; a post naming lines beyond it is read up to `linesRead` and refused.
    static var maximumLines: Int { HouseholdDraft.maximumChildren }
    static let linesRead = 100

    var communeCode = ""
    var address = ""
    var caregiver0Relation = ""
    var caregiver0Name = ""
    var caregiver0Phone = ""
    var caregiver1Relation = ""
    var caregiver1Name = ""
    var caregiver1Phone = ""
    var lines: [Line]
    /// The "add lines" button was pressed: show more lines, save nothing.
    var addLinesPressed = false

    init(lineCount: Int = startingLines) {
        lines = Array(repeating: Line(), count: min(max(lineCount, 1), Self.maximumLines))
    }

    /// The posted fields; `lines` (hidden) says how many lines the page showed, so empty ones come back too.
    init(fields: [String: String]) {
        func value(_ name: String) -> String { fields[name] ?? "" }
        communeCode = value("communeCode")
        address = value("address")
        caregiver0Relation = value("caregiver0Relation")
        caregiver0Name = value("caregiver0Name")
        caregiver0Phone = value("caregiver0Phone")
        caregiver1Relation = value("caregiver1Relation")
        caregiver1Name = value("caregiver1Name")
        caregiver1Phone = value("caregiver1Phone")
        addLinesPressed = fields["addLines"] != nil

        var read: [Int: Line] = [:]
        for (name, text) in fields where name.hasPrefix("child") {
            let rest = name.dropFirst("child".count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...3).contains(digits.count), let index = Int(digits), index < Self.linesRead else { continue }
            var line = read[index] ?? Line()
            switch rest.dropFirst(digits.count) {
            case "FullName": line.fullName = text
            case "Sex": line.sex = text
            case "DateOfBirth": line.dateOfBirth = text
            case "EthnicityCode": line.ethnicityCode = text
            case "PersonalId": line.personalId = text
            case "ConfirmNew": line.confirmNew = !text.isEmpty
            default: continue
            }
            read[index] = line
        }
        let shown = min(max(Int(value("lines")) ?? Self.startingLines, 1), Self.maximumLines)
        let lastWritten = (read.filter { !$0.value.isEmpty }.keys.max() ?? -1) + 1
        lines = (0..<max(shown, lastWritten)).map { read[$0] ?? Line() }
    }

    var draft: HouseholdDraft {
        HouseholdDraft(
            communeCode: Int(communeCode.trimmingCharacters(in: .whitespaces)), address: address,
            caregivers: [
                .init(relation: caregiver0Relation, fullName: caregiver0Name, phone: caregiver0Phone),
                .init(relation: caregiver1Relation, fullName: caregiver1Name, phone: caregiver1Phone),
            ], lines: lines.map(\.draft))
    }

    /// More empty lines, up to the most the form shows.
    mutating func addLines() {
        let count = min(lines.count + Self.startingLines, Self.maximumLines)
        if count > lines.count { lines += Array(repeating: Line(), count: count - lines.count) }
    }
}
