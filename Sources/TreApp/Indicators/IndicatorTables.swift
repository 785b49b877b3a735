import Fluent
import Foundation
import TreDomain
import Vapor

/// One indicator for one unit and period, as every page, export and API answer shows it: the unit's
/// figure against its target, one row per unit a level down, a breakdown and a trend.
struct IndicatorTable: Sendable {
    struct Row: Sendable {
        var unitCode: String
        var name: String
        var reading: IndicatorReading
        /// Where the row drills down to, when the reader may go there.
        var drillable: Bool
    }

    var definition: IndicatorDefinition
    var unit: Jurisdiction
    var unitName: String
    var period: IndicatorPeriod
    var total: IndicatorReading
    var target: Double?
    var subUnits: [Row]
    var breakdown: Disaggregation?
    var categories: [Row]
    var trend: [Row]
}

enum IndicatorTables {
    static let suppression = SmallCountSuppression()

    static func build(
        _ definition: IndicatorDefinition, unit: Jurisdiction, period: IndicatorPeriod, by breakdown: Disaggregation?,
        viewer: Principal, language: Language, on database: any Database
    ) async throws -> IndicatorTable {
        let measures = Set([definition.numerator] + (definition.denominator.map { [$0] } ?? []))
        let trendPeriods = trend(of: period)
        let totals = try await IndicatorQueries.totals(
            measures, periods: trendPeriods.map(\.description), unit: unit, on: database)
        func reading(_ numerator: Int, _ denominator: Int?, owns: Bool, force: Bool = false) -> IndicatorReading {
            IndicatorReading(
                definition, numerator: numerator, denominator: denominator, viewerOwnsUnit: owns,
                suppression: suppression, forceSuppressed: force)
        }
        let ownsUnit = viewer.jurisdiction.level == .commune && viewer.jurisdiction == unit
        let breakdown = breakdown.flatMap { definition.disaggregations.contains($0) ? $0 : nil }
        // The owning commune sees its own figures whole; everyone else sees what decision 008 leaves.
        var hidden = Set<FigureKey>()
        if !ownsUnit {
            hidden = try await IndicatorSuppressionQueries.hidden(
                definition, unit: unit, years: trendPeriods.map(\.year) + [period.year], by: breakdown, on: database)
        }
        func totalReading(_ period: IndicatorPeriod) -> IndicatorReading {
            let key = period.description
            return reading(
                totals[definition.numerator]?[key] ?? 0, definition.denominator.map { totals[$0]?[key] ?? 0 },
                owns: ownsUnit, force: hidden.contains(FigureKey(unit, period)))
        }

        // One level down: provinces of the nation, communes of a province.
        var subUnits: [IndicatorTable.Row] = []
        // Hotline contacts are placed in a province only: no commune rows for them.
        if unit.level == .nation || (unit.level == .province && !definition.numerator.isProvincial) {
            let numerators = try await IndicatorQueries.bySubUnit(
                definition.numerator, period: period.description, unit: unit, on: database)
            let denominators = try await definition.denominator.asyncMap {
                try await IndicatorQueries.bySubUnit($0, period: period.description, unit: unit, on: database)
            }
            let places = try await subUnitNames(of: unit, on: database)
            subUnits = places.map { place in
                IndicatorTable.Row(
                    unitCode: IndicatorUnit.code(place.unit), name: place.name,
                    reading: reading(
                        numerators[place.code] ?? 0, denominators.map { $0[place.code] ?? 0 },
                        owns: viewer.jurisdiction == place.unit,
                        force: hidden.contains(FigureKey(place.unit, period))),
                    drillable: viewer.jurisdiction.contains(place.unit))
            }
        }

        var categories: [IndicatorTable.Row] = []
        if let breakdown {
            let numerators = try await IndicatorQueries.byCategory(
                definition.numerator, period: period.description, dimension: breakdown, unit: unit, on: database)
            let denominators = try await definition.denominator.asyncMap {
                try await IndicatorQueries.byCategory(
                    $0, period: period.description, dimension: breakdown, unit: unit, on: database)
            }
            let keys = Set(numerators.keys).union(denominators?.keys ?? [:].keys).sorted()
            categories = keys.map { key in
                IndicatorTable.Row(
                    unitCode: key, name: categoryLabel(breakdown, key, language: language),
                    reading: reading(
                        numerators[key] ?? 0, denominators.map { $0[key] ?? 0 }, owns: ownsUnit,
                        force: hidden.contains(FigureKey(unit, period, key))), drillable: false)
            }
        }

        return IndicatorTable(
            definition: definition, unit: unit, unitName: try await name(of: unit, language: language, on: database),
            period: period, total: totalReading(period),
            target: try await IndicatorQueries.target(definition.code, unit: unit, year: period.year, on: database),
            subUnits: subUnits, breakdown: categories.isEmpty ? nil : breakdown, categories: categories,
            trend: trendPeriods.map {
                IndicatorTable.Row(
                    unitCode: $0.description, name: $0.description, reading: totalReading($0), drillable: false)
            })
    }

