import Fluent
import Foundation
import TreDomain

/// Injuries inside a jurisdiction, filtered; nothing outside it is ever fetched.
enum InjuryQueries {
    struct Filter: Sendable {
        var year: Int?
        var cause: String = ""
        /// Matched against the commune's name, accents, case and Đ ignored.
        var q: String = ""

        var query: [String: String] {
            ["year": year.map(String.init) ?? "", "cause": cause, "q": q].filter { !$0.value.isEmpty }
        }

        /// What every register filters by.
        var base: RegisterFilter { RegisterFilter(year: year, q: q) }
    }

    static func matching(_ filter: Filter, in jurisdiction: Jurisdiction, on database: any Database) async throws
        -> QueryBuilder<ChildInjuryRecord>
    {
        let query = CommuneScope.records(ChildInjuryRecord.self, in: jurisdiction, on: database)
        if let year = filter.year {
            let bounds = CommuneScope.yearBounds(year)
            query.filter(\.$date >= bounds.first).filter(\.$date <= bounds.last)
        }
        if !filter.cause.isEmpty { query.filter(\.$cause == filter.cause) }
        if !filter.q.isEmpty {
            query.filter(\.$communeCode ~~ (try await CommuneScope.communeCodes(matching: filter.q, on: database)))
        }
        return query.sort(\.$date, .descending).sort(\.$id)
    }
}

extension InjuryQueries.Filter {
    init(_ base: RegisterFilter, cause: String) {
        self.init(year: base.year, cause: cause, q: base.q)
    }
}
