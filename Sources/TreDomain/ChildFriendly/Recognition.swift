import Foundation

/// A criterion's score in an assessment: the points given and whether the criterion is met.
public struct CriterionScore: Codable, Equatable, Sendable {
    public var number: Int
    public var points: Int
    public var met: Bool

    public init(number: Int, points: Int, met: Bool) {
        self.number = number
        self.points = points
        self.met = met
    }
}

/// Why a commune is not (yet) recognised.
public enum RecognitionShortfall: Equatable, Sendable {
    /// The set still has provisional weights; nobody can be recognised against it.
    case unconfirmedWeights([Int])
    case unscored(Int)
    case notMet(Int)
    case zeroScore(Int)
    case pointsAboveMaximum(criterion: Int, maximum: Int)
    case belowThreshold(total: Int, threshold: Int)

    public var message: LocalizedText {
        switch self {
        case .unconfirmedWeights(let numbers):
            let list = numbers.map(String.init).joined(separator: ", ")
            return LocalizedText(
                vi: "Bộ tiêu chí còn điểm chuẩn chưa được xác nhận (tiêu chí \(list)).",
                en: "The criteria set has unconfirmed weights (criteria \(list)).")
        case .unscored(let number):
            return LocalizedText(
                vi: "Tiêu chí \(number) chưa được chấm điểm.", en: "Criterion \(number) is not scored.")
        case .notMet(let number):
            return LocalizedText(vi: "Tiêu chí \(number) chưa đạt.", en: "Criterion \(number) is not met.")
        case .zeroScore(let number):
            return LocalizedText(vi: "Tiêu chí \(number) được 0 điểm.", en: "Criterion \(number) scored zero.")
        case .pointsAboveMaximum(let number, let maximum):
            return LocalizedText(
                vi: "Tiêu chí \(number) tối đa \(maximum) điểm.",
                en: "Criterion \(number) has at most \(maximum) points.")
        case .belowThreshold(let total, let threshold):
            return LocalizedText(
                vi: "Tổng \(total) điểm, dưới mức \(threshold) điểm của loại xã này.",
                en: "\(total) points in all, below this category's \(threshold).")
        }
    }
}

public struct RecognitionResult: Equatable, Sendable {
    public var total: Int
    public var threshold: Int
    public var shortfalls: [RecognitionShortfall]
    public var recognised: Bool { shortfalls.isEmpty }
}

/// "Every criterion met, none scored zero, and the total at least the category's threshold."
public enum RecognitionRule {
    public static func evaluate(
        _ set: CriteriaSet, category: CommuneCategory, scores: [CriterionScore]
    ) -> RecognitionResult {
        var shortfalls: [RecognitionShortfall] = []
        let unconfirmed = set.unconfirmedCriteria
        if !unconfirmed.isEmpty { shortfalls.append(.unconfirmedWeights(unconfirmed)) }
        let byNumber = Dictionary(scores.map { ($0.number, $0) }, uniquingKeysWith: { _, last in last })
        var total = 0
        for criterion in set.criteria {
            guard let score = byNumber[criterion.number] else {
                shortfalls.append(.unscored(criterion.number))
                continue
            }
            if score.points > criterion.maxPoints {
                shortfalls.append(.pointsAboveMaximum(criterion: criterion.number, maximum: criterion.maxPoints))
            }
            total += min(max(score.points, 0), criterion.maxPoints)
            if score.points <= 0 { shortfalls.append(.zeroScore(criterion.number)) }
            if !score.met { shortfalls.append(.notMet(criterion.number)) }
        }
        let threshold = set.thresholds[category] ?? set.maxTotal
        if total < threshold { shortfalls.append(.belowThreshold(total: total, threshold: threshold)) }
        return RecognitionResult(total: total, threshold: threshold, shortfalls: shortfalls)
    }
}
