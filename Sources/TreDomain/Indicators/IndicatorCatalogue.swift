import Foundation

/// One indicator as the catalogue declares it (Circular 13/2021/TT-BLĐTBXH style: code, formula,
/// breakdowns, period).
public struct IndicatorDefinition: Codable, Hashable, Sendable {
    public var code: String
    public var name: LocalizedText
    public var definition: LocalizedText
    public var numerator: IndicatorMeasure
    /// Nil for a count.
    public var denominator: IndicatorMeasure?
    public var factor: IndicatorFactor
    public var disaggregations: [Disaggregation]
    public var periods: [IndicatorPeriod.Kind]
    /// Counts that could point at a child: small ones are hidden outside the owning commune.
    public var sensitive: Bool
    /// Whether a figure above its target is good (supported share) or bad (abused children).
    public var higherIsBetter: Bool
    /// The law or programme the indicator comes from.
    public var source: String

    /// Computed once Tre keeps the records behind both measures; until then shown as "no data yet".
    public var isComputed: Bool { numerator.hasRecords && (denominator?.hasRecords ?? true) }
}

extension IndicatorPeriod.Kind: Codable {}

/// The whole catalogue, read from data and checked before Tre uses it.
public struct IndicatorCatalogue: Sendable {
    public var indicators: [IndicatorDefinition]

    public struct DefinitionError: LocalizedFailure, Equatable {
        public var code = "invalid_indicator_catalogue"
        public var message: LocalizedText
    }

    /// A catalogue with no indicators.
    public init() { indicators = [] }

    public init(json: Data) throws {
        let decoded = try JSONDecoder().decode([IndicatorDefinition].self, from: json)
        try self.init(decoded)
    }

    public init(_ indicators: [IndicatorDefinition]) throws(DefinitionError) {
        var seen = Set<String>()
        for indicator in indicators {
            func refuse(_ vi: String, _ en: String) -> DefinitionError {
                DefinitionError(
                    message: LocalizedText(
                        vi: "Chỉ tiêu \(indicator.code): \(vi)", en: "Indicator \(indicator.code): \(en)"))
            }
            guard seen.insert(indicator.code).inserted else {
                throw refuse("mã bị trùng.", "the code is used twice.")
            }
            guard (indicator.factor == .count) == (indicator.denominator == nil) else {
                throw refuse(
                    "một số đếm không có mẫu số, một tỷ lệ phải có.", "a count has no denominator and a rate needs one."
                )
            }
            let possible = indicator.numerator.disaggregations
            if let unknown = indicator.disaggregations.first(where: { !possible.contains($0) }) {
                throw refuse(
                    "không thể phân tổ theo \(unknown.label.vi).", "cannot be broken down by \(unknown.label.en).")
            }
            if let denominator = indicator.denominator,
                let unknown = indicator.disaggregations.first(where: { !denominator.disaggregations.contains($0) })
            {
                throw refuse(
                    "mẫu số không phân tổ được theo \(unknown.label.vi).",
                    "the denominator cannot be broken down by \(unknown.label.en).")
            }
            guard !indicator.periods.isEmpty else { throw refuse("chưa có kỳ báo cáo.", "no reporting period.") }
        }
        self.indicators = indicators
    }

    public func indicator(_ code: String) -> IndicatorDefinition? {
        indicators.first { $0.code == code }
    }

    /// Every measure some indicator needs.
    public var measures: Set<IndicatorMeasure> {
        Set(indicators.flatMap { [$0.numerator] + ($0.denominator.map { [$0] } ?? []) })
    }
}

/// A target for an indicator, unit and year, and how far a figure is from it.
public struct IndicatorTarget: Equatable, Sendable {
    public var value: Double
    public var higherIsBetter: Bool

    public init(value: Double, higherIsBetter: Bool) {
        self.value = value
        self.higherIsBetter = higherIsBetter
    }

    public func isMet(by figure: Double) -> Bool {
        higherIsBetter ? figure >= value : figure <= value
    }

    /// Share of the way to the target, 0–100, for a progress bar (a figure at or past it is 100).
    public func progress(of figure: Double) -> Int {
        if isMet(by: figure) { return 100 }
        guard higherIsBetter else { return max(0, Int((100 * value / max(figure, 0.000_001)).rounded(.down))) }
        guard value > 0 else { return 100 }
        return max(0, min(100, Int((100 * figure / value).rounded(.down))))
    }

    /// A target typed by a person: a number, with a comma or a point for decimals.
    public static func parse(_ text: String) -> Double? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard let value = Double(cleaned), value.isFinite, value >= 0 else { return nil }
        return value
    }
}
