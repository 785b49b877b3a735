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

    init() {}

    var facts: AuditFacts {
        AuditFacts(
            entryID: id?.uuidString ?? "", occurredAt: occurredAt, actorUsername: actorUsername, action: action,
            recordType: recordType, recordID: recordID, provinceCode: provinceCode, communeCode: communeCode,
            sourceAddress: sourceAddress, details: details)
    }
}

/// The last sealed entry: lets verification notice entries deleted from the end of the chain.
final class AuditChainHead: Model, @unchecked Sendable {
    static let schema = "audit_chain_heads"
    static let mainChain = "main"

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

struct CreateAuditTrail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_username", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .string)
            .field("province_code", .int)
            .field("commune_code", .int)
            .field("source_address", .string)
            .field("details", .string, .required)
            .field("sequence", .int)
            .field("seal_hash", .string)
            .unique(on: "sequence")
            .create()
        try await database.schema(AuditChainHead.schema)
            .field("chain", .string, .identifier(auto: false))
            .field("sequence", .int, .required)
            .field("hash", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditChainHead.schema).delete()
        try await database.schema(AuditEntry.schema).delete()
    }
}
