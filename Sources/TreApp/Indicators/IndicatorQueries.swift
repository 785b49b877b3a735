import Fluent
import Foundation
import SQLKit
import TreDomain
import Vapor

/// The shipped catalogue, read and checked once.
enum IndicatorCatalogueFile {
    private static let loaded = Result {
        try IndicatorCatalogue(
            json: try Data(contentsOf: URL(fileURLWithPath: ResourceDirectories.data + "indicators.json")))
    }

    /// Called by `configure`: a catalogue that is not valid stops start-up with the reason, in one line.
    static func check() throws {
        do {
            _ = try loaded.get()
        } catch let failure as IndicatorCatalogue.DefinitionError {
            throw ConfigurationFailure("Resources/Data/indicators.json: \(failure.message.en)")
        } catch {
            throw ConfigurationFailure("Resources/Data/indicators.json is not a valid catalogue: \(error)")
        }
    }

    /// The catalogue; `check()` has already refused to start without a valid one.
    static var shared: IndicatorCatalogue {
        (try? loaded.get()) ?? IndicatorCatalogue()
    }

    static func indicator(_ code: String) throws -> IndicatorDefinition {
        guard let found = shared.indicator(code) else {
            throw TreError(
                status: .notFound, code: "unknown_indicator",
                message: LocalizedText(vi: "Không có chỉ tiêu mã \(code).", en: "There is no indicator \(code)."))
        }
        return found
    }
}

/// A unit on the map as the indicator API names it: `VN`, a province's two-digit code or a commune's
/// five-digit code.
struct ConfigurationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum IndicatorUnit {
    static func code(_ unit: Jurisdiction) -> String {
        switch unit {
        case .nation: "VN"
        case .province(let code): String(format: "%02d", code)
        case .commune(_, let code): String(format: "%05d", code)
        }
    }

    /// The unit asked for (the caller's own jurisdiction when none is), refused outside it.
    static func resolve(_ text: String?, for principal: Principal, on database: any Database) async throws
        -> Jurisdiction
    {
        let own = principal.jurisdiction
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return own }
        let unknown = TreError.invalidInput(
            LocalizedText(
                vi: "Không có đơn vị mã \(text). Viết VN, mã tỉnh 2 chữ số hoặc mã xã 5 chữ số.",
                en: "There is no unit \(text). Write VN, a two-digit province code or a five-digit commune code."))
        let unit: Jurisdiction
        if text.uppercased() == "VN" {
            unit = .nation
        } else if let code = Int(text), text.count <= 2 {
            guard try await Province.query(on: database).filter(\.$code == code).first() != nil else { throw unknown }
            unit = .province(provinceCode: code)
        } else if let code = Int(text), text.count <= 5 {
            guard let commune = try await UnitQueries.commune(code: code, on: database) else { throw unknown }
            unit = .commune(provinceCode: commune.provinceCode, communeCode: code)
        } else {
            throw unknown
        }
        guard own.contains(unit) else {
            throw TreError(
                status: .forbidden, code: "outside_jurisdiction",
                message: LocalizedText(
                    vi: "Đơn vị \(text) nằm ngoài phạm vi của bạn.", en: "Unit \(text) is outside your jurisdiction."))
        }
        return unit
    }

    /// A period from the query, the current year when none is given.
    /// The period a page was asked for, or this year with why the text could not be read.
    static func typedPeriod(_ text: String?) -> (period: IndicatorPeriod, refusal: LocalizedText?) {
        let thisYear = IndicatorPeriod(kind: .year, year: VietnamDay.containing(Date()).year)
        guard let text, !text.isEmpty else { return (thisYear, nil) }
        do {
            return (try IndicatorPeriod(parsing: text), nil)
        } catch {
            return (thisYear, error.message)
        }
    }

    static func period(_ text: String?) throws -> IndicatorPeriod {
        guard let text, !text.isEmpty else {
            return IndicatorPeriod(kind: .year, year: VietnamDay.containing(Date()).year)
        }
        do {
            return try IndicatorPeriod(parsing: text)
        } catch {
            throw TreError(status: .badRequest, code: error.code, message: error.message)
        }
    }
}

/// Reads the stored figures: a unit's totals, its sub-units, a breakdown, a trend.
enum IndicatorQueries {
    /// PostgreSQL sums a bigint into a numeric; cast back so both databases answer an integer.
    private static let sumOfValues = SQLRaw("CAST(SUM(value) AS BIGINT)")