    /// The periods a trend line shows: the months, quarters or halves of the year so far, or five years.
    static func trend(of period: IndicatorPeriod) -> [IndicatorPeriod] {
        let today = VietnamDay.containing(Date())
        let candidates: [IndicatorPeriod] =
            switch period.kind {
            case .month: (1...12).map { IndicatorPeriod(kind: .month, year: period.year, index: $0) }
            case .quarter: (1...4).map { IndicatorPeriod(kind: .quarter, year: period.year, index: $0) }
            case .halfYear: (1...2).map { IndicatorPeriod(kind: .halfYear, year: period.year, index: $0) }
            case .year: (period.year - 4...period.year).map { IndicatorPeriod(kind: .year, year: $0) }
            }
        let shown = candidates.filter { $0.start <= today || $0 == period }
        return shown.isEmpty ? [period] : shown
    }

    struct Place {
        var unit: Jurisdiction
        var code: Int
        var name: String
    }

    /// The units one level down, in Vietnamese order of their names.
    static func subUnitNames(of unit: Jurisdiction, on database: any Database) async throws -> [Place] {
        switch unit {
        case .nation:
            return inVietnameseOrder(
                try await Province.query(on: database).filter(\.$validTo == nil).all().map {
                    Place(unit: .province(provinceCode: $0.code), code: $0.code, name: $0.name)
                })
        case .province(let code):
            return inVietnameseOrder(
                try await UnitQueries.communesInForce(provinceCode: code, on: database).map {
                    Place(unit: .commune(provinceCode: code, communeCode: $0.code), code: $0.code, name: $0.name)
                })
        case .commune:
            return []
        }
    }

    /// Each name's collation key is computed once, not at every comparison.
    private static func inVietnameseOrder(_ places: [Place]) -> [Place] {
        places.map { (VietnameseCollation.sortKey($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func name(of unit: Jurisdiction, language: Language, on database: any Database) async throws -> String {
        switch unit {
        case .nation: return UIStrings.text("nation", language)
        case .province(let code):
            return try await Province.query(on: database).filter(\.$code == code).first()?.name ?? String(code)
        case .commune(_, let code):
            return try await UnitQueries.commune(code: code, on: database)?.name ?? String(code)
        }
    }

    static func categoryLabel(_ dimension: Disaggregation, _ key: String, language: Language) -> String {
        switch dimension {
        case .sex:
            return key == "male"
                ? (language == .vi ? "Nam" : "Male") : key == "female" ? (language == .vi ? "Nữ" : "Female") : key
        case .ageGroup: return key + (language == .vi ? " tuổi" : " years")
        case .ethnicity: return EthnicGroup.name(of: key) ?? key
        case .circumstanceGroup: return (language == .vi ? "Nhóm " : "Group ") + key
        case .abuseForm: return AbuseForm(rawValue: key)?.label(language) ?? key
        case .channel:
            return ReportChannel(rawValue: key)?.label(language) ?? ContactChannel(rawValue: key)?.label(language)
                ?? key
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
