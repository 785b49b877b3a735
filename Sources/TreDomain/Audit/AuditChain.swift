import Crypto
import Foundation

/// How an entry was written and sealed. Entries sealed before the keyed format keep the formula they
/// were sealed with; everything Tre writes now is `.keyed` (docs/decisions/001-audit-chain.md).
public enum AuditFormat: Int, Sendable {
    /// SHA-256 over the facts with the time to the second and without the actor's id. Only entries
    /// sealed before the upgrade, up to the pinned legacy boundary, may claim it.
    case legacy = 1
    /// Every field, the time in microseconds, a MAC made at insert and a chain hash, both keyed.
    case keyed = 2
}

/// What one audit entry says, in the form that is hashed.
public struct AuditFacts: Equatable, Sendable {
    public var entryID: String
    /// The time the trail shows. Keyed entries hash `occurredMicros` instead, which both databases give
    /// back exactly; the two must agree to the millisecond.
    public var occurredAt: Date
    public var actorUsername: String
    public var action: String
    public var recordType: String
    public var recordID: String?
    public var provinceCode: Int?
    public var communeCode: Int?
    public var sourceAddress: String?
    public var details: String
    public var actorID: String?
    public var occurredMicros: Int64?
    public var format: AuditFormat

    public init(
        entryID: String, occurredAt: Date, actorUsername: String, action: String, recordType: String,
        recordID: String?, provinceCode: Int?, communeCode: Int?, sourceAddress: String?, details: String,
        actorID: String? = nil, occurredMicros: Int64? = nil, format: AuditFormat = .legacy
    ) {
        self.entryID = entryID
        self.occurredAt = occurredAt
        self.actorUsername = actorUsername
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        self.sourceAddress = sourceAddress
        self.details = details
        self.actorID = actorID
        self.occurredMicros = occurredMicros
        self.format = format
    }

    /// The microseconds since 1970 that a keyed entry hashes for `date`.
    public static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// Legacy: fields joined by the ASCII unit separator, which is removed from the values first so that
    /// no two different entries can produce the same text.
    var legacyText: String {
        let fields: [String] = [
            entryID, String(Int(occurredAt.timeIntervalSince1970.rounded(.down))), actorUsername, action, recordType,
            recordID ?? "", provinceCode.map(String.init) ?? "", communeCode.map(String.init) ?? "",
            sourceAddress ?? "", details,
        ]
        return fields.map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }.joined(separator: "\u{1F}")
    }

    /// Keyed: every field prefixed by its length in bytes, absent ones by "-", so that values are kept
    /// exactly and no two different entries (nor an empty and an absent field) produce the same text.
    var keyedText: String {
        let fields: [String?] = [
            entryID, occurredMicros.map(String.init), actorID, actorUsername, action, recordType, recordID,
            provinceCode.map(String.init), communeCode.map(String.init), sourceAddress, details,
        ]
        return "tre-audit-2" + fields.map { $0.map { "\($0.utf8.count):\($0)" } ?? "-" }.joined()
    }

    /// The shown time was not moved away from the hashed one.
    var timesAgree: Bool {
        guard let occurredMicros else { return false }
        return abs(occurredAt.timeIntervalSince1970 - Double(occurredMicros) / 1_000_000) < 0.001
    }
}

/// The hash chain over sealed audit entries: each seal hashes the previous seal with the entry's facts,
/// so an edited entry changes its hash and a removed one leaves a gap in the sequence.
public enum AuditChain {
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The legacy, unkeyed link: anyone could recompute it, which is why it is only accepted up to the
    /// pinned legacy boundary.
    public static func hash(previous: String, facts: AuditFacts) -> String {
        hex(SHA256.hash(data: Data((previous + "\n" + facts.legacyText).utf8)))
    }

    /// The keyed link: without the key nobody can re-seal the chain after deleting from it.
    public static func keyedHash(previous: String, facts: AuditFacts, key: SymmetricKey) -> String {
        mac("chain\n" + previous + "\n" + facts.keyedText, key: key)
    }

    /// The link of an entry in its own format.
    public static func seal(previous: String, facts: AuditFacts, key: SymmetricKey) -> String {
        switch facts.format {
        case .legacy: hash(previous: previous, facts: facts)
        case .keyed: keyedHash(previous: previous, facts: facts, key: key)
        }
    }

    /// Made by `AuditLog.record` at insert: proves that Tre wrote the entry, and wrote it so.
    public static func entryMAC(_ facts: AuditFacts, key: SymmetricKey) -> String {
        mac("entry\n" + facts.keyedText, key: key)
    }

    /// Whether Tre wrote this entry as it reads now: keyed format, a valid MAC, the shown time unmoved.
    public static func isGenuine(_ facts: AuditFacts, mac entryMAC: String?, key: SymmetricKey) -> Bool {
        guard facts.format == .keyed, facts.timesAgree, let entryMAC, let given = bytes(hex: entryMAC) else {
            return false
        }
        return HMAC<SHA256>.isValidAuthenticationCode(
            given, authenticating: Data(("entry\n" + facts.keyedText).utf8), using: key)
    }

    /// Pins the last legacy seal under the key, so that the unkeyed prefix can be neither rewritten nor
    /// extended by someone without the key.
    public static func legacyPin(sequence: Int, hash: String, key: SymmetricKey) -> String {
        mac("legacy-end\n\(sequence)\n\(hash)", key: key)
    }

    /// Tells whether two nodes hold the same key, without showing it.
    public static func keyFingerprint(_ key: SymmetricKey) -> String {
        mac("key-fingerprint", key: key)
    }

    static func mac(_ text: String, key: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            result.append(byte)
        }
        return result
    }
}
