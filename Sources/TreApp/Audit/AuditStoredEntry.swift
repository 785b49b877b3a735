import Foundation
import SQLKit
import TreDomain

/// An audit row as the sealer and the verifier read it: plain SQL, one row decoded at a time, so that a
/// row someone wrote with the wrong types (SQLite keeps whatever it is given) is reported as not Tre's
/// instead of stopping the sealer or the check.
struct AuditStoredEntry: Decodable {
    static let columns = SQLRaw(
        """
        id, occurred_at, actor_id, actor_username, action, record_type, record_id, province_code, commune_code,
        source_address, details, occurred_micros, format, entry_mac, sequence, seal_hash
        """)

    var id: UUID
    var occurredAt: Date
    var actorId: UUID?
    var actorUsername: String
    var action: String
    var recordType: String
    var recordId: String?
    var provinceCode: Int?
    var communeCode: Int?
    var sourceAddress: String?
    var details: String
    var occurredMicros: Int64?
    var format: Int?
    var entryMac: String?
    var sequence: Int?
    var sealHash: String?

    /// The row, or nil when it cannot be read as an audit entry.
    static func read(_ row: any SQLRow) -> AuditStoredEntry? {
        try? row.decode(model: AuditStoredEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    var facts: AuditFacts {
        AuditFacts(
            entryID: id.uuidString, occurredAt: occurredAt, actorUsername: actorUsername, action: action,
            recordType: recordType, recordID: recordId, provinceCode: provinceCode, communeCode: communeCode,
            sourceAddress: sourceAddress, details: details, actorID: actorId?.uuidString,
            occurredMicros: occurredMicros, format: AuditFormat(storedValue: format))
    }
}
