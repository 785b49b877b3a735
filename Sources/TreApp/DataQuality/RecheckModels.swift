import Fluent
import Foundation
import TreDomain

/// A re-check round (đợt phúc tra): a sample of one commune's records drawn by a provincial officer on a
/// day, from a seed kept with it so the draw can be redone, and its figures kept as findings are recorded.
final class RecheckRoundRecord: CommuneRecord, @unchecked Sendable {
    static let schema = "recheck_rounds"
    static let auditType = "recheck_round"
    static let scope = CommuneRecordColumns<RecheckRoundRecord>(
        id: \.$id, province: \.$provinceCode, commune: \.$communeCode)

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    /// The day of the draw, `yyyy-MM-dd` in Vietnam.
    @Field(key: "drawn_on") var drawnOn: String
    @OptionalField(key: "drawn_by") var drawnBy: UUID?
    /// Who drew it, as their name read then (an account's name may change later).
    @Field(key: "drawn_by_name") var drawnByName: String
    /// Sixteen hexadecimal digits (`RecheckSample.text(of:)`).
    @Field(key: "seed") var seed: String
    /// The size asked for, and how many records the commune had to draw from.
    @Field(key: "size") var size: Int
    @Field(key: "candidates") var candidates: Int
    @Field(key: "status") var status: String
    @Field(key: "fields_checked") var fieldsChecked: Int
    @Field(key: "fields_differing") var fieldsDiffering: Int
    @Field(key: "records_checked") var recordsChecked: Int
    @Field(key: "records_differing") var recordsDiffering: Int
    @OptionalField(key: "closed_on") var closedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var tally: RecheckTally {
        get {
            RecheckTally(
                fieldsChecked: fieldsChecked, fieldsDiffering: fieldsDiffering, recordsChecked: recordsChecked,
                recordsDiffering: recordsDiffering)
        }
        set {
            fieldsChecked = newValue.fieldsChecked
            fieldsDiffering = newValue.fieldsDiffering
            recordsChecked = newValue.recordsChecked
            recordsDiffering = newValue.recordsDiffering
        }
    }

    var isOpen: Bool { status == RecheckStatus.open.rawValue }
}

/// A sampled record of a round and what the household visit found, field by field.
final class RecheckItemRecord: Model, @unchecked Sendable {
    static let schema = "recheck_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: RecheckRoundRecord
    @Field(key: "child_id") var childID: UUID
    /// The place in the draw (1 is the first drawn).
    @Field(key: "position") var position: Int
    /// The findings as JSON: `{"sex": {"finding": "differs", "found": "…"}, …}`; empty before any is recorded.
    @Field(key: "findings") var findingsJSON: String
    @OptionalField(key: "checked_on") var checkedOn: String?
    @OptionalField(key: "checked_by") var checkedBy: UUID?

    init() {}

    var findings: RecheckRecordFindings {
        get {
            guard let data = findingsJSON.data(using: .utf8),
                let stored = try? JSONDecoder().decode([String: RecheckFieldFinding].self, from: data)
            else { return RecheckRecordFindings() }
            return RecheckRecordFindings(
                Dictionary(
                    stored.compactMap { key, value in RecheckField(rawValue: key).map { ($0, value) } },
                    uniquingKeysWith: { first, _ in first }))
        }
        set {
            let stored = Dictionary(
                newValue.fields.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: { first, _ in first })
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            findingsJSON = (try? encoder.encode(stored)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        }
    }
}
