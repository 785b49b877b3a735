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
}

/// Registry queries, built already scoped to the caller's jurisdiction: nothing is fetched and filtered later.
enum ChildQueries {
    static func scoped(to jurisdiction: Jurisdiction, on database: any Database) -> QueryBuilder<Child> {
        let query = Child.query(on: database).filter(\.$mergedInto == nil)
        switch jurisdiction {
        case .nation: return query
        case .province(let code): return query.filter(\.$provinceCode == code)
        case .commune(_, let code): return query.filter(\.$communeCode == code)
        }
    }

    /// One record, or nil when it does not exist or lies outside the jurisdiction (the two look the same).
    static func find(_ id: UUID, in jurisdiction: Jurisdiction, on database: any Database) async throws -> Child? {
        try await scoped(to: jurisdiction, on: database).filter(\.$id == id).first()
    }

    /// A page of children, ranked by how well the name matches (exact, then word starts in order, then
    /// in any order) and then in Vietnamese order. The same SQL runs on both databases.
    static func page(
        in jurisdiction: Jurisdiction, filters: ChildFilters, page: Int, per: Int,
        today: (year: Int, month: Int, day: Int),
        on database: any Database
    ) async throws -> (items: [Child], total: Int) {
        guard let sql = database as? any SQLDatabase else { return ([], 0) }
        let conditions = whereClause(jurisdiction: jurisdiction, filters: filters, today: today)

        let total =
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(Child.schema).where(conditions).first(decoding: CountRow.self)?.total ?? 0

        var order: [any SQLExpression] = []
        if !filters.search.isEmpty {
            // The same ranks as `NameSearch.Rank`, in SQL both databases understand.
            let tokens = filters.search.tokens
            let query = tokens.joined(separator: " ")
            let wholeWords = "% " + tokens.joined(separator: " % ") + " %"
            let wordStarts = "% " + tokens.joined(separator: "% ") + "%"
            order.append(
                SQLQueryString(
                    """
                    CASE WHEN name_folded = \(bind: query) THEN 0 \
                    WHEN (' ' || name_folded || ' ') LIKE \(bind: wholeWords) THEN 1 \
                    WHEN (' ' || name_folded) LIKE \(bind: wordStarts) THEN 2 ELSE 3 END
                    """))
        }
        order.append(SQLIdentifier("sort_key"))
        order.append(SQLIdentifier("id"))
        let ids = try await sql.select().column("id").from(Child.schema).where(conditions)
            .orderBy(SQLList(order)).limit(per).offset((page - 1) * per)
            .all(decoding: IDRow.self).map(\.id)
        guard !ids.isEmpty else { return ([], total) }
        let found = try await Child.query(on: database).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: found.compactMap { child in child.id.map { ($0, child) } })
        return (ids.compactMap { byID[$0] }, total)
    }

    /// The first string after every string that starts with `prefix` ("an" → "ao").
    static func prefixUpperBound(_ prefix: String) -> String {
        guard let last = prefix.unicodeScalars.last, let next = Unicode.Scalar(last.value + 1) else { return prefix }
        return String(prefix.unicodeScalars.dropLast()) + String(next)
    }

    private struct CountRow: Decodable { var total: Int }
    private struct IDRow: Decodable { var id: UUID }

    static func whereClause(
        jurisdiction: Jurisdiction, filters: ChildFilters, today: (year: Int, month: Int, day: Int)
    ) -> any SQLExpression {
        var parts: [any SQLExpression] = [SQLBinaryExpression(SQLColumn("merged_into"), .is, SQLLiteral.null)]
        func equal(_ column: String, _ value: any Encodable & Sendable) {
            parts.append(SQLBinaryExpression(SQLColumn(column), .equal, SQLBind(value)))
        }
        switch jurisdiction {
        case .nation: break
        case .province(let code): equal("province_code", code)
        case .commune(_, let code): equal("commune_code", code)
        }
        if let commune = filters.communeCode { equal("commune_code", commune) }
        if let sex = filters.sex { equal("sex", sex) }

        // Ages become ranges of birth dates, so the comparison uses the stored text and its index.
        func birthdayCutoff(yearsAgo: Int) -> String {
            String(format: "%04d-%02d-%02d", today.year - yearsAgo, today.month, today.day)
        }
        func bornAfter(yearsAgo: Int) {
            parts.append(
                SQLBinaryExpression(
                    SQLColumn("birth_date_for_age"), .greaterThan, SQLBind(birthdayCutoff(yearsAgo: yearsAgo))))
        }
        func bornOnOrBefore(yearsAgo: Int) {
            parts.append(
                SQLBinaryExpression(
                    SQLColumn("birth_date_for_age"), .lessThanOrEqual, SQLBind(birthdayCutoff(yearsAgo: yearsAgo))))
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

        if let group = filters.group {
            let todayText = String(format: "%04d-%02d-%02d", today.year, today.month, today.day)
            let members = SQLSubquery.select { select in
                select.column("child_id").from(ChildCircumstance.schema).where("group_code", .equal, group)
                    .where(
                        SQLBinaryExpression(
                            SQLBinaryExpression(SQLColumn("end_date"), .is, SQLLiteral.null), .or,
                            SQLBinaryExpression(SQLColumn("end_date"), .greaterThanOrEqual, SQLBind(todayText))))
            }
            parts.append(SQLBinaryExpression(SQLColumn("id"), .in, members))
        }

        // Each typed word must start some word of the name: an indexed range on the token table, read
        // only within the caller's commune or province (the tokens carry the child's place).
        for token in filters.search.tokens {
            let tokens = SQLSubquery.select { select in
                select.column("child_id").from(ChildNameToken.schema)
                switch jurisdiction {
                case .nation: break
                case .province(let code): select.where("province_code", .equal, code)
                case .commune(_, let code): select.where("commune_code", .equal, code)
                }
                if let commune = filters.communeCode { select.where("commune_code", .equal, commune) }
                return select.where("token", .greaterThanOrEqual, token)
                    .where("token", .lessThan, prefixUpperBound(token))
            }
            parts.append(SQLBinaryExpression(SQLColumn("id"), .in, tokens))
        }
        return parts.dropFirst().reduce(parts[0]) { SQLBinaryExpression($0, .and, $1) }
    }
}
