import Foundation
import Testing

@testable import TreDomain

@Suite struct AuditChainTests {
    private func facts(_ index: Int) -> AuditFacts {
        AuditFacts(
            entryID: "entry-\(index)", occurredAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)),
            actorUsername: "xa4", action: "child.updated", recordType: "child", recordID: "\(index)", provinceCode: 1,
            communeCode: 4, sourceAddress: "127.0.0.1", details: "fields=address")
    }

    /// Seals `count` entries the way the sealer does.
    private func sealed(_ count: Int) -> [(sequence: Int, hash: String, facts: AuditFacts)] {
        var previous = AuditChain.genesisHash
        return (1...count).map { index in
            previous = AuditChain.hash(previous: previous, facts: facts(index))
            return (index, previous, facts(index))
        }
    }

    private func verify(_ chain: [(sequence: Int, hash: String, facts: AuditFacts)], head: (Int, String))
        -> AuditChainBreak?
    {
        var verifier = AuditChainVerifier()
        for entry in chain { verifier.check(sequence: entry.sequence, sealedHash: entry.hash, facts: entry.facts) }
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

    @Test func aRemovedEntryLeavesAGap() {
        var chain = sealed(5)
        chain.remove(at: 1)
        #expect(verify(chain, head: (5, chain[3].hash)) == .missing(after: 1, next: 3))
    }

    @Test func removingTheNewestEntriesIsCaughtByTheHead() {
        let chain = sealed(5)
        #expect(verify(Array(chain.prefix(3)), head: (5, chain[4].hash)) == .truncated(lastFound: 3, head: 5))
    }

    @Test func aFieldSeparatorInAValueCannotForgeAnotherEntry() {
        var first = facts(1)
        first.recordID = "a\u{1F}b"
        var second = facts(1)
        second.recordID = "a"
        second.provinceCode = nil
        #expect(AuditChain.hash(previous: "", facts: first) != AuditChain.hash(previous: "", facts: second))
    }
}
