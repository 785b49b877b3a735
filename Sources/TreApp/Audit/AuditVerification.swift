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
        /// Unsealed rows that cannot even be read as audit entries: not written by Tre either.
        var unreadable = 0
        /// Lines of the checkpoint file that are not correctly signed checkpoints.
        var badCheckpointLines: [Int] = []
        /// How many checkpoints the chain was held against.
        var checkpoints = 0

        var intact: Bool {
            firstBreak == nil && forged.isEmpty && unreadable == 0 && overdue == 0 && badCheckpointLines.isEmpty
        }

        /// What `tre audit verify` prints: one line, then one per finding.
        var text: String {
            var lines = [
                intact
                    ? "Audit trail intact: \(checked) sealed entries verified"
                        + (checkpoints > 0 ? ", against \(checkpoints) checkpoints." : " (no checkpoints given).")
                    : "Audit trail BROKEN after checking \(checked) entries."
            ]
            if let firstBreak { lines.append("  \(firstBreak)") }
            for id in forged { lines.append("  entry \(id) was not written by Tre (its MAC does not verify): forged") }
            if unreadable > 0 { lines.append("  \(unreadable) rows cannot be read as audit entries: forged") }
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
        guard let sql = database as? any SQLDatabase else {
            return Report(checked: 0, unsealed: 0, overdue: 0, forged: [], firstBreak: nil)
        }
        var checked = 0
        var after = 0
        while verifier.firstBreak == nil {
            let page = try await sql.raw(
                """
                SELECT \(AuditStoredEntry.columns) FROM \(ident: AuditEntry.schema)
                WHERE sequence > \(bind: after) ORDER BY sequence LIMIT \(bind: pageSize)
                """
            ).all()
            if page.isEmpty { break }
            for row in page where verifier.firstBreak == nil {
                guard let entry = AuditStoredEntry.read(row), let sequence = entry.sequence else {
                    verifier.unreadable(sequence: try? row.decode(column: "sequence", as: Int.self))
                    break
                }
                verifier.check(
                    sequence: sequence, sealedHash: entry.sealHash ?? "", facts: entry.facts, mac: entry.entryMac)
                checked += 1
                after = sequence
            }
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
        guard let sql = database as? any SQLDatabase else { return }
        // By offset: a row whose id cannot be read gives no key to continue after.
        var offset = 0
        while true {
            let page = try await sql.raw(
                """
                SELECT \(AuditStoredEntry.columns) FROM \(ident: AuditEntry.schema) WHERE sequence IS NULL
                ORDER BY id LIMIT \(bind: pageSize) OFFSET \(bind: offset)
                """
            ).all()
            if page.isEmpty { return }
            offset += page.count
            for row in page {
                guard let entry = AuditStoredEntry.read(row),
                    AuditChain.isGenuine(entry.facts, mac: entry.entryMac, key: key)
                else {
                    if let id = try? row.decode(column: "id", as: UUID.self) {
                        report.forged.append(id)
                    } else {
                        report.unreadable += 1
                    }
                    continue
                }
                report.unsealed += 1
                if now.timeIntervalSince(entry.occurredAt) > sealingDelay { report.overdue += 1 }
            }
        }
    }
}
