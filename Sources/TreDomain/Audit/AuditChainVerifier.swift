import Crypto
import Foundation

/// Where a chain stops holding.
public enum AuditChainBreak: Equatable, Sendable, CustomStringConvertible {
    /// The entry at this sequence number no longer hashes to its seal: it was edited.
    case altered(sequence: Int)
    /// Sequence numbers jump: the entries between were deleted.
    case missing(after: Int, next: Int)
    /// The last sealed entries were deleted: the chain ends before its recorded head.
    case truncated(lastFound: Int, head: Int)
    /// An entry claims the old unkeyed format beyond the pinned end of the legacy entries.
    case downgraded(sequence: Int)
    /// A checkpoint kept outside the database names a seal the chain no longer has at that number:
    /// the chain was re-sealed after a deletion or an edit.
    case checkpointDiffers(sequence: Int)
    /// A checkpoint names an entry beyond the end of the chain: the head was moved back.
    case checkpointMissing(sequence: Int, lastFound: Int)

    public var description: String {
        switch self {
        case .altered(let sequence): "entry #\(sequence) was altered after it was sealed"
        case .missing(let after, let next): "entries #\(after + 1)…#\(next - 1) are missing (deleted)"
        case .truncated(let lastFound, let head): "entries #\(lastFound + 1)…#\(head) are missing at the end (deleted)"
        case .downgraded(let sequence):
            "entry #\(sequence) claims the old unkeyed format after the pinned legacy entries (forged)"
        case .checkpointDiffers(let sequence):
            "entry #\(sequence) differs from the checkpoint kept outside the database (the chain was re-sealed)"
        case .checkpointMissing(let sequence, let lastFound):
            "the chain ends at #\(lastFound) but a checkpoint recorded #\(sequence) (entries deleted, head moved back)"
        }
    }
}

/// Checks sealed entries one at a time, in sequence order, so a large trail is verified page by page.
public struct AuditChainVerifier: Sendable {
    /// The last legacy entry's number and `AuditChain.legacyPin` of its seal, when the trail has any.
    public struct LegacyPin: Equatable, Sendable {
        public var sequence: Int
        public var pin: String
        public init(sequence: Int, pin: String) {
            self.sequence = sequence
            self.pin = pin
        }
    }

    public private(set) var lastSequence = 0
    public private(set) var lastHash = AuditChain.genesisHash
    public private(set) var firstBreak: AuditChainBreak?
    private let key: SymmetricKey
    private let legacyPin: LegacyPin?
    private let checkpoints: [Int: String]

    public init(key: SymmetricKey, legacyPin: LegacyPin? = nil, checkpoints: [AuditCheckpoint] = []) {
        self.key = key
        self.legacyPin = legacyPin
        self.checkpoints = Dictionary(
            checkpoints.map { ($0.sequence, $0.hash) }, uniquingKeysWith: { first, _ in first })
    }

    public mutating func check(sequence: Int, sealedHash: String, facts: AuditFacts, mac: String?) {
        guard firstBreak == nil else { return }
        if sequence != lastSequence + 1 {
            firstBreak = .missing(after: lastSequence, next: sequence)
            return
        }
        switch facts.format {
        case .legacy:
            guard let legacyPin, sequence <= legacyPin.sequence else {
                firstBreak = .downgraded(sequence: sequence)
                return
            }
        case .keyed:
            guard AuditChain.isGenuine(facts, mac: mac, key: key) else {
                firstBreak = .altered(sequence: sequence)
                return
            }
        }
        if AuditChain.seal(previous: lastHash, facts: facts, key: key) != sealedHash {
            firstBreak = .altered(sequence: sequence)
            return
        }
        if let legacyPin, sequence == legacyPin.sequence,
            AuditChain.legacyPin(sequence: sequence, hash: sealedHash, key: key) != legacyPin.pin
        {
            firstBreak = .altered(sequence: sequence)
            return
        }
        if let checkpointed = checkpoints[sequence], checkpointed != sealedHash {
            firstBreak = .checkpointDiffers(sequence: sequence)
            return
        }
        lastSequence = sequence
        lastHash = sealedHash
    }

    /// A sealed row that cannot be read as an entry (its number, if that can be read).
    public mutating func unreadable(sequence: Int?) {
        guard firstBreak == nil else { return }
        firstBreak = .altered(sequence: sequence ?? lastSequence + 1)
    }

    /// Compares the end of the chain with the head recorded at sealing time and with the checkpoints.
    public mutating func finish(headSequence: Int, headHash: String) {
        guard firstBreak == nil else { return }
        if lastSequence < headSequence {
            firstBreak = .truncated(lastFound: lastSequence, head: headSequence)
        } else if lastSequence == headSequence, lastHash != headHash, headSequence > 0 {
            firstBreak = .altered(sequence: headSequence)
        } else if let beyond = checkpoints.keys.filter({ $0 > lastSequence }).max() {
            firstBreak = .checkpointMissing(sequence: beyond, lastFound: lastSequence)
        } else if let legacyPin, lastSequence < legacyPin.sequence {
            firstBreak = .checkpointMissing(sequence: legacyPin.sequence, lastFound: lastSequence)
        }
    }
}
