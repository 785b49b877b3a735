import Fluent
import Foundation
import SQLKit
import TreDomain

extension Child {
    /// What the population-database check reads of this record.
    func populationRecordFacts(caregiverCount: Int) -> PopulationRecordFacts {
        PopulationRecordFacts(
            fullName: fullName, familyName: familyName, givenName: givenName, sex: sex, birthDate: birthDate,
            birthYear: birthYear, ethnicityCode: ethnicityCode, personalID: personalID,
            caregiverCount: caregiverCount, idVerification: idVerification)
    }
}

/// A child on the worklist and what was found wrong with the record.
struct WorklistEntry {
    var child: Child
    var findings: [DataQualityFinding]
}

/// What the worklist page shows, loaded and scoped by `DataQualityQueries.worklist`.
struct WorklistData {
    var entries: [WorklistEntry]
    var total: Int
    var totalIsCapped: Bool
    var communeNames: [Int: String]
    /// The communes a province officer may narrow the list to (none for a commune's own officer).
    var communes: [Commune]
}

/// How complete a unit's register is: counts over its children under 16 (merged records left out).
struct DataQualityFigures: Equatable, Sendable {
    var children = 0
    /// Records having each problem.
    var problems: [DataQualityProblem: Int] = [:]
    /// Records not changed for a year.
    var stale = 0
    /// Records with at least one problem: the worklist's length.
    var onWorklist = 0

    static func + (lhs: Self, rhs: Self) -> Self {
        Self(
            children: lhs.children + rhs.children, problems: lhs.problems.merging(rhs.problems, uniquingKeysWith: +),
            stale: lhs.stale + rhs.stale, onWorklist: lhs.onWorklist + rhs.onWorklist)
    }
}

/// What the data-quality page shows: the reader's unit, and each commune (of a province) or province (of
/// the nation) below it.
struct DataQualityData {
    struct Unit {
        var code: Int
        var name: String
        var figures: DataQualityFigures
    }

    var unitName: String
    var figures: DataQualityFigures
    /// Communes of the province, or provinces of the nation; empty for a commune.
    var units: [Unit]
    /// The units below are communes (a province reads them) rather than provinces.
    var unitsAreCommunes: Bool
    /// When the figures were counted, when they were read from the stored figures (the nation's page).
    var countedAt: Date? = nil
}

/// Loading for the data-quality pages, scoped to the reader's jurisdiction inside each query.
///
/// Which records have a problem is decided in SQL (`DataQualitySQL`), where the children are: the worklist
/// pages and counts in the database like the register's list, and the figures are one grouped pass. Only the
/// page's own rows (at most `Paging.maximumPerPage`) come into Swift, where `PopulationRecordCheck` names
/// each problem in the reader's language.
enum DataQualityQueries {
    /// The worklist is the register's list (its search, commune filter, order and paging) narrowed to the
    /// children under 16 whose record has a problem.
    static func filters(search: String, communeCode: Int?, problem: DataQualityProblem?) -> ChildFilters {
        var filters = ChildFilters()
        filters.search = NameSearch(search)
        filters.communeCode = communeCode
        filters.status = .child
        filters.dataProblem = problem.map { .only($0) } ?? .anyProblem
        return filters
    }

    static func worklistPage(
        in jurisdiction: Jurisdiction, filters: ChildFilters, page: Int, per: Int,
        today: (year: Int, month: Int, day: Int), on database: any Database
    ) async throws -> (entries: [WorklistEntry], total: Int, totalIsCapped: Bool) {
        let result = try await ChildQueries.page(
            in: jurisdiction, filters: filters, page: page, per: per, today: today, on: database)
        let caregivers = try await ChildCaregivers.load(for: result.items, on: database)
        let entries = result.items.map { child in
            let count = child.id.flatMap { caregivers[$0]?.count } ?? 0
            return WorklistEntry(
                child: child,
                findings: PopulationRecordCheck.problems(of: child.populationRecordFacts(caregiverCount: count)))
        }
        return (entries, result.total, result.totalIsCapped)
    }

    static func worklist(
        for principal: Principal, filters: ChildFilters, paging: Paging, today: (year: Int, month: Int, day: Int),
        on database: any Database
    ) async throws -> WorklistData {
        let page = try await worklistPage(
            in: principal.jurisdiction, filters: filters, page: paging.page, per: paging.per, today: today,
            on: database)
        return WorklistData(
            entries: page.entries, total: page.total, totalIsCapped: page.totalIsCapped,
            communeNames: try await CommuneNames.load(page.entries.map(\.child.communeCode), on: database),
            communes: try await CommuneChoices.communes(for: principal, on: database))
    }

