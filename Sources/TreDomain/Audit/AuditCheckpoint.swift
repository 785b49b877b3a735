import Crypto
import Foundation

/// The chain's head at one moment, kept outside the database: one signed line of a text file that
/// `tre serve` and `tre audit checkpoint` append to. If the database is later rewritten, the chain no
/// longer holds that (sequence, hash).
public struct AuditCheckpoint: Equatable, Sendable {
    public var sequence: Int
    public var hash: String
    public var time: Date

    public init(sequence: Int, hash: String, time: Date) {
        self.sequence = sequence
        self.hash = hash
        self.time = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
    }

    private var signedText: String {
        "\(sequence) \(hash) \(Int64(time.timeIntervalSince1970))"
    }

    /// `tre-audit-checkpoint SEQUENCE HASH UNIX-SECONDS HMAC  # UTC time`, the HMAC keyed like the chain.
    public func line(key: SymmetricKey) -> String {
        let mac = AuditChain.mac("checkpoint\n" + signedText, key: key)
        return "tre-audit-checkpoint \(signedText) \(mac)  # \(time.formatted(.iso8601))"
    }

    /// The checkpoints of a file, and the numbers of the lines that are not correctly signed ones.
    public static func read(_ text: String, key: SymmetricKey) -> (checkpoints: [AuditCheckpoint], badLines: [Int]) {
        var checkpoints: [AuditCheckpoint] = []
        var badLines: [Int] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if let checkpoint = parse(line, key: key) {
                checkpoints.append(checkpoint)
            } else {
                badLines.append(index + 1)
            }
        }
        return (checkpoints, badLines)
    }

    static func parse(_ line: String, key: SymmetricKey) -> AuditCheckpoint? {
        let signed = line.split(separator: "#", maxSplits: 1).first ?? ""
        let words = signed.split(separator: " ").map(String.init)
        guard words.count == 5, words[0] == "tre-audit-checkpoint", let sequence = Int(words[1]), sequence >= 0,
            let seconds = Int64(words[3])
        else { return nil }
        let checkpoint = AuditCheckpoint(
            sequence: sequence, hash: words[2], time: Date(timeIntervalSince1970: Double(seconds)))
        guard checkpoint.signedText == "\(words[1]) \(words[2]) \(words[3])",
            let given = AuditChain.bytes(hex: words[4]),
            HMAC<SHA256>.isValidAuthenticationCode(
                given, authenticating: Data(("checkpoint\n" + checkpoint.signedText).utf8), using: key)
        else { return nil }
        return checkpoint
    }
}

/// The audit key as it is written in `TRE_AUDIT_KEY` or the key file: 64 hexadecimal digits, or base64
/// of at least 32 bytes.
public enum AuditKeyText {
    public static func decode(_ text: String) -> [UInt8]? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 64, let bytes = AuditChain.bytes(hex: trimmed) { return bytes }
        if let data = Data(base64Encoded: trimmed), data.count >= 32 { return Array(data) }
        return nil
    }

    public static func encode(_ bytes: [UInt8]) -> String { AuditChain.hex(bytes) }
}
