import Fluent
import Foundation
import SQLKit
import TreDomain

/// What a list of children is narrowed to, besides the caller's jurisdiction.
struct ChildFilters: Sendable {
    enum Status: String, Sendable {
        /// Under 16 today.
        case child
        /// 16 or older: kept, no longer a child.
        case noLongerChild = "no_longer_child"
        case all
    }

    var search = NameSearch("")
    var communeCode: Int?
    var sex: String?
    var ageBand: ChildAge.Band?
    var status = Status.child
    /// A group of special circumstances (a, b, c, d, đ …) the child is in today.
    var group: String?
    /// Only records the population database would refuse (the data-quality worklist).
    var dataProblem: DataQualityFilter?
}

/// Registry queries, built already scoped to the caller's jurisdiction: nothing is fetched and filtered later.
enum ChildQueries {
    static func scoped(to jurisdiction: Jurisdiction, on database: any Database) -> QueryBuilder<Child> {
        Child.query(on: database).filter(\.$mergedInto == nil)
            .within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
    }

    /// What the register's list page shows: a page of children, their communes' names, the communes the
    /// reader may filter by and the groups of special circumstances.
    static func listData(
        for principal: Principal, filters: ChildFilters, paging: Paging, today: (year: Int, month: Int, day: Int),
        on database: any Database
    ) async throws -> ChildListData {
        let result = try await page(
            in: principal.jurisdiction, filters: filters, page: paging.page, per: paging.per, today: today,
            on: database)
        return ChildListData(
            page: result, communeNames: try await CommuneNames.load(result.items.map(\.communeCode), on: database),
            communes: try await CommuneChoices.communes(for: principal, on: database),
            subgroups: try await CircumstanceSubgroupRecord.all(on: database))
    }

    /// One record, or nil when it does not exist or lies outside the jurisdiction (the two look the same).
    static func find(_ id: UUID, in jurisdiction: Jurisdiction, on database: any Database) async throws -> Child? {
        try await scoped(to: jurisdiction, on: database).filter(\.$id == id).first()
    }

    /// A page of children and how many match in all. A search for words that nearly everyone's name
    /// starts with ("nguy", "nguyen thi") matches hundreds of thousands at national scale; then the count
    /// stops at `searchCap` (`totalIsCapped`) and the page is in Vietnamese order without ranking,
    /// which is what such a search can usefully show anyway (docs/decisions/003-name-search.md).
    struct Page {
        var items: [Child]
        var total: Int
        var totalIsCapped = false
    }

    static let searchCap = 2_000

