import Foundation

/// Phúc tra (Decision 3978/QĐ-BYT): a provincial officer re-checks a random sample of one commune's records
/// at the households. The draw is random but reproducible: the same seed over the same records gives the
/// same sample, so anyone can redo it and see that nobody chose which records were checked.
public enum RecheckSample {
    /// The sizes an officer may ask for: a sample too small says nothing, one too large is not a sample.
    public static let sizes = 5...100
    public static let defaultSize = 20

    /// The sample: the candidates are first put in the order of their ids' text (so the order a database
    /// returns them in does not matter), then shuffled by a partial Fisher–Yates driven by SplitMix64 from
    /// `seed`, and the first `size` taken. Asking for more than there are gives them all.
    public static func draw(candidates: [UUID], size: Int, seed: UInt64) -> [UUID] {
        var pool = Array(Set(candidates)).sorted { $0.uuidString < $1.uuidString }
        let count = min(max(size, 0), pool.count)
        var generator = SplitMix64(seed: seed)
        for index in 0..<count {
            let pick = index + generator.below(pool.count - index)
            pool.swapAt(index, pick)
        }
        return Array(pool.prefix(count))
    }

    /// The size asked for in a form: blank is the default; bounded by `sizes`.
    public static func size(_ text: String) -> Result<Int, FieldError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .success(defaultSize) }
        guard trimmed.count <= 6, let size = Int(trimmed), sizes.contains(size) else {
            return .failure(
                FieldError(
                    field: "size", code: "invalid_sample_size",
                    message: LocalizedText(
                        vi: "Cỡ mẫu phải là số từ \(sizes.lowerBound) đến \(sizes.upperBound).",
                        en: "The sample size must be a number from \(sizes.lowerBound) to \(sizes.upperBound).")))
        }
        return .success(size)
    }

    /// A seed as it is stored and shown: sixteen hexadecimal digits.
    public static func text(of seed: UInt64) -> String {
        let digits = String(seed, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    public static func seed(from text: String) -> UInt64? {
        guard text.count == 16 else { return nil }
        return UInt64(text, radix: 16)
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose output depends only on its seed, on
/// every platform and Swift version — which `SystemRandomNumberGenerator` and `Int.random(in:using:)` do
/// not promise.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound, without the bias of a plain remainder (draws in the uneven top are redrawn).
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }
}
