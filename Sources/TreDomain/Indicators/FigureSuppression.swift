import Foundation

/// One published figure of an indicator: a unit, a period and, in a breakdown, a category.
public struct FigureKey: Hashable, Sendable {
    public var unit: Jurisdiction
    public var period: IndicatorPeriod
    /// Nil for the unit's figure itself.
    public var category: String?

    public init(_ unit: Jurisdiction, _ period: IndicatorPeriod, _ category: String? = nil) {
        self.unit = unit
        self.period = period
        self.category = category
    }
}

/// The figures of one indicator that readers outside the owning commune see hidden, worked out one
/// level of units at a time (decision 008). A level is a unit and the units one level down, over every
/// period of a year and every category of one breakdown, so that neither the year minus its visible
/// quarters, nor the unit minus its visible units, nor the figure minus its visible categories gives a
/// hidden figure away. A level never changes what the level above decided (those cells are fixed), which
/// is what lets the nation's page and a province's page show the same province hidden.
public enum FigureSuppression {
    /// Every period of a year, coarsest first: the year, its halves, quarters and months.
    public static func periods(of year: Int) -> [IndicatorPeriod] {
        [IndicatorPeriod(kind: .year, year: year)]
            + (1...2).map { IndicatorPeriod(kind: .halfYear, year: year, index: $0) }
            + (1...4).map { IndicatorPeriod(kind: .quarter, year: year, index: $0) }
            + (1...12).map { IndicatorPeriod(kind: .month, year: year, index: $0) }
    }

    /// How a year's periods add up: the year of its halves, a half of its quarters, a quarter of its months.
    public static func periodGroups(of year: Int) -> [(IndicatorPeriod, [IndicatorPeriod])] {
        let whole = IndicatorPeriod(kind: .year, year: year)
        let halves = (1...2).map { half in
            (
                IndicatorPeriod(kind: .halfYear, year: year, index: half),
                (1...2).map { IndicatorPeriod(kind: .quarter, year: year, index: (half - 1) * 2 + $0) }
            )
        }
        let quarters = (1...4).map { quarter in
            (
                IndicatorPeriod(kind: .quarter, year: year, index: quarter),
                (1...3).map { IndicatorPeriod(kind: .month, year: year, index: (quarter - 1) * 3 + $0) }
            )
        }
        return [(whole, halves.map(\.0))] + halves + quarters
    }

    /// One level's hidden figures.
    /// - Parameters:
    ///   - counts: each figure's counts (numerator, then denominator for a rate); a figure not given is 0.
    ///   - categories: the breakdown's categories, in a fixed order; empty for the units' own figures.
    ///   - decided: figures whose state was decided before (the parent's, computed at the level above, and
    ///     in a breakdown every unit's own figure); they are kept as they are.
    public static func hidden(
        year: Int, parent: Jurisdiction, children: [Jurisdiction], categories: [String] = [],
        counts: [FigureKey: [Int]], decided: [FigureKey: Bool] = [:],
        suppression: ComplementarySuppression = ComplementarySuppression()
    ) -> Set<FigureKey> {
        var problem = SuppressionProblem<FigureKey>()
        let units = [parent] + children
        let periods = periods(of: year)
        let slices: [String?] = categories.isEmpty ? [nil] : categories
        func name(_ key: FigureKey) {
            if let state = decided[key] {
                problem.fix(key, counts: counts[key] ?? [], hidden: state)
            } else {
                problem.cell(key, counts[key] ?? [])
            }
        }
        for unit in units {
            for period in periods {
                if !categories.isEmpty { name(FigureKey(unit, period)) }
                for slice in slices { name(FigureKey(unit, period, slice)) }
            }
        }
        for slice in slices {
            for unit in units {
                for (whole, parts) in periodGroups(of: year) {
                    problem.group(FigureKey(unit, whole, slice), parts.map { FigureKey(unit, $0, slice) })
                }
            }
            for period in periods where !children.isEmpty {
                problem.group(FigureKey(parent, period, slice), children.map { FigureKey($0, period, slice) })
            }
        }
        if !categories.isEmpty {
            for unit in units {
                for period in periods {
                    problem.group(FigureKey(unit, period), categories.map { FigureKey(unit, period, $0) })
                }
            }
        }
        return problem.hidden(suppression)
    }

    /// The states to pass on as `decided`: every given figure, hidden or shown.
    public static func decisions(_ keys: some Sequence<FigureKey>, hidden: Set<FigureKey>) -> [FigureKey: Bool] {
        Dictionary(keys.map { ($0, hidden.contains($0)) }, uniquingKeysWith: { first, _ in first })
    }
}