    /// The figures of the reader's unit and of each unit below it. A commune's and a province's are counted
    /// from their children as the page is asked for (a province of 40,000 children: half a second at a million
    /// on SQLite); the nation's are read from the communes' figures the indicator refresh stores, since
    /// counting a million records took 10–20 s.
    static func overview(
        for principal: Principal, now: Date, today: (year: Int, month: Int, day: Int), on database: any Database
    ) async throws -> DataQualityData {
        let jurisdiction = principal.jurisdiction
        switch jurisdiction {
        case .commune(_, let code):
            let figures = try await communeFigures(in: jurisdiction, now: now, today: today, on: database)
            let name = try await UnitQueries.commune(code: code, on: database)?.name ?? String(code)
            return DataQualityData(
                unitName: name, figures: figures.values.reduce(DataQualityFigures(), +), units: [],
                unitsAreCommunes: false)
        case .province(let code):
            let figures = try await communeFigures(in: jurisdiction, now: now, today: today, on: database)
            var byCommune: [Int: DataQualityFigures] = [:]
            for (place, value) in figures { byCommune[place.communeCode, default: .init()] = value }
            let communes = try await UnitQueries.communesInForce(provinceCode: code, on: database)
                .sorted { VietnameseCollation.sortKey($0.name) < VietnameseCollation.sortKey($1.name) }
            let name = try await UnitQueries.province(code: code, on: database)?.name ?? String(code)
            return DataQualityData(
                unitName: name, figures: figures.values.reduce(DataQualityFigures(), +),
                units: communes.map {
                    DataQualityData.Unit(code: $0.code, name: $0.name, figures: byCommune[$0.code] ?? .init())
                },
                unitsAreCommunes: true)
        case .nation:
            let period = IndicatorPeriod(kind: .year, year: today.year).description
            var byProvince: [Int: DataQualityFigures] = [:]
            func read(_ measure: IndicatorMeasure, into field: WritableKeyPath<DataQualityFigures, Int>) async throws {
                let values = try await IndicatorQueries.bySubUnit(measure, period: period, unit: .nation, on: database)
                for (province, value) in values { byProvince[province, default: .init()][keyPath: field] = value }
            }
            try await read(.childrenRegistered, into: \.children)
            try await read(.recordsStale, into: \.stale)
            let complete = try await IndicatorQueries.bySubUnit(
                .childrenRecordsComplete, period: period, unit: .nation, on: database)
            for problem in DataQualityProblem.allCases {
                let values = try await IndicatorQueries.bySubUnit(
                    .records(with: problem), period: period, unit: .nation, on: database)
                for (province, value) in values { byProvince[province, default: .init()].problems[problem] = value }
            }
            for (province, figures) in byProvince {
                byProvince[province]?.onWorklist = figures.children - (complete[province] ?? 0)
            }
            let provinces = try await UnitQueries.provincesInForce(on: database)
            return DataQualityData(
                unitName: "", figures: byProvince.values.reduce(DataQualityFigures(), +),
                units: provinces.map {
                    DataQualityData.Unit(code: $0.code, name: $0.name, figures: byProvince[$0.code] ?? .init())
                },
                unitsAreCommunes: false,
                countedAt: try await IndicatorRefresh.state(on: database)?.refreshedAt)
        }
    }

    /// Counts per commune within `jurisdiction`: one row per commune comes back, never one per child. The
    /// indicator refresh counts the nation the same way.
    static func communeFigures(
        in jurisdiction: Jurisdiction?, now: Date, today: (year: Int, month: Int, day: Int), on database: any Database
    ) async throws -> [IndicatorPlace: DataQualityFigures] {
        let sql = try database.sql()
        let yearAgo = now.addingTimeInterval(-365 * 24 * 3600)
        let adulthood = String(
            format: "%04d-%02d-%02d", today.year - ChildAge.adulthood, today.month, today.day)
        func count(_ condition: any SQLExpression) -> SQLQueryString {
            SQLQueryString("SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)")
        }
        let updated = SQLColumn("updated_at", table: Child.schema)
        let select = sql.select()
            .column(SQLColumn("province_code", table: Child.schema), as: "province")
            .column(SQLColumn("commune_code", table: Child.schema), as: "commune")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "children")
            .column(count(SQLQueryString("(\(updated) IS NULL OR \(updated) < \(bind: yearAgo))")), as: "stale")
            .column(count(DataQualitySQL.anyProblem()), as: "on_worklist")
        for problem in DataQualityProblem.allCases {
            select.column(count(DataQualitySQL.has(problem)), as: problem.code)
        }
        select.from(Child.schema)
            .where(SQLColumn("merged_into", table: Child.schema), .is, SQLLiteral.null)
            .where(SQLColumn("birth_date_for_age", table: Child.schema), .greaterThan, SQLBind(adulthood))
        if let narrowing = jurisdiction?.sqlCondition(
            province: SQLColumn("province_code", table: Child.schema),
            commune: SQLColumn("commune_code", table: Child.schema))
        {
            select.where(narrowing)
        }
        select.groupBy(SQLColumn("province_code", table: Child.schema))
            .groupBy(SQLColumn("commune_code", table: Child.schema))
        var result: [IndicatorPlace: DataQualityFigures] = [:]
        for row in try await select.all() {
            // SUM over no row is NULL; a commune without children is simply absent.
            func number(_ name: String) throws -> Int { try row.decode(column: name, as: Int?.self) ?? 0 }
            var figures = DataQualityFigures(
                children: try number("children"), stale: try number("stale"), onWorklist: try number("on_worklist"))
            for problem in DataQualityProblem.allCases { figures.problems[problem] = try number(problem.code) }
            let place = IndicatorPlace(
                provinceCode: try row.decode(column: "province", as: Int.self),
                communeCode: try row.decode(column: "commune", as: Int.self))
            result[place] = figures
        }
        return result
    }
}
