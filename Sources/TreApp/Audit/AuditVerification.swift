import Crypto
import Fluent
import Foundation
import SQLKit
import TreDomain

/// Walks the sealed chain page by page and reports the first broken link, and looks at what is not
/// sealed: rows Tre did not write, and entries the sealer should have taken by now. Only reads.
enum AuditVerification {
    /// An entry is sealed about two seconds after it is written while `tre serve` runs.
    static let sealingDelay: TimeInterval = 60

    struct Report: Sendable {
        var checked: Int
        /// Entries Tre wrote that are not sealed yet.
        var unsealed: Int
        /// Of those, the ones written more than a minute ago: the sealer is not running, or failing.
        var overdue: Int
        /// Unsealed rows whose MAC does not verify: not written by Tre (or edited since).
        var forged: [UUID]
        var firstBreak: AuditChainBreak?
        /// Lines of the checkpoint file that are not correctly signed checkpoints.
        var badCheckpointLines: [Int] = []

        var intact: Bool { firstBreak == nil && forged.isEmpty && overdue == 0 && badCheckpointLines.isEmpty }

        /// What `tre audit verify` prints: one line, then one per finding.
        var text: String {
            var lines = [
                intact
                    ? "Audit trail intact: \(checked) sealed entries verified."
                    : "Audit trail BROKEN after checking \(checked) entries."
            ]
            if let firstBreak { lines.append("  \(firstBreak)") }
            for id in forged { lines.append("  entry \(id) was not written by Tre (its MAC does not verify): forged") }
            if overdue > 0 { lines.append("  \(overdue) entries have waited more than a minute to be sealed") }
            for line in badCheckpointLines { lines.append("  checkpoint file line \(line) is not a signed checkpoint") }
            if unsealed > 0 { lines.append("  \(unsealed) entries not sealed yet") }
            return lines.joined(separator: "\n")
        }
    }

    static func verify(
        on database: any Database, key: SymmetricKey = AuditKey.current, checkpoints: [AuditCheckpoint] = [],
        now: Date = Date(), pageSize: Int = 5000
    ) async throws -> Report {
        let pin = try await AuditChainHead.find(AuditChainHead.legacyEnd, on: database).map {
            AuditChainVerifier.LegacyPin(sequence: $0.sequence, pin: $0.hash)
        }
        var verifier = AuditChainVerifier(key: key, legacyPin: pin, checkpoints: checkpoints)
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
                verifier.check(
                    sequence: entry.sequence ?? 0, sealedHash: entry.sealHash ?? "", facts: entry.facts,
                    mac: entry.entryMAC)
                checked += 1
            }
            after = last.sequence ?? after
        }
        let head = try await AuditChainHead.find(AuditChainHead.mainChain, on: database)
        verifier.finish(headSequence: head?.sequence ?? 0, headHash: head?.hash ?? AuditChain.genesisHash)
        var report = Report(checked: checked, unsealed: 0, overdue: 0, forged: [], firstBreak: verifier.firstBreak)
        try await inspectUnsealed(on: database, key: key, now: now, pageSize: pageSize, into: &report)
        return report
    }

    /// Every unsealed row is checked for its MAC, whether or not the sealer has flagged it: a flag is only
    /// a column, which whoever forged the row could clear.
    private static func inspectUnsealed(
        on database: any Database, key: SymmetricKey, now: Date, pageSize: Int, into report: inout Report
    ) async throws {
        var after: UUID?
        while true {
            let query = AuditEntry.query(on: database).filter(\.$sequence == nil).sort(\.$id).limit(pageSize)
            if let after { query.filter(\.$id > after) }
            let page = try await query.all()
            guard let last = page.last else { return }
            for entry in page {
                if AuditChain.isGenuine(entry.facts, mac: entry.entryMAC, key: key) {
                    report.unsealed += 1
                    if now.timeIntervalSince(entry.occurredAt) > sealingDelay { report.overdue += 1 }
                } else if let id = entry.id {
                    report.forged.append(id)
                }
            }
            after = last.id
        }
    }
}
