import Crypto
import Foundation
import Testing

@testable import TreDomain

@Suite struct AuditChainTests {
    private let key = SymmetricKey(data: Data("a key kept outside the database, 32+ bytes".utf8))

    private typealias Sealed = (sequence: Int, hash: String, facts: AuditFacts, mac: String?)

    private func facts(_ index: Int, format: AuditFormat = .keyed) -> AuditFacts {
        let time = Date(timeIntervalSince1970: 1_800_000_000.25 + Double(index))
        return AuditFacts(
            entryID: "entry-\(index)", occurredAt: time, actorUsername: "xa4", action: "child.updated",
            recordType: "child", recordID: "\(index)", provinceCode: 1, communeCode: 4, sourceAddress: "127.0.0.1",
            details: "fields=address", actorID: format == .keyed ? "8A4F0D2E-0000-4000-8000-000000000001" : nil,
            occurredMicros: format == .keyed ? AuditFacts.micros(time) : nil, format: format)
    }

    /// Seals entries the way the sealer does: `legacy` of them in the old format first.
    private func sealed(_ count: Int, legacy: Int = 0, with key: SymmetricKey? = nil) -> [Sealed] {
        let key = key ?? self.key
        var previous = AuditChain.genesisHash
        return (1...count).map { index in
            let facts = facts(index, format: index <= legacy ? .legacy : .keyed)
            previous = AuditChain.seal(previous: previous, facts: facts, key: key)
            let mac = facts.format == .keyed ? AuditChain.entryMAC(facts, key: key) : nil
            return (index, previous, facts, mac)
        }
    }

    private func verify(
        _ chain: [Sealed], head: (Int, String), pin: AuditChainVerifier.LegacyPin? = nil,
        checkpoints: [AuditCheckpoint] = []
    ) -> AuditChainBreak? {
        var verifier = AuditChainVerifier(key: key, legacyPin: pin, checkpoints: checkpoints)
        for entry in chain {
            verifier.check(sequence: entry.sequence, sealedHash: entry.hash, facts: entry.facts, mac: entry.mac)
        }
        verifier.finish(headSequence: head.0, headHash: head.1)
        return verifier.firstBreak
    }

    @Test func anIntactChainVerifies() {
        let chain = sealed(5)
        #expect(verify(chain, head: (5, chain[4].hash)) == nil)
    }

    @Test func anEditedFieldBreaksItsLink() {
        var chain = sealed(5)
        chain[2].facts.details = "fields=name"
        #expect(verify(chain, head: (5, chain[4].hash)) == .altered(sequence: 3))
    }

    @Test func aChangedActorIDBreaksItsLink() {
        var chain = sealed(5)
        chain[2].facts.actorID = "8A4F0D2E-0000-4000-8000-000000000002"
        #expect(verify(chain, head: (5, chain[4].hash)) == .altered(sequence: 3))
    }

    @Test func aTimeMovedByLessThanASecondBreaksItsLink() {
        var shown = sealed(5)
        shown[2].facts.occurredAt += 0.3
        #expect(verify(shown, head: (5, shown[4].hash)) == .altered(sequence: 3))
        var hashed = sealed(5)
        hashed[2].facts.occurredAt += 0.3
        hashed[2].facts.occurredMicros = hashed[2].facts.occurredMicros.map { $0 + 300_000 }
        #expect(verify(hashed, head: (5, hashed[4].hash)) == .altered(sequence: 3))
    }

    @Test func anEntryMadeWithoutTheKeyIsNotGenuine() {
        let forged = facts(9)
        #expect(AuditChain.isGenuine(forged, mac: AuditChain.entryMAC(forged, key: key), key: key))
        let guessed = SymmetricKey(data: Data("someone else's guess at the key....".utf8))
        #expect(!AuditChain.isGenuine(forged, mac: AuditChain.entryMAC(forged, key: guessed), key: key))
        #expect(!AuditChain.isGenuine(forged, mac: nil, key: key))
        #expect(!AuditChain.isGenuine(facts(9, format: .legacy), mac: nil, key: key))
    }

    @Test func aRemovedEntryLeavesAGap() {
        var chain = sealed(5)
        chain.remove(at: 1)
        #expect(verify(chain, head: (5, chain[3].hash)) == .missing(after: 1, next: 3))
    }

