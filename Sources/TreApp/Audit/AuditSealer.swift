import Fluent
import Foundation
import TreDomain

/// Seals unsealed audit entries into the hash chain, oldest first, a batch per transaction.
///
/// Sealing is the only step that is serial, and it runs in the background, so writers never wait on
/// it. If two app nodes seal at once, the unique index on `sequence` makes the later transaction fail
/// and roll back; it simply seals on its next turn.
enum AuditSealer {
    /// Seals up to `batchSize` entries; returns how many were sealed.
    @discardableResult
    static func sealBatch(on database: any Database, batchSize: Int = 1000) async throws -> Int {
        try await database.transaction { database in
            let head =
                try await AuditChainHead.find(AuditChainHead.mainChain, on: database)
                ?? AuditChainHead(chain: AuditChainHead.mainChain, sequence: 0, hash: AuditChain.genesisHash)
            let pending = try await AuditEntry.query(on: database)
                .filter(\.$sequence == nil)
                .sort(\.$occurredAt).sort(\.$id)
                .limit(batchSize)
                .all()
            guard !pending.isEmpty else { return 0 }
            var sequence = head.sequence
            var hash = head.hash
            for entry in pending {
                sequence += 1
                hash = AuditChain.hash(previous: hash, facts: entry.facts)
                entry.sequence = sequence
                entry.sealHash = hash
                try await entry.update(on: database)
            }
            head.sequence = sequence
            head.hash = hash
            try await head.save(on: database)
            return pending.count
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
