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
                SELECT \(AuditStoredEntry.columns) FROM \(ident: AuditEntry.schema)
                WHERE sequence IS NULL AND seal_refused IS NULL ORDER BY occurred_at, id LIMIT \(bind: batchSize)
                """
            ).all()
            var seals: [(id: UUID, sequence: Int, hash: String)] = []
            var refused: [UUID] = []
            var (sequence, hash) = (head.sequence, head.hash)
            for row in pending {
                guard let entry = AuditStoredEntry.read(row),
                    AuditChain.isGenuine(entry.facts, mac: entry.entryMac, key: key)
                else {
                    // A row whose very id cannot be read cannot be flagged; `verify` reports it as forged.
                    let id = try? row.decode(column: "id", as: UUID.self)
                    if let id { refused.append(id) }
                    database.logger.error(
                        "audit entry \(id?.uuidString ?? "(unreadable id)") refused: its MAC does not verify, so Tre did not write it as it reads"
                    )
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
            // Not `pending.count`: unreadable rows stay pending, and sealing everything must still end.
            return seals.count + refused.count
        }
    }

    /// Seals everything pending (`tre serve` in the background, and tests).
    static func sealAll(on database: any Database, key: SymmetricKey = AuditKey.current) async throws {
        while try await sealBatch(on: database, key: key) > 0 {}
    }
}