    @Test func removingTheNewestEntriesIsCaughtByTheHead() {
        let chain = sealed(5)
        #expect(verify(Array(chain.prefix(3)), head: (5, chain[4].hash)) == .truncated(lastFound: 3, head: 5))
    }

    @Test func aChainResealedWithoutTheKeyAfterADeletionIsCaught() {
        let guessed = SymmetricKey(data: Data("someone else's guess at the key....".utf8))
        let resealed = sealed(4, with: guessed)
        #expect(verify(resealed, head: (4, resealed[3].hash)) == .altered(sequence: 1))
    }

    @Test func aCheckpointCatchesAHeadMovedBackAndAResealWithTheKey() {
        let chain = sealed(5)
        let checkpoint = AuditCheckpoint(sequence: 5, hash: chain[4].hash, time: Date())
        let movedBack = Array(chain.prefix(3))
        #expect(verify(movedBack, head: (3, movedBack[2].hash)) == nil)
        #expect(
            verify(movedBack, head: (3, movedBack[2].hash), checkpoints: [checkpoint])
                == .checkpointMissing(sequence: 5, lastFound: 3))
        // Someone holding the key deletes entry 2 and seals the rest again: a consistent chain of four…
        var previous = AuditChain.genesisHash
        let resealed: [Sealed] = [1, 3, 4, 5, 6].enumerated().map { offset, index in
            previous = AuditChain.seal(previous: previous, facts: facts(index), key: key)
            return (offset + 1, previous, facts(index), AuditChain.entryMAC(facts(index), key: key))
        }
        #expect(verify(resealed, head: (5, previous)) == nil)
        // …which no longer holds the checkpointed seal.
        #expect(verify(resealed, head: (5, previous), checkpoints: [checkpoint]) == .checkpointDiffers(sequence: 5))
    }

    @Test func checkpointLinesAreSignedAndReadBack() {
        let checkpoint = AuditCheckpoint(sequence: 42, hash: sealed(1)[0].hash, time: Date())
        let line = checkpoint.line(key: key)
        let tampered = line.replacingOccurrences(of: "checkpoint 42 ", with: "checkpoint 41 ")
        let read = AuditCheckpoint.read(line + "\n" + tampered + "\n\n", key: key)
        #expect(read.checkpoints == [checkpoint])
        #expect(read.badLines == [2])
    }

    @Test func oldFormatEntriesStillVerifyUpToTheirPin() {
        let chain = sealed(5, legacy: 3)
        let pin = AuditChainVerifier.LegacyPin(
            sequence: 3, pin: AuditChain.legacyPin(sequence: 3, hash: chain[2].hash, key: key))
        #expect(verify(chain, head: (5, chain[4].hash), pin: pin) == nil)
        // Without the pin, or beyond it, nothing may claim the unkeyed format.
        #expect(verify(chain, head: (5, chain[4].hash)) == .downgraded(sequence: 1))
        let allLegacy = sealed(5, legacy: 5)
        #expect(verify(allLegacy, head: (5, allLegacy[4].hash), pin: pin) == .downgraded(sequence: 4))
        // Rewriting the legacy part changes the seal the pin holds.
        var rewritten = sealed(5, legacy: 3)
        rewritten[0].facts.details = "fields=name"
        var previous = AuditChain.genesisHash
        for index in 0..<3 {
            previous = AuditChain.hash(previous: previous, facts: rewritten[index].facts)
            rewritten[index].hash = previous
        }
        #expect(verify(rewritten, head: (5, chain[4].hash), pin: pin) == .altered(sequence: 3))
    }

    @Test func aFieldSeparatorInAValueCannotForgeAnotherEntry() {
        var first = facts(1)
        first.recordID = "a\u{1F}b"
        var second = facts(1)
        second.recordID = "a"
        second.provinceCode = nil
        #expect(
            AuditChain.seal(previous: "", facts: first, key: key)
                != AuditChain.seal(previous: "", facts: second, key: key))
        var empty = facts(1)
        empty.recordID = ""
        var absent = facts(1)
        absent.recordID = nil
        #expect(AuditChain.entryMAC(empty, key: key) != AuditChain.entryMAC(absent, key: key))
    }
}