    private static func scoped(_ select: SQLSelectBuilder, _ unit: Jurisdiction) -> SQLSelectBuilder {
        guard
            let condition = unit.sqlCondition(province: SQLColumn("province_code"), commune: SQLColumn("commune_code"))
        else { return select }
        return select.where(condition)
    }

    /// Totals of several measures for a unit and periods: [measure: [period: value]].
    static func totals(
        _ measures: Set<IndicatorMeasure>, periods: [String], unit: Jurisdiction, on database: any Database
    ) async throws -> [IndicatorMeasure: [String: Int]] {
        let sql = try database.sql()
        guard !measures.isEmpty, !periods.isEmpty else { return [:] }
        let select = sql.select().column("measure").column("period")
            .column(Self.sumOfValues, as: "total")
            .from(IndicatorFactsTable.name)
            .where("measure", .in, measures.map(\.rawValue)).where("period", .in, periods)
            .where("dimension", .equal, "")
        var result: [IndicatorMeasure: [String: Int]] = [:]
        for row in try await scoped(select, unit).groupBy("measure").groupBy("period").all() {
            guard let measure = IndicatorMeasure(rawValue: try row.decode(column: "measure", as: String.self)) else {
                continue
            }
            result[measure, default: [:]][try row.decode(column: "period", as: String.self)] = try row.decode(
                column: "total", as: Int.self)
        }
        return result
    }

    /// A measure for each unit one level down (provinces of the nation, communes of a province):
    /// [unit code: value].
    static func bySubUnit(
        _ measure: IndicatorMeasure, period: String, unit: Jurisdiction, on database: any Database
    ) async throws -> [Int: Int] {
        let sql = try database.sql()
        let key = unit == .nation ? "province_code" : "commune_code"
        let select = sql.select().column(key, as: "unit")
            .column(Self.sumOfValues, as: "total")
            .from(IndicatorFactsTable.name)
            .where("measure", .equal, measure.rawValue).where("period", .equal, period).where("dimension", .equal, "")
        var result: [Int: Int] = [:]
        for row in try await scoped(select, unit).groupBy(key).all() {
            result[try row.decode(column: "unit", as: Int.self)] = try row.decode(column: "total", as: Int.self)
        }
        return result
    }

    /// A measure broken down by one disaggregation: [category: value].
    static func byCategory(
        _ measure: IndicatorMeasure, period: String, dimension: Disaggregation, unit: Jurisdiction,
        on database: any Database
    ) async throws -> [String: Int] {
        let sql = try database.sql()
        let select = sql.select().column("category")
            .column(Self.sumOfValues, as: "total")
            .from(IndicatorFactsTable.name)
            .where("measure", .equal, measure.rawValue).where("period", .equal, period)
            .where("dimension", .equal, dimension.rawValue)
        var result: [String: Int] = [:]
        for row in try await scoped(select, unit).groupBy("category").all() {
            result[try row.decode(column: "category", as: String.self)] = try row.decode(column: "total", as: Int.self)
        }
        return result
    }

    /// The target for an indicator, unit and year, if one is set.
    static func target(_ code: String, unit: Jurisdiction, year: Int, on database: any Database) async throws -> Double?
    {
        try await IndicatorTargetRecord.query(on: database).filter(\.$indicatorCode == code)
            .filter(\.$unit == IndicatorUnit.code(unit)).filter(\.$year == year).first()?.target
    }

    static func targets(unit: Jurisdiction, year: Int, on database: any Database) async throws -> [String: Double] {
        var result: [String: Double] = [:]
        for target in try await IndicatorTargetRecord.query(on: database).filter(\.$unit == IndicatorUnit.code(unit))
            .filter(\.$year == year).all()
        {
            result[target.indicatorCode] = target.target
        }
        return result
    }
}

/// A unit with its name, as a page shows it.
struct NamedUnit: Sendable, Equatable {
    var unit: Jurisdiction
    var name: String
}

/// What the overview of a unit and period needs: the figures of every indicator over the trend's periods,
/// the unit's targets, what must be hidden, and the names around it.
struct IndicatorOverviewData: Sendable {
    var unit: NamedUnit
    var period: IndicatorPeriod
    var trendPeriods: [IndicatorPeriod]
    /// The units from the nation down to this one that the reader may open.
    var trail: [NamedUnit]
    var totals: [IndicatorMeasure: [String: Int]]
    var targets: [String: Double]
    /// Figures to hide, by indicator code (empty when the reader is the commune that owns them).
    var hidden: [String: Set<FigureKey>]
    var subUnits: [NamedUnit]
    var refreshedAt: Date?
}

