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
            caregiverCount: caregiverCount)
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

    /// The figures of the reader's unit and of each unit below it, in one grouped pass over the unit's children.
    static func overview(
        for principal: Principal, now: Date, today: (year: Int, month: Int, day: Int), on database: any Database
    ) async throws -> DataQualityData {
        let jurisdiction = principal.jurisdiction
        switch jurisdiction {
        case .commune(_, let code):
            let figures = try await grouped(by: "commune_code", in: jurisdiction, now: now, today: today, on: database)
            let name = try await UnitQueries.commune(code: code, on: database)?.name ?? String(code)
            return DataQualityData(
                unitName: name, figures: figures[code] ?? DataQualityFigures(), units: [], unitsAreCommunes: false)
        case .province(let code):
            let figures = try await grouped(by: "commune_code", in: jurisdiction, now: now, today: today, on: database)
            let communes = try await UnitQueries.communesInForce(provinceCode: code, on: database)
                .sorted { VietnameseCollation.sortKey($0.name) < VietnameseCollation.sortKey($1.name) }
            let name = try await UnitQueries.province(code: code, on: database)?.name ?? String(code)
            return DataQualityData(
                unitName: name, figures: figures.values.reduce(DataQualityFigures(), +),
                units: communes.map {
                    DataQualityData.Unit(
                        code: $0.code, name: $0.name, figures: figures[$0.code] ?? DataQualityFigures())
                },
                unitsAreCommunes: true)
        case .nation:
            let figures = try await grouped(by: "province_code", in: jurisdiction, now: now, today: today, on: database)
            let provinces = try await UnitQueries.provincesInForce(on: database)
            return DataQualityData(
                unitName: "", figures: figures.values.reduce(DataQualityFigures(), +),
                units: provinces.map {
                    DataQualityData.Unit(
                        code: $0.code, name: $0.name, figures: figures[$0.code] ?? DataQualityFigures())
                },
                unitsAreCommunes: false)
        }
    }

    /// Counts per commune or province: one row per unit comes back, never one per child.
    static func grouped(
        by column: String, in jurisdiction: Jurisdiction, now: Date, today: (year: Int, month: Int, day: Int),
        on database: any Database
    ) async throws -> [Int: DataQualityFigures] {
        let sql = try database.sql()
        let yearAgo = now.addingTimeInterval(-365 * 24 * 3600)
        let adulthood = String(
            format: "%04d-%02d-%02d", today.year - ChildAge.adulthood, today.month, today.day)
        func count(_ condition: any SQLExpression) -> SQLQueryString {
            SQLQueryString("SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)")
        }
        let select = sql.select().column(SQLColumn(column, table: Child.schema), as: "unit")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "children")
            .column(
                count(
                    SQLQueryString(
                        "(\(SQLColumn("updated_at", table: Child.schema)) IS NULL OR \(SQLColumn("updated_at", table: Child.schema)) < \(bind: yearAgo))"
                    )), as: "stale"
            )
            .column(count(DataQualitySQL.anyProblem()), as: "on_worklist")
        for problem in DataQualityProblem.allCases {
            select.column(count(DataQualitySQL.has(problem)), as: problem.code)
        }
        select.from(Child.schema)
            .where(SQLColumn("merged_into", table: Child.schema), .is, SQLLiteral.null)
            .where(SQLColumn("birth_date_for_age", table: Child.schema), .greaterThan, SQLBind(adulthood))
        if let narrowing = jurisdiction.sqlCondition(
            province: SQLColumn("province_code", table: Child.schema),
            commune: SQLColumn("commune_code", table: Child.schema))
        {
            select.where(narrowing)
        }
        select.groupBy(SQLColumn(column, table: Child.schema))
        var result: [Int: DataQualityFigures] = [:]
        for row in try await select.all() {
            // SUM over no row is NULL; a unit without children is simply absent.
            func number(_ name: String) throws -> Int { try row.decode(column: name, as: Int?.self) ?? 0 }
            var figures = DataQualityFigures(
                children: try number("children"), stale: try number("stale"), onWorklist: try number("on_worklist"))
            for problem in DataQualityProblem.allCases { figures.problems[problem] = try number(problem.code) }
            result[try row.decode(column: "unit", as: Int.self)] = figures
        }
        return result
    }
}
