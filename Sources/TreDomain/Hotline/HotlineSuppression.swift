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
        hiddenCells(whole: HotlineSnapshot(nation: nation, provinces: provinces), suppression: suppression).whole
    }

    /// A period and the periods it is made of (a year and its quarters, a quarter and its months, a month
    /// and its days), decided together, so that the whole minus the parts shown gives no hidden part away.
    /// `decided` is the whole's answer from the level above (its own whole and parts); nil for a year.
    /// Contacts are events: a period's figures are the sum of its parts'.
    public static func hiddenCells(
        whole: HotlineSnapshot, decided: Set<PlacedHotlineCell>? = nil, parts: [HotlineSnapshot] = [],
        suppression: ComplementarySuppression = ComplementarySuppression()
    ) -> (whole: Set<PlacedHotlineCell>, parts: [Set<PlacedHotlineCell>]) {
        var problem = SuppressionProblem<TimedHotlineCell>()
        let snapshots = [whole] + parts
        for (period, snapshot) in snapshots.enumerated() {
            snapshot.name(in: &problem, period: period, fixed: period == 0 ? decided : nil)
        }
        for (period, snapshot) in snapshots.enumerated() { snapshot.group(in: &problem, period: period) }
        for place in whole.places {
            for cell in whole.statistics(at: place)?.cells ?? [] where !parts.isEmpty {
                problem.group(
                    TimedHotlineCell(0, PlacedHotlineCell(place, cell)),
                    parts.indices.map { TimedHotlineCell($0 + 1, PlacedHotlineCell(place, cell)) })
            }
        }
        let hidden = problem.hidden(suppression)
        func at(_ period: Int) -> Set<PlacedHotlineCell> {
            Set(hidden.filter { $0.period == period }.map(\.placed))
        }
        return (at(0), parts.indices.map { at($0 + 1) })
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

    func name(in problem: inout SuppressionProblem<PlacedHotlineCell>, at place: Int?) {
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

    func group(in problem: inout SuppressionProblem<PlacedHotlineCell>, at place: Int?) {
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

/// The hotline's figures of one period: the country's and each province's (contacts placed in no
/// province under 0, which no page shows but which count in the country's).
public struct HotlineSnapshot: Sendable {
    public var nation: HotlineStatistics
    public var provinces: [Int: HotlineStatistics]

    public init(nation: HotlineStatistics, provinces: [Int: HotlineStatistics]) {
        self.nation = nation
        self.provinces = provinces
    }

    /// The country (nil), then the provinces in code order.
    var places: [Int?] { [nil] + provinces.keys.sorted().map { Optional($0) } }

    func statistics(at place: Int?) -> HotlineStatistics? { place.map { provinces[$0] } ?? nation }

    func name(in problem: inout SuppressionProblem<TimedHotlineCell>, period: Int, fixed: Set<PlacedHotlineCell>?) {
        var placed = SuppressionProblem<PlacedHotlineCell>()
        for place in places { statistics(at: place)?.name(in: &placed, at: place) }
        for (key, counts) in placed.named {
            let timed = TimedHotlineCell(period, key)
            if let fixed {
                problem.fix(timed, counts: counts, hidden: fixed.contains(key))
            } else {
                problem.cell(timed, counts)
            }
        }
    }

    func group(in problem: inout SuppressionProblem<TimedHotlineCell>, period: Int) {
        var placed = SuppressionProblem<PlacedHotlineCell>()
        for place in places { statistics(at: place)?.group(in: &placed, at: place) }
        for cell in nation.cells {
            placed.group(PlacedHotlineCell(nil, cell), provinces.keys.sorted().map { PlacedHotlineCell($0, cell) })
        }
        for (total, members) in placed.namedGroups {
            problem.group(TimedHotlineCell(period, total), members.map { TimedHotlineCell(period, $0) })
        }
    }
}

/// A placed hotline figure of the n-th period of a decision (0: the whole).
struct TimedHotlineCell: Hashable, Sendable {
    var period: Int
    var placed: PlacedHotlineCell

    init(_ period: Int, _ placed: PlacedHotlineCell) {
        self.period = period
        self.placed = placed
    }
}
