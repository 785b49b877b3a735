import Foundation

/// One published hotline figure: a level's total (`dimension` "total", `key` ""), one of its breakdowns'
/// categories, or an outcome (level "incoming", dimension "outcome").
public struct HotlineCell: Hashable, Sendable {
    public var level: String
    public var dimension: String
    public var key: String

    public init(_ level: String, _ dimension: String, _ key: String = "") {
        self.level = level
        self.dimension = dimension
        self.key = key
    }

    public static func total(_ level: String) -> HotlineCell { HotlineCell(level, "total") }
}

extension HotlineStatistics.Level {
    /// The breakdowns as they are published, each adding up to the total, in a fixed order.
    public var breakdowns: [(dimension: String, counts: [String: Int])] {
        [
            ("channel", byChannel), ("category", byCategory), ("topic", byTopic), ("abuse_form", byAbuseForm),
            ("sex", bySex), ("age_band", byAgeBand),
        ]
    }
}

/// A hotline figure of the whole country (`provinceCode` nil) or of one province.
public struct PlacedHotlineCell: Hashable, Sendable {
    public var provinceCode: Int?
    public var cell: HotlineCell

    public init(_ provinceCode: Int?, _ cell: HotlineCell) {
        self.provinceCode = provinceCode
        self.cell = cell
    }
}

extension HotlineStatistics {
    /// The levels as they are published, with their names in exports and the API.
    public var levels: [(name: String, level: Level)] {
        [("incoming", incoming), ("counselled", counselled), ("intervention", intervention)]
    }

    /// The figures a reader who does not take the calls must not see (decision 008): every count from
    /// 1 to 4, and whatever would let one be worked out by subtraction. Each breakdown of a level adds up
    /// to its total, each topic category to its topics, the outcomes to the incoming contacts, the
    /// counselling outcomes to the counselled contacts and "report opened" to the intervention cases.
    public func hiddenCells(_ suppression: ComplementarySuppression = ComplementarySuppression()) -> Set<HotlineCell> {
        var problem = SuppressionProblem<PlacedHotlineCell>()
        name(in: &problem, at: nil)
        group(in: &problem, at: nil)
        return Set(problem.hidden(suppression).map(\.cell))
    }

    /// The country's figures and each province's at once: besides every table's own sums, each national
    /// figure is the sum of the provinces' same figure, so the country minus the provinces shown gives
    /// no hidden province away. A province's page shows that province's cells of this answer.
    public static func hiddenCells(
        nation: HotlineStatistics, provinces: [Int: HotlineStatistics],
        _ suppression: ComplementarySuppression = ComplementarySuppression()
    ) -> Set<PlacedHotlineCell> {
        var problem = SuppressionProblem<PlacedHotlineCell>()
        let codes = provinces.keys.sorted()
        nation.name(in: &problem, at: nil)
        for code in codes { provinces[code]?.name(in: &problem, at: code) }
        nation.group(in: &problem, at: nil)
        for code in codes { provinces[code]?.group(in: &problem, at: code) }
        for cell in nation.cells {
            problem.group(PlacedHotlineCell(nil, cell), codes.map { PlacedHotlineCell($0, cell) })
        }
        return problem.hidden(suppression)
    }

    /// Every published cell, in a fixed order.
    var cells: [HotlineCell] {
        levels.flatMap { name, level in
            [.total(name)]
                + level.breakdowns.flatMap { dimension, counts in
                    counts.keys.sorted().map { HotlineCell(name, dimension, $0) }
                }
        } + byOutcome.keys.sorted().map { HotlineCell("incoming", "outcome", $0) }
    }

    private func name(in problem: inout SuppressionProblem<PlacedHotlineCell>, at place: Int?) {
        for (name, level) in levels {
            problem.cell(PlacedHotlineCell(place, .total(name)), [level.total])
            for (dimension, counts) in level.breakdowns {
                for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
                    problem.cell(PlacedHotlineCell(place, HotlineCell(name, dimension, key)), [count])
                }
            }
        }
        for (outcome, count) in byOutcome.sorted(by: { $0.key < $1.key }) {
            problem.cell(PlacedHotlineCell(place, HotlineCell("incoming", "outcome", outcome)), [count])
        }
    }

    private func group(in problem: inout SuppressionProblem<PlacedHotlineCell>, at place: Int?) {
        func placed(_ cell: HotlineCell) -> PlacedHotlineCell { PlacedHotlineCell(place, cell) }
        for (name, level) in levels {
            for (dimension, counts) in level.breakdowns {
                problem.group(
                    placed(.total(name)), counts.keys.sorted().map { placed(HotlineCell(name, dimension, $0)) })
            }
            for category in level.byCategory.keys.sorted() {
                let topics = level.byTopic.keys.sorted().filter {
                    category == Level.unknown ? $0 == Level.unknown : $0.hasPrefix(category + ".")
                }
                problem.group(
                    placed(HotlineCell(name, "category", category)),
                    topics.map { placed(HotlineCell(name, "topic", $0)) })
            }
        }
        let outcomes = byOutcome.keys.sorted()
        func outcomeCells(_ include: (ContactOutcome?) -> Bool) -> [PlacedHotlineCell] {
            outcomes.filter { include(ContactOutcome(rawValue: $0)) }.map {
                placed(HotlineCell("incoming", "outcome", $0))
            }
        }
        problem.group(placed(.total("incoming")), outcomeCells { _ in true })
        problem.group(placed(.total("counselled")), outcomeCells { $0?.isCounselling == true })
        problem.group(placed(.total("intervention")), outcomeCells { $0 == .reportOpened })
    }
}
