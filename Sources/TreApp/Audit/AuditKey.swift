import Crypto
import Fluent
import Foundation
import TreDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The key of the audit trail's entry MACs, chain and checkpoints, held outside the database.
///
/// One key per process: `AuditLog.record` keeps the signature its hundred callers use, and a Fluent
/// database carries nothing of the application, so `configure` puts the key here. Tests share one
/// fixed key, so that tests running in parallel never see each other's.
enum AuditKey {
    static let testing = SymmetricKey(data: Data("tre-tests-only-audit-key-not-a-secret".utf8))

    private final class Box: @unchecked Sendable {
        let lock = NSLock()
        var key = AuditKey.testing
    }

    private static let box = Box()

    static var current: SymmetricKey { box.lock.withLock { box.key } }

    static func use(_ key: SymmetricKey) { box.lock.withLock { box.key = key } }

    /// `TRE_AUDIT_KEY`, else the data directory's key file, created with mode 0600 on first start.
    static func load(_ configuration: TreConfiguration) throws -> SymmetricKey {
        if let bytes = configuration.auditKey { return SymmetricKey(data: bytes) }
        let path = configuration.auditKeyFile
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            guard let bytes = AuditKeyText.decode(text) else {
                throw CommandFailure(
                    "\(path) does not hold an audit key (64 hexadecimal digits); restore it from backup.")
            }
            if let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int,
                mode & 0o077 != 0
            {
                FileHandle.standardError.write(
                    Data("Warning: \(path) can be read by other accounts; chmod 600 it.\n".utf8))
            }
            return SymmetricKey(data: bytes)
        }
        try FileManager.default.createDirectory(
            atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        // O_EXCL: two commands started together must not each write a key of their own.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let raced = AuditKeyText.decode(text) {
                return SymmetricKey(data: raced)
            }
            throw CommandFailure("Cannot create the audit key file \(path).")
        }
        let text = Array((AuditKeyText.encode(bytes) + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == text.count else { throw CommandFailure("Cannot write the audit key file \(path).") }
        say(
            "Audit key created in \(path) (mode 0600). Back it up apart from the database; other app nodes need it as TRE_AUDIT_KEY."
        )
        return SymmetricKey(data: bytes)
    }
}

/// A keyed fingerprint of the audit key, kept in the database, so that an app node started with another
/// key (each node creating its own `audit.key`) stops at once instead of refusing its peers' entries as
/// forged. It shows nothing of the key.
enum AuditKeyCheck {
    static let chain = "key-check"

    static func ensure(on database: any Database, key: SymmetricKey = AuditKey.current) async throws {
        let fingerprint = AuditChain.keyFingerprint(key)
        if let stored = try await AuditChainHead.find(chain, on: database) {
            guard stored.hash == fingerprint else {
                throw CommandFailure(
                    "The audit key (TRE_AUDIT_KEY or audit.key in the data directory) is not the key this database's audit trail was written with. Every app node must use the same key: set TRE_AUDIT_KEY to it."
                )
            }
            return
        }
        do {
            try await AuditChainHead(chain: chain, sequence: 0, hash: fingerprint).create(on: database)
        } catch {
            // Another node started at the same moment and wrote it first: compare with that.
            guard try await AuditChainHead.find(chain, on: database) != nil else { throw error }
            try await ensure(on: database, key: key)
        }
    }
}
