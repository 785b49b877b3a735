import Crypto
import Fluent
import Foundation
import SQLKit
import TreDomain

/// Adds what the keyed format needs (docs/decisions/001-audit-chain.md), and closes the legacy part of
/// the chain: entries the previous version left unsealed are sealed with the formula it used, and the
/// last legacy seal is pinned under the key, so that no entry can later claim the legacy format.
struct AddAuditEntryIntegrity: AsyncMigration {
    static let fields: [(name: FieldKey, type: DatabaseSchema.DataType)] = [
        ("occurred_micros", .int64), ("format", .int), ("entry_mac", .string), ("seal_refused", .bool),
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for field in Self.fields {
            try await database.schema(AuditEntry.schema).field(field.name, field.type).update()
        }
        try await Self.closeLegacyEntries(on: database, key: AuditKey.current)
    }

    func revert(on database: any Database) async throws {
        try await AuditChainHead.query(on: database).filter(\.$id == AuditChainHead.legacyEnd).delete()
        for field in Self.fields.reversed() {
            try await database.schema(AuditEntry.schema).deleteField(field.name).update()
        }
    }

    /// Seals pending legacy entries onto the chain, then pins the head. Nothing to do on a new trail.
    static func closeLegacyEntries(on database: any Database, key: SymmetricKey) async throws {
        try await database.transaction { database in
            let head =
                try await AuditChainHead.find(AuditChainHead.mainChain, on: database)
                ?? AuditChainHead(chain: AuditChainHead.mainChain, sequence: 0, hash: AuditChain.genesisHash)
            let pending = try await AuditEntry.query(on: database).filter(\.$sequence == nil)
                .filter(\.$format == nil).sort(\.$occurredAt).sort(\.$id).all()
            for entry in pending {
                head.sequence += 1
                head.hash = AuditChain.hash(previous: head.hash, facts: entry.facts)
                entry.sequence = head.sequence
                entry.sealHash = head.hash
                try await entry.save(on: database)
            }
            guard head.sequence > 0 else { return }
            try await head.save(on: database)
            let pin = AuditChainHead(
                chain: AuditChainHead.legacyEnd, sequence: head.sequence,
                hash: AuditChain.legacyPin(sequence: head.sequence, hash: head.hash, key: key))
            try await pin.create(on: database)
        }
    }
}
