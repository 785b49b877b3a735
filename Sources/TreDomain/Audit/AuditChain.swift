import Crypto
import Foundation

/// What one audit entry says, in the form that is hashed. Dates are hashed to the whole second so
/// that both databases give back exactly what was sealed.
public struct AuditFacts: Equatable, Sendable {
    public var entryID: String
    public var occurredAt: Date
    public var actorUsername: String
    public var action: String
    public var recordType: String
    public var recordID: String?
    public var provinceCode: Int?
    public var communeCode: Int?
    public var sourceAddress: String?
    public var details: String

    public init(
        entryID: String, occurredAt: Date, actorUsername: String, action: String, recordType: String,
        recordID: String?, provinceCode: Int?, communeCode: Int?, sourceAddress: String?, details: String
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
    }

    /// Fields joined by the ASCII unit separator, which is removed from the values first so that no
    /// two different entries can produce the same text.
    var canonicalText: String {
        let fields: [String] = [
            entryID, String(Int(occurredAt.timeIntervalSince1970.rounded(.down))), actorUsername, action, recordType,
            recordID ?? "", provinceCode.map(String.init) ?? "", communeCode.map(String.init) ?? "",
            sourceAddress ?? "", details,
        ]
        return fields.map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }.joined(separator: "\u{1F}")
    }
}

/// The hash chain over sealed audit entries: each seal hashes the previous seal with the entry's facts,
/// so an edited entry changes its hash and a removed one leaves a gap in the sequence.
public enum AuditChain {
    public static let genesisHash = String(repeating: "0", count: 64)

    public static func hash(previous: String, facts: AuditFacts) -> String {
        let digest = SHA256.hash(data: Data((previous + "\n" + facts.canonicalText).utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}

/// Where a chain stops holding.
public enum AuditChainBreak: Equatable, Sendable, CustomStringConvertible {
    /// The entry at this sequence number no longer hashes to its seal: it was edited.
    case altered(sequence: Int)
    /// Sequence numbers jump: the entries between were deleted.
    case missing(after: Int, next: Int)
    /// The last sealed entries were deleted: the chain ends before its recorded head.
    case truncated(lastFound: Int, head: Int)

    public var description: String {
        switch self {
        case .altered(let sequence): "entry #\(sequence) was altered after it was sealed"
        case .missing(let after, let next): "entries #\(after + 1)…#\(next - 1) are missing (deleted)"
        case .truncated(let lastFound, let head): "entries #\(lastFound + 1)…#\(head) are missing at the end (deleted)"
        }
    }
}

/// Checks sealed entries one at a time, in sequence order, so a large trail is verified page by page.
public struct AuditChainVerifier: Sendable {
    public private(set) var lastSequence = 0
    public private(set) var lastHash = AuditChain.genesisHash
    public private(set) var firstBreak: AuditChainBreak?

    public init() {}

    public mutating func check(sequence: Int, sealedHash: String, facts: AuditFacts) {
        guard firstBreak == nil else { return }
        if sequence != lastSequence + 1 {
            firstBreak = .missing(after: lastSequence, next: sequence)
            return
        }
        let expected = AuditChain.hash(previous: lastHash, facts: facts)
        if expected != sealedHash {
            firstBreak = .altered(sequence: sequence)
            return
        }
        lastSequence = sequence
        lastHash = sealedHash
    }

    /// Compares the end of the chain with the head recorded at sealing time.
    public mutating func finish(headSequence: Int, headHash: String) {
        guard firstBreak == nil else { return }
        if lastSequence < headSequence {
            firstBreak = .truncated(lastFound: lastSequence, head: headSequence)
        } else if lastSequence == headSequence, lastHash != headHash, headSequence > 0 {
            firstBreak = .altered(sequence: headSequence)
        }
    }
}
