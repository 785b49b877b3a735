import Foundation

/// How an indicator turns its numerator and denominator into the figure people read.
public enum IndicatorFactor: String, CaseIterable, Codable, Sendable {
    /// The numerator itself (number of children, of cases).
    case count
    /// 100 × numerator / denominator.
    case percent
    /// 100,000 × numerator / denominator (injuries per 100,000 children).
    case per100k = "per_100k"
}

/// One indicator's figure for one unit and period, with what it was made of.
public struct IndicatorValue: Equatable, Sendable {
    public var numerator: Int
    /// Nil for a count.
    public var denominator: Int?
    public var factor: IndicatorFactor

    public init(numerator: Int, denominator: Int?, factor: IndicatorFactor) {
        self.numerator = numerator
        self.denominator = denominator
        self.factor = factor
    }

    /// The figure, or nil when there is no data (a share of nothing is not zero, and never NaN).
    public var value: Double? {
        switch factor {
        case .count: Double(numerator)
        case .percent: denominator.flatMap { $0 > 0 ? 100 * Double(numerator) / Double($0) : nil }
        case .per100k: denominator.flatMap { $0 > 0 ? 100_000 * Double(numerator) / Double($0) : nil }
        }
    }

    /// A higher level's figure: the sum of its units' numerators over the sum of their denominators,
    /// never an average of their percentages.
    public static func combining(_ parts: [IndicatorValue], factor: IndicatorFactor) -> IndicatorValue {
        let denominators = parts.compactMap(\.denominator)
        return IndicatorValue(
            numerator: parts.reduce(0) { $0 + $1.numerator },
            denominator: factor == .count ? nil : denominators.reduce(0, +), factor: factor)
    }
}

/// Small counts of sensitive indicators are hidden outside the commune that owns the records, so that a
/// figure cannot point at a child: "<5" instead of 1, 2, 3 or 4 (zero is shown: it reveals nobody).
public struct SmallCountSuppression: Sendable {
    public var threshold: Int

    public init(threshold: Int = 5) {
        self.threshold = threshold
    }

    public func hides(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// The text to show for a count: the number, or "<5".
    public func display(_ count: Int, sensitive: Bool, viewerOwnsUnit: Bool) -> String {
        guard sensitive, !viewerOwnsUnit, hides(count) else { return String(count) }
        return "<\(threshold)"
    }
}

extension SmallCountSuppression {
    /// Which of several counts that add up to a shown total must be hidden (by index): the small ones,
    /// and when only one would be, the next smallest too, or the total minus the others gives it away.
    public func hidden(in counts: [Int]) -> Set<Int> {
        var hidden = Set(counts.indices.filter { hides(counts[$0]) })
        if hidden.count == 1,
            let next = counts.indices.filter({ !hidden.contains($0) && counts[$0] > 0 }).min(by: {
                counts[$0] < counts[$1]
            })
        {
            hidden.insert(next)
        }
        return hidden
    }
}
