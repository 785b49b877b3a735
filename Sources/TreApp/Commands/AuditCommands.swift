import Fluent
import Foundation
import TreDomain

extension TreCommands {
    /// `tre audit verify [--checkpoints FILE]`: reads the trail and reports; seals nothing, so that it can
    /// neither chain a forged row nor hide how long entries wait. Without `--checkpoints`, the configured
    /// checkpoint file is used when there is one.
    public static func verifyAudit(_ configuration: TreConfiguration, checkpoints: String? = nil) async throws -> (
        report: String, intact: Bool
    ) {
        try await withApplication(configuration, sealing: false) { app in
            // A file named on the command line must be there; the configured one may not be written yet.
            let path =
                checkpoints
                ?? configuration.auditCheckpointFile.flatMap {
                    FileManager.default.fileExists(atPath: $0) ? $0 : nil
                }
            let report = try await verifyAudit(on: app.db, checkpoints: path)
            return (report.text, report.intact)
        }
    }

    static func verifyAudit(on database: any Database, checkpoints path: String?, now: Date = Date()) async throws
        -> AuditVerification.Report
    {
        var checkpoints: [AuditCheckpoint] = []
        var badLines: [Int] = []
        if let path { (checkpoints, badLines) = try AuditCheckpointFile.read(path) }
        var report = try await AuditVerification.verify(on: database, checkpoints: checkpoints, now: now)
        report.badCheckpointLines = badLines
        report.checkpoints = checkpoints.count
        return report
    }

    /// `tre audit checkpoint [--file FILE]`: appends the chain's head to the checkpoint file.
    public static func checkpointAudit(_ configuration: TreConfiguration, file: String?) async throws -> String {
        guard let path = file ?? configuration.auditCheckpointFile else {
            throw CommandFailure("No checkpoint file: give --file or set TRE_AUDIT_CHECKPOINT_FILE.")
        }
        return try await withApplication(configuration, sealing: false) { app in
            "Appended to \(path):\n" + (try await AuditCheckpointFile.append(to: path, on: app.db))
        }
    }
}
