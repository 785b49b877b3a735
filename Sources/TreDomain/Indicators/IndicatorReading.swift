/// One figure as a reader may see it: the value with what it was made of, or hidden because the
/// count is small enough to point at a child.
public struct IndicatorReading: Equatable, Sendable {
    public var numerator: Int
    public var denominator: Int?
    /// Nil when there is no data (a share of nothing) or the figure is suppressed.
    public var value: Double?
    public var suppressed: Bool
    /// The indicator's records do not exist in Tre yet.
    public var awaitingData: Bool

    public init(
        _ definition: IndicatorDefinition, numerator: Int, denominator: Int?, viewerOwnsUnit: Bool,
        suppression: SmallCountSuppression = SmallCountSuppression(), forceSuppressed: Bool = false
    ) {
        self.numerator = numerator
        self.denominator = denominator
        awaitingData = !definition.isComputed
        let small = suppression.hides(numerator) || (denominator.map(suppression.hides) ?? false)
        suppressed = definition.sensitive && !viewerOwnsUnit && (small || forceSuppressed)
        value =
            suppressed || awaitingData
            ? nil
            : IndicatorValue(numerator: numerator, denominator: denominator, factor: definition.factor).value
    }

    /// The figure as written for the reader: "1.234", "72,5%", "<5", or "no data".
    public func display(_ factor: IndicatorFactor, language: Language, threshold: Int = 5) -> String {
        if awaitingData { return language == .vi ? "chưa có dữ liệu" : "no data yet" }
        if suppressed { return "<\(threshold)" }
        guard let value else { return language == .vi ? "không có số liệu" : "no data" }
        switch factor {
        case .count: return IndicatorNumberFormat.integer(Int(value), language: language)
        case .percent: return IndicatorNumberFormat.decimal(value, language: language) + "%"
        case .per100k: return IndicatorNumberFormat.decimal(value, language: language)
        }
    }

    /// A count shown beside the figure (numerator or denominator), hidden like the figure.
    public func displayCount(_ count: Int?, language: Language, threshold: Int = 5) -> String {
        guard let count, !awaitingData else { return "" }
        return suppressed ? "<\(threshold)" : IndicatorNumberFormat.integer(count, language: language)
    }
}

/// Numbers as each language writes them: 217.570 and 72,5 in Vietnamese; 217,570 and 72.5 in English.
public enum IndicatorNumberFormat {
    public static func integer(_ value: Int, language: Language) -> String {
        let digits = String(value.magnitude)  // abs(Int.min) traps; its magnitude does not
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(language == .vi ? "." : ",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// One decimal place.
    public static func decimal(_ value: Double, language: Language) -> String {
        let tenths = Int((value * 10).rounded())
        return integer(tenths / 10, language: language) + (language == .vi ? "," : ".") + String(abs(tenths % 10))
    }
}