    /// A page of children, ranked by how well the name matches (exact, then word starts in order, then
    /// in any order) and then in Vietnamese order. The same SQL runs on both databases.
    static func page(
        in jurisdiction: Jurisdiction, filters: ChildFilters, page: Int, per: Int,
        today: (year: Int, month: Int, day: Int), searchCap: Int = searchCap,
        on database: any Database
    ) async throws -> Page {
        let sql = try database.sql()
        let tokens = filters.search.tokens
        var drivingToken: String?
        var walkInOrder = false
        var ranked = true
        if !tokens.isEmpty {
            // The rarest typed word drives the search through the token index; the other words are
            // checked on each candidate's folded name, which no planner can turn into a scan of all
            // the names starting with "thi".
            var rarest: (token: String, count: Int)?
            for token in tokens {
                let count = try await countUpTo(
                    searchCap,
                    sql.select().column(SQLLiteral.numeric("1")).from(ChildNameToken.schema)
                        .where(tokenRange(token, within: jurisdiction, commune: filters.communeCode)), on: sql)
                if count < rarest?.count ?? .max { rarest = (token, count) }
            }
            ranked = (rarest?.count ?? 0) < searchCap
            drivingToken = rarest?.token
        }
        let conditions = whereClause(
            jurisdiction: jurisdiction, filters: filters, today: today, drivingToken: drivingToken)

        var total = 0
        if !ranked {
            // Counted by walking the driving word's index entries and looking up each child, stopping at
            // the cap: `id IN (…)` would first collect every one of them (83,000 for "anh" at a million
            // children, 130 ms on SQLite, against 14 ms for the walk).
            let matches = sql.select().distinct().column(SQLColumn("child_id", table: "t"))
                .from(SQLAlias(SQLIdentifier(ChildNameToken.schema), as: SQLIdentifier("t")))
                .join(
                    SQLIdentifier(Child.schema), method: SQLJoinMethod.inner,
                    on: SQLColumn("id", table: Child.schema), .equal, SQLColumn("child_id", table: "t")
                )
                .where(
                    whereClause(
                        jurisdiction: jurisdiction, filters: filters, today: today, drivingToken: drivingToken,
                        candidatesJoinedAs: "t"))
            total = try await countUpTo(searchCap, matches, on: sql)
            // Words many names start with ("nguyen", "nguyen thi"): ten thousand match or more, so walking
            // the list in Vietnamese order finds a page after a few thousand names at a million children,
            // where sorting every match first took a tenth of a second. Fewer matches are sorted, not
            // walked: a rare combination of common words could make the walk cross the whole registry.
            walkInOrder = total >= searchCap
        }

        var order: [any SQLExpression] = []
        if !tokens.isEmpty && ranked {
            // The same ranks as `NameSearch.Rank`, in SQL both databases understand.
            let query = tokens.joined(separator: " ")
            let patterns = tokens.map(likePattern)
            let wholeWords = "% " + patterns.joined(separator: " % ") + " %"
            let wordStarts = "% " + patterns.joined(separator: "% ") + "%"
            order.append(
                SQLQueryString(
                    """
                    CASE WHEN name_folded = \(bind: query) THEN 0 \
                    WHEN (' ' || name_folded || ' ') LIKE \(bind: wholeWords) ESCAPE '\\' THEN 1 \
                    WHEN (' ' || name_folded) LIKE \(bind: wordStarts) ESCAPE '\\' THEN 2 ELSE 3 END
                    """))
        }
        order.append(SQLIdentifier("sort_key"))
        order.append(SQLIdentifier("id"))
        let pageConditions =
            walkInOrder
            ? whereClause(jurisdiction: jurisdiction, filters: filters, today: today, drivingToken: nil) : conditions
        // A search whose matches are all ranked reads its page and its count in one pass: a second query
        // for the count looked every candidate up again (1,826 "bui anh an" at a million children: 31 → 16
        // ms on SQLite). A list without a search counts from the sort index instead: the window would
        // read every child in the place.
        let countedWithPage = ranked && !tokens.isEmpty
        let rows = try await sql.select().column("id")
            .column(countedWithPage ? SQLQueryString("COUNT(*) OVER ()") : SQLLiteral.numeric("0"), as: "total")
            .from(Child.schema).where(pageConditions)
            .orderBy(SQLList(order)).limit(per).offset((page - 1) * per)
            .all(decoding: PageRow.self)
        let ids = rows.map(\.id)
        if let first = rows.first, countedWithPage {
            total = first.total
        } else if ranked {
            total = try await count(where: conditions, on: sql)
        }
        let found = ids.isEmpty ? [] : try await Child.query(on: database).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: found.compactMap { child in child.id.map { ($0, child) } })
        return Page(items: ids.compactMap { byID[$0] }, total: total, totalIsCapped: !ranked && total >= searchCap)
    }

    /// COUNT(*) of a query's rows, stopping at `cap`: the cost is bounded by the cap, not the registry.
    private static func countUpTo(_ cap: Int, _ rows: SQLSelectBuilder, on sql: any SQLDatabase) async throws -> Int {
        let limited = SQLSubquery(rows.limit(cap).select)
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(SQLAlias(limited, as: SQLIdentifier("capped"))).first(decoding: CountRow.self)?.total ?? 0
    }

    /// The name words that start with `token`, within the caller's place (the tokens carry the child's
    /// commune and province, so the range is read from the place's own index).
    private static func tokenRange(
        _ token: String, within jurisdiction: Jurisdiction, commune: Int?, table: String? = nil
    ) -> any SQLExpression {
        var parts: [any SQLExpression] = []
        func column(_ name: String) -> SQLColumn { SQLColumn(name, table: table) }
        if let narrowing = jurisdiction.sqlCondition(province: column("province_code"), commune: column("commune_code"))
        {
            parts.append(narrowing)
        }
        if let commune { parts.append(SQLBinaryExpression(column("commune_code"), .equal, SQLBind(commune))) }
        parts.append(SQLBinaryExpression(column("token"), .greaterThanOrEqual, SQLBind(token)))
        parts.append(SQLBinaryExpression(column("token"), .lessThan, SQLBind(prefixUpperBound(token))))
        return parts.dropFirst().reduce(parts[0]) { SQLBinaryExpression($0, .and, $1) }
    }

    /// A typed word as a LIKE pattern that matches only itself (its % _ and \ escaped).
    static func likePattern(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// The first string after every string that starts with `prefix` ("an" → "ao").
    static func prefixUpperBound(_ prefix: String) -> String {
        guard let last = prefix.unicodeScalars.last, let next = Unicode.Scalar(last.value + 1) else { return prefix }
        return String(prefix.unicodeScalars.dropLast()) + String(next)
    }

    private struct CountRow: Decodable { var total: Int }
    private struct PageRow: Decodable {
        var id: UUID
        var total: Int
    }

    private static func count(where conditions: any SQLExpression, on sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(Child.schema).where(conditions).first(decoding: CountRow.self)?.total ?? 0
    }

    static func whereClause(
        jurisdiction: Jurisdiction, filters: ChildFilters, today: (year: Int, month: Int, day: Int),
        drivingToken: String?, candidatesJoinedAs tokens: String? = nil
    ) -> any SQLExpression {
        // Qualified, because the name tokens joined as `tokens` have a commune, a province and a name too.
        func child(_ column: String) -> SQLColumn { SQLColumn(column, table: Child.schema) }
        var parts: [any SQLExpression] = [SQLBinaryExpression(child("merged_into"), .is, SQLLiteral.null)]
        func equal(_ column: String, _ value: any Encodable & Sendable) {
            parts.append(SQLBinaryExpression(child(column), .equal, SQLBind(value)))
        }
        // The place is always checked on the child. With a driving word it is written `+column`, which
        // both databases read as the same number but SQLite then does not walk the whole commune through
        // its index (it would, lacking statistics, instead of looking up the few children found).
        func place(_ column: String, _ code: Int) {
            if drivingToken == nil {
                equal(column, code)
            } else {
                parts.append(SQLQueryString("+\(child(column)) = \(bind: code)"))
            }
        }
        if let narrowing = jurisdiction.narrowingColumn { place(narrowing.name, narrowing.code) }
        if let commune = filters.communeCode { place("commune_code", commune) }
        if let sex = filters.sex { equal("sex", sex) }

        // Ages become ranges of birth dates, so the comparison uses the stored text and its index.
        func birthdayCutoff(yearsAgo: Int) -> String {
            String(format: "%04d-%02d-%02d", today.year - yearsAgo, today.month, today.day)
        }
        func bornAfter(yearsAgo: Int) {
            parts.append(
                SQLBinaryExpression(
                    child("birth_date_for_age"), .greaterThan, SQLBind(birthdayCutoff(yearsAgo: yearsAgo))))
        }
        func bornOnOrBefore(yearsAgo: Int) {
            parts.append(
                SQLBinaryExpression(
                    child("birth_date_for_age"), .lessThanOrEqual, SQLBind(birthdayCutoff(yearsAgo: yearsAgo))))
        }
        switch filters.status {
        case .child: bornAfter(yearsAgo: ChildAge.adulthood)
        case .noLongerChild: bornOnOrBefore(yearsAgo: ChildAge.adulthood)
        case .all: break
        }
        switch filters.ageBand {
        case .under6: bornAfter(yearsAgo: 6)
        case .from6to10:
            bornAfter(yearsAgo: 11)
            bornOnOrBefore(yearsAgo: 6)
        case .from11to15:
            bornAfter(yearsAgo: 16)
            bornOnOrBefore(yearsAgo: 11)
        case .sixteenOrOver: bornOnOrBefore(yearsAgo: 16)
        case nil: break
        }

        if let dataProblem = filters.dataProblem { parts.append(DataQualitySQL.condition(dataProblem)) }

        if let group = filters.group {
            let todayText = String(format: "%04d-%02d-%02d", today.year, today.month, today.day)
            let members = SQLSubquery.select { select in
                select.column("child_id").from(ChildCircumstance.schema).where("group_code", .equal, group)
                    .where(
                        SQLBinaryExpression(
                            SQLBinaryExpression(SQLColumn("end_date"), .is, SQLLiteral.null), .or,
                            SQLBinaryExpression(SQLColumn("end_date"), .greaterThanOrEqual, SQLBind(todayText))))
            }
            parts.append(SQLBinaryExpression(child("id"), .in, members))
        }

        // Each typed word must start some word of the name. The driving word is a range of the token
        // index, and the other words are checked on the folded name stored in that same index, so the
        // candidates are found without reading them. Without a driving word, each name is checked.
        func others(on table: String?) -> [any SQLExpression] {
            filters.search.tokens.filter { $0 != drivingToken }.map { token in
                let name = SQLColumn("name_folded", table: table)
                return SQLQueryString("(' ' || \(name)) LIKE \(bind: "% " + likePattern(token) + "%") ESCAPE '\\'")
            }
        }
        if let drivingToken, let tokens {
            parts.append(tokenRange(drivingToken, within: jurisdiction, commune: filters.communeCode, table: tokens))
            parts += others(on: tokens)
        } else if let drivingToken {
            let candidates = SQLSubquery.select { select in
                select.column("child_id").from(ChildNameToken.schema)
                    .where(tokenRange(drivingToken, within: jurisdiction, commune: filters.communeCode))
                for condition in others(on: nil) { select.where(condition) }
                return select
            }
            parts.append(SQLBinaryExpression(child("id"), .in, candidates))
        } else {
            parts += others(on: Child.schema)
        }
        return parts.dropFirst().reduce(parts[0]) { SQLBinaryExpression($0, .and, $1) }
    }
}
