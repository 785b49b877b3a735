import Foundation
import Testing

@testable import TreDomain

/// The re-check's draw is random but reproducible, and its arithmetic never divides by zero.
@Suite struct RecheckSampleTests {
    static func ids(_ count: Int) -> [UUID] { (0..<count).map { _ in UUID() } }

    @Test func theSameSeedOverTheSameRecordsDrawsTheSameSampleWhateverTheirOrder() {
        let candidates = Self.ids(500)
        let first = RecheckSample.draw(candidates: candidates, size: 20, seed: 0x1234_5678_9ABC_DEF0)
        let again = RecheckSample.draw(candidates: candidates.shuffled(), size: 20, seed: 0x1234_5678_9ABC_DEF0)
        #expect(first.count == 20)
        #expect(first == again, "the database's order must not change the sample")
        #expect(Set(first).count == 20, "no record is drawn twice")
        #expect(Set(first).isSubset(of: Set(candidates)), "nothing outside the candidates")
    }

    @Test func anotherSeedDrawsAnotherSample() {
        let candidates = Self.ids(500)
        let samples = (1...20).map { RecheckSample.draw(candidates: candidates, size: 20, seed: UInt64($0)) }
        #expect(Set(samples.map { Set($0) }).count == 20, "twenty seeds, twenty different samples")
    }

    @Test func aSizeAboveTheRecordsTakesThemAllAndNoneGivesNone() {
        let candidates = Self.ids(7)
        #expect(Set(RecheckSample.draw(candidates: candidates, size: 20, seed: 9)) == Set(candidates))
        #expect(RecheckSample.draw(candidates: [], size: 20, seed: 9).isEmpty)
        #expect(RecheckSample.draw(candidates: candidates, size: -3, seed: 9).isEmpty)
    }

    @Test func theDrawIsFixedForAKnownSeed() {
        // SplitMix64's published first outputs for seed 0: the generator is the algorithm, not the platform's.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        let sorted = (0..<10).map { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", $0))! }
        #expect(
            RecheckSample.draw(candidates: sorted, size: 3, seed: 42)
                == RecheckSample.draw(candidates: sorted.reversed(), size: 3, seed: 42))
    }

    @Test func aSeedIsShownAsSixteenHexDigitsAndReadBack() {
        #expect(RecheckSample.text(of: 0xAB) == "00000000000000ab")
        #expect(RecheckSample.seed(from: RecheckSample.text(of: .max)) == .max)
        #expect(RecheckSample.seed(from: "xyz") == nil)
    }

    @Test func theSizeIsBoundedAndBlankIsTheDefault() {
        #expect((try? RecheckSample.size("").get()) == 20)
        #expect((try? RecheckSample.size(" 5 ").get()) == 5)
        #expect((try? RecheckSample.size("100").get()) == 100)
        for refused in ["4", "101", "-1", "abc", "99999999999999999999"] {
            #expect((try? RecheckSample.size(refused).get()) == nil, "\(refused)")
        }
    }

    @Test func theErrorRateIsDifferingOverCheckedAndNothingCheckedIsNoRate() {
        let none = RecheckTally([])
        #expect(none.errorRate == nil && none.recordShare == nil)
        #expect(RecheckTally.percent(none.errorRate, .vi) == "—")
        let unchecked = RecheckTally([RecheckRecordFindings()])
        #expect(unchecked.fieldsChecked == 0 && unchecked.recordsChecked == 0 && unchecked.errorRate == nil)

        let one = RecheckRecordFindings([
            .fullName: .init(.agrees), .sex: .init(.differs, found: "Nam"), .address: .init(.agrees),
            .ethnicity: .init(.notChecked),
        ])
        let two = RecheckRecordFindings([.fullName: .init(.agrees), .dateOfBirth: .init(.agrees)])
        let tally = RecheckTally([one, two, RecheckRecordFindings()])
        #expect(tally.fieldsChecked == 5 && tally.fieldsDiffering == 1)
        #expect(tally.recordsChecked == 2 && tally.recordsDiffering == 1)
        #expect(tally.errorRate == 0.2 && tally.recordShare == 0.5)
        #expect(RecheckTally.percent(tally.errorRate, .vi) == "20 %")
        #expect(RecheckTally.percent(1.0 / 8, .en) == "12.5%")
        #expect(RecheckTally.percent(1.0 / 8, .vi) == "12,5 %")
    }

    @Test func aFormsFindingsAreOneOfThreeAndBlankIsNotChecked() throws {
        let valid = try RecheckRecordFindings.validate(
            findings: [.sex: "differs", .fullName: "agrees"], notes: [.sex: " Nam "]
        ).get()
        #expect(valid.finding(.sex) == .differs && valid.fields[.sex]?.found == "Nam")
        #expect(valid.finding(.address) == .notChecked)
        let refused = RecheckRecordFindings.validate(findings: [.sex: "maybe"], notes: [:])
        #expect(throws: FieldErrors.self) { try refused.get() }
        let long = RecheckRecordFindings.validate(
            findings: [.address: "differs"], notes: [.address: String(repeating: "a", count: 501)])
        #expect(throws: FieldErrors.self) { try long.get() }
    }
}