extension IndicatorQueries {
    /// The unit and period asked for in `?unit=&period=` (the reader's own unit and this year by default),
    /// refused outside the reader's jurisdiction.
    static func selection(unit: String?, period: String?, for reader: Principal, on database: any Database)
        async throws -> (unit: Jurisdiction, period: IndicatorPeriod)
    {
        (
            try await IndicatorUnit.resolve(unit, for: reader, on: database),
            try IndicatorUnit.period(period)
        )
    }

    /// The units from the nation down to `unit` that the reader may open, with their names.
    static func trail(to unit: Jurisdiction, for reader: Principal, language: Language, on database: any Database)
        async throws -> [NamedUnit]
    {
        var units: [Jurisdiction] = [.nation]
        if let province = unit.provinceCode { units.append(.province(provinceCode: province)) }
        if unit.level == .commune { units.append(unit) }
        var trail: [NamedUnit] = []
        for step in units where reader.jurisdiction.contains(step) {
            trail.append(
                NamedUnit(
                    unit: step, name: try await IndicatorTables.name(of: step, language: language, on: database)))
        }
        return trail
    }

    /// Everything the overview shows; `unit` has already been checked against the reader's jurisdiction.
    static func overview(
        _ unit: Jurisdiction, period: IndicatorPeriod, for reader: Principal, language: Language,
        on database: any Database
    ) async throws -> IndicatorOverviewData {
        let catalogue = IndicatorCatalogueFile.shared
        let trendPeriods = IndicatorTables.trend(of: period)
        let owns = reader.jurisdiction.level == .commune && reader.jurisdiction == unit
        return IndicatorOverviewData(
            unit: NamedUnit(
                unit: unit, name: try await IndicatorTables.name(of: unit, language: language, on: database)),
            period: period, trendPeriods: trendPeriods,
            trail: try await trail(to: unit, for: reader, language: language, on: database),
            totals: try await totals(
                catalogue.measures, periods: trendPeriods.map(\.description), unit: unit, on: database),
            targets: try await targets(unit: unit, year: period.year, on: database),
            // The owning commune sees its own figures whole.
            hidden: try await IndicatorSuppressionQueries.hidden(
                owns ? [] : catalogue.indicators, unit: unit, years: trendPeriods.map(\.year) + [period.year],
                on: database),
            subUnits: try await IndicatorTables.subUnitNames(of: unit, on: database).map {
                NamedUnit(unit: $0.unit, name: $0.name)
            },
            refreshedAt: try await IndicatorRefresh.state(on: database)?.refreshedAt)
    }
}

/// The filter of the periodic reports' list, as typed in its form.
struct PeriodicReportFilter: Sendable {
    var status = ""
    var period = ""
    var q = ""

    var query: [String: String] { ["status": status, "period": period, "q": q].filter { !$0.value.isEmpty } }
}

/// A periodic report with the name of its commune.
struct NamedReport: Sendable {
    var record: PeriodicReportRecord
    var commune: String
}

/// What the periodic reports' page needs: one page of the reports matching the filter, how many match, and
/// the commune's child population of the year when the reader is a commune.
struct PeriodicReportsData: Sendable {
    var reports: [NamedReport]
    var total: Int
    var population: Int?
}

