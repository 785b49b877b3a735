import Crypto
import Fluent
import Foundation
import SQLKit
import TreDomain

/// Seals unsealed audit entries into the hash chain, oldest first, a batch per transaction.
///
/// Sealing is the only step that is serial, and it runs in the background, so writers never wait on
/// it. If two app nodes seal at once, the unique index on `sequence` makes the later transaction fail
/// and roll back; it simply seals on its next turn. Only entries whose MAC shows that Tre wrote them
/// are chained: a row inserted by other means is flagged, logged and left out.
enum AuditSealer {
    /// Seals up to `batchSize` entries; returns how many were sealed or refused.
    ///
    /// Entries are read and written with plain SQL, a few hundred per statement: an `update` of a Fluent
    /// model per entry cost the server as much CPU as logging the contact that wrote it.
    @discardableResult
    static func sealBatch(on database: any Database, batchSize: Int = 1000, key: SymmetricKey = AuditKey.current)
        async throws -> Int
    {
        try await database.writeTransaction { database in
            guard let sql = database as? any SQLDatabase else { return 0 }
            let head =
                try await AuditChainHead.find(AuditChainHead.mainChain, on: database)
                ?? AuditChainHead(chain: AuditChainHead.mainChain, sequence: 0, hash: AuditChain.genesisHash)
            let pending = try await sql.raw(
                """
                SELECT id, occurred_at, actor_id, actor_username, action, record_type, record_id, province_code,
                    commune_code, source_address, details, occurred_micros, format, entry_mac
                FROM \(ident: AuditEntry.schema) WHERE sequence IS NULL AND seal_refused IS NULL
                ORDER BY occurred_at, id LIMIT \(bind: batchSize)
                """
            ).all(decoding: PendingEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
            guard !pending.isEmpty else { return 0 }
            var seals: [(id: UUID, sequence: Int, hash: String)] = []
            var refused: [UUID] = []
            var (sequence, hash) = (head.sequence, head.hash)
            for entry in pending {
                guard AuditChain.isGenuine(entry.facts, mac: entry.entryMac, key: key) else {
                    refused.append(entry.id)
                    database.logger.error(
                        "audit entry \(entry.id) refused: its MAC does not verify, so Tre did not write it as it reads")
                    continue
                }
                sequence += 1
                hash = AuditChain.keyedHash(previous: hash, facts: entry.facts, key: key)
                seals.append((entry.id, sequence, hash))
            }
            if !refused.isEmpty {
                try await sql.update(AuditEntry.schema).set("seal_refused", to: true)
                    .where("id", .in, SQLBind.group(refused)).run()
            }
            for chunk in stride(from: 0, to: seals.count, by: 300).map({ seals[$0..<min($0 + 300, seals.count)] }) {
                let rows = chunk.map { SQLGroupExpression([SQLBind($0.id), SQLBind($0.sequence), SQLBind($0.hash)]) }
                // VALUES names its columns column1, column2… in both SQLite and PostgreSQL.
                try await sql.raw(
                    """
                    UPDATE \(ident: AuditEntry.schema) SET sequence = v.column2, seal_hash = v.column3
                    FROM (VALUES \(SQLList(rows))) AS v WHERE \(ident: AuditEntry.schema).id = v.column1
                    """
                ).run()
            }
            if !seals.isEmpty {
                head.sequence = sequence
                head.hash = hash
                try await head.save(on: database)
            }
            return pending.count
        }
    }

    /// What the chain hashes of an entry, read without a Fluent model.
    private struct PendingEntry: Decodable {
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

        var facts: AuditFacts {
            AuditFacts(
                entryID: id.uuidString, occurredAt: occurredAt, actorUsername: actorUsername, action: action,
                recordType: recordType, recordID: recordId, provinceCode: provinceCode, communeCode: communeCode,
                sourceAddress: sourceAddress, details: details, actorID: actorId?.uuidString,
                occurredMicros: occurredMicros, format: AuditFormat(storedValue: format))
        }
    }

    /// Seals everything pending (`tre serve` in the background, and tests).
    static func sealAll(on database: any Database, key: SymmetricKey = AuditKey.current) async throws {
        while try await sealBatch(on: database, key: key) > 0 {}
    }
}
