import Fluent
import Foundation
import SQLKit
import TreDomain

/// The figures of a sensitive indicator hidden from readers who do not own the unit, read from the stored
/// facts and decided by `FigureSuppression` one level at a time (decision 008): first the nation and its
/// provinces, then, for a province or a commune, the province and its communes. Every view (page, chart,
/// trend, breakdown, export, API) asks this same question, so the same figure is hidden in all of them.
enum IndicatorSuppressionQueries {
    private static let sumOfValues = SQLRaw("CAST(SUM(value) AS BIGINT)")

    /// The hidden figures of `definition` around `unit` for the given years: the units' own figures
    /// and, with `by`, that breakdown's categories. Empty for an indicator that is not sensitive.
    static func hidden(
        _ definition: IndicatorDefinition, unit: Jurisdiction, years: [Int], by breakdown: Disaggregation?,
        on database: any Database
    ) async throws -> Set<FigureKey> {
        guard definition.sensitive else { return [] }
        let measures = [definition.numerator] + (definition.denominator.map { [$0] } ?? [])
        let province = definition.numerator.isProvincial ? nil : unit.provinceCode
        var hidden = Set<FigureKey>()
        for year in Set(years).sorted() {
            let top = try await level(measures, year: year, province: nil, dimension: nil, on: database)
            let provinces = children(of: .nation, top)
            let topTotals = FigureSuppression.hidden(
                year: year, parent: .nation, children: provinces, counts: top)
            hidden.formUnion(topTotals)
            var communeTotals = Set<FigureKey>()
            var communes: [Jurisdiction] = []
            if let province {
                let parent = Jurisdiction.province(provinceCode: province)
                let low = try await level(measures, year: year, province: province, dimension: nil, on: database)
                communes = children(of: parent, low)
                communeTotals = FigureSuppression.hidden(
                    year: year, parent: parent, children: communes, counts: low,
                    decided: FigureSuppression.decisions(keys(parent, year), hidden: topTotals))
                hidden.formUnion(communeTotals)
            }
            guard let breakdown else { continue }
            let topSplit = try await level(measures, year: year, province: nil, dimension: breakdown, on: database)
            let topCategories = Set(topSplit.keys.compactMap(\.category)).sorted()
            let topSliced = FigureSuppression.hidden(
                year: year, parent: .nation, children: provinces, categories: topCategories,
                counts: topSplit.merging(top) { first, _ in first },
                decided: FigureSuppression.decisions(
                    ([.nation] + provinces).flatMap { keys($0, year) }, hidden: topTotals))
            hidden.formUnion(topSliced)
            guard let province else { continue }
            let parent = Jurisdiction.province(provinceCode: province)
            let low = try await level(measures, year: year, province: province, dimension: breakdown, on: database)
            let lowTotals = try await level(measures, year: year, province: province, dimension: nil, on: database)
            let categories = Set(low.keys.compactMap(\.category)).union(topCategories).sorted()
            let decided = FigureSuppression.decisions(
                categories.flatMap { category in keys(parent, year).map { FigureKey($0.unit, $0.period, category) } },
                hidden: topSliced
            ).merging(
                FigureSuppression.decisions(
                    ([parent] + communes).flatMap { keys($0, year) }, hidden: topTotals.union(communeTotals))
            ) { first, _ in first }
            hidden.formUnion(
                FigureSuppression.hidden(
                    year: year, parent: parent, children: communes, categories: categories,
                    counts: low.merging(lowTotals) { first, _ in first }, decided: decided))
        }
        return hidden
    }

    /// Each sensitive indicator's hidden figures (by code), as the overview lists them: the same as on
    /// each indicator's own page.
    static func hidden(
        _ definitions: [IndicatorDefinition], unit: Jurisdiction, years: [Int], on database: any Database
    ) async throws -> [String: Set<FigureKey>] {
        var result: [String: Set<FigureKey>] = [:]
        for definition in definitions where definition.sensitive {
            result[definition.code] = try await hidden(definition, unit: unit, years: years, by: nil, on: database)
        }
        return result
    }

    private static func keys(_ unit: Jurisdiction, _ year: Int) -> [FigureKey] {
        FigureSuppression.periods(of: year).map { FigureKey(unit, $0) }
    }

    /// The units one level below `parent` that have any figure, in code order.
    private static func children(of parent: Jurisdiction, _ counts: [FigureKey: [Int]]) -> [Jurisdiction] {
        Set(counts.keys.map(\.unit)).filter { $0 != parent && parent.contains($0) }.sorted {
            ($0.provinceCode ?? 0, $0.communeCode ?? 0) < ($1.provinceCode ?? 0, $1.communeCode ?? 0)
        }
    }

    /// The counts of a level for every period of a year: provinces and the nation (their sum) when
    /// `province` is nil, else that province's communes and the province (their sum). Each figure's counts
    /// are the numerator, then the denominator.
    private static func level(
        _ measures: [IndicatorMeasure], year: Int, province: Int?, dimension: Disaggregation?,
        on database: any Database
    ) async throws -> [FigureKey: [Int]] {
        let sql = try database.sql()
        let unitColumn = province == nil ? "province_code" : "commune_code"
        let select = sql.select().column("measure").column(unitColumn, as: "unit").column("period")
            .column("category").column(Self.sumOfValues, as: "total")
            .from(IndicatorFactsTable.name)
            .where("measure", .in, measures.map(\.rawValue))
            .where("period", .in, FigureSuppression.periods(of: year).map(\.description))
            .where("dimension", .equal, dimension?.rawValue ?? "")
        if let province { select.where("province_code", .equal, province) }
        let periods = Dictionary(
            FigureSuppression.periods(of: year).map { ($0.description, $0) }, uniquingKeysWith: { first, _ in first })
        let parent: Jurisdiction = province.map { .province(provinceCode: $0) } ?? .nation
        var counts: [FigureKey: [Int]] = [:]
        func add(_ key: FigureKey, _ position: Int, _ value: Int) {
            var row = counts[key] ?? Array(repeating: 0, count: measures.count)
            row[position] += value
            counts[key] = row
        }
        for row in try await select.groupBy("measure").groupBy(unitColumn).groupBy("period").groupBy("category").all() {
            guard let measure = IndicatorMeasure(rawValue: try row.decode(column: "measure", as: String.self)),
                let position = measures.firstIndex(of: measure),
                let period = periods[try row.decode(column: "period", as: String.self)]
            else { continue }
            let code = try row.decode(column: "unit", as: Int.self)
            let unit: Jurisdiction =
                province.map { .commune(provinceCode: $0, communeCode: code) } ?? .province(provinceCode: code)
            let category = dimension == nil ? nil : try row.decode(column: "category", as: String.self)
            let value = try row.decode(column: "total", as: Int.self)
            add(FigureKey(unit, period, category), position, value)
            add(FigureKey(parent, period, category), position, value)
        }
        return counts
    }
}
