import Fluent
import Foundation
import SQLKit
import TreDomain

/// Seals unsealed audit entries into the hash chain, oldest first, a batch per transaction.
///
/// Sealing is the only step that is serial, and it runs in the background, so writers never wait on
/// it. If two app nodes seal at once, the unique index on `sequence` makes the later transaction fail
/// and roll back; it simply seals on its next turn.
enum AuditSealer {
    /// Seals up to `batchSize` entries; returns how many were sealed.
    ///
    /// Entries are read and written with plain SQL, a few hundred per statement: an `update` of a Fluent
    /// model per entry cost the server as much CPU as logging the contact that wrote it.
    @discardableResult
    static func sealBatch(on database: any Database, batchSize: Int = 1000) async throws -> Int {
        try await database.writeTransaction { database in
            guard let sql = database as? any SQLDatabase else { return 0 }
            let head =
                try await AuditChainHead.find(AuditChainHead.mainChain, on: database)
                ?? AuditChainHead(chain: AuditChainHead.mainChain, sequence: 0, hash: AuditChain.genesisHash)
            let pending = try await sql.raw(
                """
                SELECT id, occurred_at, actor_username, action, record_type, record_id, province_code, commune_code,
                    source_address, details
                FROM \(ident: AuditEntry.schema) WHERE sequence IS NULL ORDER BY occurred_at, id LIMIT \(bind: batchSize)
                """
            ).all(decoding: PendingEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
            guard !pending.isEmpty else { return 0 }
            var seals: [(id: UUID, sequence: Int, hash: String)] = []
            var (sequence, hash) = (head.sequence, head.hash)
            for entry in pending {
                sequence += 1
                hash = AuditChain.hash(previous: hash, facts: entry.facts)
                seals.append((entry.id, sequence, hash))
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
            head.sequence = sequence
            head.hash = hash
            try await head.save(on: database)
            return pending.count
        }
    }

    /// What the chain hashes of an entry, read without a Fluent model.
    private struct PendingEntry: Decodable {
        var id: UUID
        var occurredAt: Date
        var actorUsername: String
        var action: String
        var recordType: String
        var recordId: String?
        var provinceCode: Int?
        var communeCode: Int?
        var sourceAddress: String?
        var details: String

        var facts: AuditFacts {
            AuditFacts(
                entryID: id.uuidString, occurredAt: occurredAt, actorUsername: actorUsername, action: action,
                recordType: recordType, recordID: recordId, provinceCode: provinceCode, communeCode: communeCode,
                sourceAddress: sourceAddress, details: details)
        }
    }

    /// Seals everything pending (used by `tre audit verify` and tests).
    static func sealAll(on database: any Database) async throws {
        while try await sealBatch(on: database) > 0 {}
    }
}

/// Walks the sealed chain page by page and reports the first broken link.
enum AuditVerification {
    struct Report: Sendable {
        var checked: Int
        var unsealed: Int
        var firstBreak: AuditChainBreak?
    }

    static func verify(on database: any Database, pageSize: Int = 5000) async throws -> Report {
        var verifier = AuditChainVerifier()
        var checked = 0
        var after = 0
        while verifier.firstBreak == nil {
            let page = try await AuditEntry.query(on: database)
                .filter(\.$sequence > after)
                .sort(\.$sequence)
                .limit(pageSize)
                .all()
            guard let last = page.last else { break }
            for entry in page {
                verifier.check(sequence: entry.sequence ?? 0, sealedHash: entry.sealHash ?? "", facts: entry.facts)
                checked += 1
            }
            after = last.sequence ?? after
        }
        let head = try await AuditChainHead.find(AuditChainHead.mainChain, on: database)
        verifier.finish(headSequence: head?.sequence ?? 0, headHash: head?.hash ?? AuditChain.genesisHash)
        let unsealed = try await AuditEntry.query(on: database).filter(\.$sequence == nil).count()
        return Report(checked: checked, unsealed: unsealed, firstBreak: verifier.firstBreak)
    }
}
