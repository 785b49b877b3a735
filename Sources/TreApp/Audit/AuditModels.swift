import Fluent
import Foundation
import TreDomain

/// One line of the append-only audit trail: who did what to which record, when and from where.
/// `sequence` and `seal_hash` are written once, by the sealer, shortly after the entry is inserted.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_username") var actorUsername: String
    @Field(key: "action") var action: String
    @Field(key: "record_type") var recordType: String
    @OptionalField(key: "record_id") var recordID: String?
    @OptionalField(key: "province_code") var provinceCode: Int?
    @OptionalField(key: "commune_code") var communeCode: Int?
    @OptionalField(key: "source_address") var sourceAddress: String?
    @Field(key: "details") var details: String
    @OptionalField(key: "sequence") var sequence: Int?
    @OptionalField(key: "seal_hash") var sealHash: String?
    /// The time hashed by the keyed format; nil in entries sealed before it.
    @OptionalField(key: "occurred_micros") var occurredMicros: Int64?
    /// `AuditFormat`; nil in entries sealed before the keyed format.
    @OptionalField(key: "format") var format: Int?
    @OptionalField(key: "entry_mac") var entryMAC: String?
    /// Set by the sealer on an entry whose MAC does not verify: not written by Tre, never chained.
    @OptionalField(key: "seal_refused") var sealRefused: Bool?

    init() {}

    var facts: AuditFacts {
        AuditFacts(
            entryID: id?.uuidString ?? "", occurredAt: occurredAt, actorUsername: actorUsername, action: action,
            recordType: recordType, recordID: recordID, provinceCode: provinceCode, communeCode: communeCode,
            sourceAddress: sourceAddress, details: details, actorID: actorID?.uuidString,
            occurredMicros: occurredMicros,
            format: AuditFormat(storedValue: format))
    }
}

/// The last sealed entry: lets verification notice entries deleted from the end of the chain.
final class AuditChainHead: Model, @unchecked Sendable {
    static let schema = "audit_chain_heads"
    static let mainChain = "main"
    /// Its `sequence` is the last entry sealed in the legacy format, its `hash` `AuditChain.legacyPin`
    /// of that entry's seal.
    static let legacyEnd = "legacy-end"

    @ID(custom: "chain", generatedBy: .user) var id: String?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "hash") var hash: String

    init() {}

    init(chain: String, sequence: Int, hash: String) {
        self.id = chain
        self.sequence = sequence
        self.hash = hash
    }
}

extension AuditFormat {
    /// Rows from before the `format` column hold nil: legacy. An unknown number is read as legacy too,
    /// which only verifies up to the pinned legacy end.
    init(storedValue: Int?) {
        self = storedValue.flatMap(AuditFormat.init(rawValue:)) ?? .legacy
    }
}