extension IndicatorQueries {
    /// The reports of the reader's jurisdiction that match the filter: waiting ones first, then the newest.
    static func reports(_ filter: PeriodicReportFilter, for reader: Principal, on database: any Database)
        async throws -> QueryBuilder<PeriodicReportRecord>
    {
        let query = PeriodicReportRecord.query(on: database)
            .within(reader.jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
        if !filter.status.isEmpty { query.filter(\.$status == filter.status) }
        if !filter.period.isEmpty { query.filter(\.$period == filter.period) }
        if !filter.q.isEmpty {
            // Commune names are matched as the registry matches children: accents, case and Đ ignored.
            let codes = try await Commune.query(on: database)
                .filter(\.$nameFolded, .contains(inverse: false, .anywhere), VietnameseText.folded(filter.q)).all()
                .map(\.code)
            query.filter(\.$communeCode ~~ codes)
        }
        return query.sort(\.$status, .descending).sort(\.$period, .descending).sort(\.$communeCode)
    }

    /// The reports of a range of the list, each with its commune's name.
    static func namedReports(
        _ filter: PeriodicReportFilter, range: Range<Int>, for reader: Principal, language: Language,
        on database: any Database
    ) async throws -> [NamedReport] {
        var named: [NamedReport] = []
        for record in try await reports(filter, for: reader, on: database).range(range).all() {
            let unit = Jurisdiction.commune(provinceCode: record.provinceCode, communeCode: record.communeCode)
            named.append(
                NamedReport(
                    record: record,
                    commune: try await IndicatorTables.name(of: unit, language: language, on: database)))
        }
        return named
    }

    static func reportsPage(
        _ filter: PeriodicReportFilter, paging: Paging, for reader: Principal, year: Int, language: Language,
        on database: any Database
    ) async throws -> PeriodicReportsData {
        var population: Int?
        if let commune = reader.jurisdiction.communeCode {
            population = try await CommunePopulation.query(on: database).filter(\.$communeCode == commune)
                .filter(\.$year == year).first()?.children
        }
        return PeriodicReportsData(
            reports: try await namedReports(filter, range: paging.range, for: reader, language: language, on: database),
            total: try await reports(filter, for: reader, on: database).count(), population: population)
    }

    /// Where a commune's report for a period stands, if it was submitted.
    static func reportStatus(of unit: Jurisdiction, period: IndicatorPeriod, on database: any Database) async throws
        -> PeriodicReportStatus?
    {
        guard let commune = unit.communeCode else { return nil }
        return try await PeriodicReportRecord.query(on: database).filter(\.$communeCode == commune)
            .filter(\.$period == period.description).first().flatMap { PeriodicReportStatus(rawValue: $0.status) }
    }
}

extension IndicatorQueries {
    /// One indicator of a unit and period, as its page, exports and API show it: `code`, `unit`, `period` and
    /// `by` as the address gives them; the unit is refused outside the reader's jurisdiction, an unknown
    /// indicator is not found, a breakdown the indicator does not have is refused.
    static func table(
        _ code: String, unit: String?, period: String?, by byText: String?, for reader: Principal,
        language: Language, on database: any Database
    ) async throws -> IndicatorTable {
        let chosen = try await selection(unit: unit, period: period, for: reader, on: database)
        let definition = try IndicatorCatalogueFile.indicator(code)
        let by = try byText.flatMap { text -> Disaggregation? in
            if text.isEmpty { return nil }
            guard let found = Disaggregation(rawValue: text), definition.disaggregations.contains(found) else {
                throw TreError.invalidInput(
                    LocalizedText(
                        vi: "Chỉ tiêu \(definition.code) không phân tổ theo \(text).",
                        en: "Indicator \(definition.code) cannot be broken down by \(text)."))
            }
            return found
        }
        return try await IndicatorTables.build(
            definition, unit: chosen.unit, period: chosen.period, by: by, viewer: reader, language: language,
            on: database)
    }
}

/// What the printable report of a unit and period needs: every indicator kept for that kind of period, and
/// where the commune's periodic report stands.
struct IndicatorReportData: Sendable {
    var unit: NamedUnit
    var period: IndicatorPeriod
    var tables: [IndicatorTable]
    var status: PeriodicReportStatus?
    /// When the figures were last computed: what the printed report is true as of.
    var refreshedAt: Date? = nil
}

extension IndicatorQueries {
    /// Every indicator of the unit for the period, as the report to the level above; `unit` has already been
    /// checked against the reader's jurisdiction.
    static func report(
        _ unit: Jurisdiction, period: IndicatorPeriod, for reader: Principal, language: Language,
        on database: any Database
    ) async throws -> IndicatorReportData {
        var tables: [IndicatorTable] = []
        for definition in IndicatorCatalogueFile.shared.indicators where definition.periods.contains(period.kind) {
            tables.append(
                try await IndicatorTables.build(
                    definition, unit: unit, period: period, by: nil, viewer: reader, language: language,
                    on: database))
        }
        return IndicatorReportData(
            unit: NamedUnit(
                unit: unit, name: try await IndicatorTables.name(of: unit, language: language, on: database)),
            period: period, tables: tables, status: try await reportStatus(of: unit, period: period, on: database),
            refreshedAt: try await IndicatorRefresh.state(on: database)?.refreshedAt)
    }
}
