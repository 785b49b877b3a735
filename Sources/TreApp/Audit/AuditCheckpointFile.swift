import Crypto
import Fluent
import Foundation
import TreDomain

/// The file of signed chain heads (`TRE_AUDIT_CHECKPOINT_FILE`), appended to by `tre serve` every few
/// minutes and by `tre audit checkpoint`. It is only worth something kept where whoever can write to
/// the database cannot write: another machine, an append-only share, a printed report.
enum AuditCheckpointFile {
    /// Appends the current head; returns the line written.
    @discardableResult
    static func append(
        to path: String, on database: any Database, key: SymmetricKey = AuditKey.current, now: Date = Date()
    ) async throws -> String {
        let head = try await AuditChainHead.find(AuditChainHead.mainChain, on: database)
        let checkpoint = AuditCheckpoint(
            sequence: head?.sequence ?? 0, hash: head?.hash ?? AuditChain.genesisHash, time: now)
        let line = checkpoint.line(key: key)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CommandFailure("Cannot create the audit checkpoint file \(path).")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CommandFailure("Cannot write to the audit checkpoint file \(path).")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        return line
    }

    static func read(_ path: String, key: SymmetricKey = AuditKey.current) throws -> (
        checkpoints: [AuditCheckpoint], badLines: [Int]
    ) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("Cannot read the audit checkpoint file \(path).")
        }
        return AuditCheckpoint.read(String(decoding: data, as: UTF8.self), key: key)
    }
}
