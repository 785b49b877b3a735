import Fluent
import Foundation
import TreDomain

enum CampaignQueries {
    struct Filter: Sendable {
        var year: Int?
        var kind = ""
        var q = ""
        /// Only Action Month reports past 20 July and not sent.
        var overdue = false

        var query: [String: String] {
            ["year": year.map(String.init) ?? "", "kind": kind, "q": q, "overdue": overdue ? "1" : ""]
                .filter { !$0.value.isEmpty }
        }

        /// What every register filters by.
        var base: RegisterFilter { RegisterFilter(year: year, q: q, overdue: overdue) }
    }
}

extension CampaignQueries.Filter {
    init(_ base: RegisterFilter, kind: String) {
        self.init(year: base.year, kind: kind, q: base.q, overdue: base.overdue)
    }
}

extension CampaignQueries {
    /// Participants and budget of everything the filter matches (not only the page).
    struct Totals: Sendable {
        var children = 0
        var adults = 0
        var budget = 0
    }

    static func totals(_ matching: QueryBuilder<CampaignRecord>) async throws -> Totals {
        Totals(
            children: try await matching.copy().sum(\.$children) ?? 0,
            adults: try await matching.copy().sum(\.$adults) ?? 0, budget: try await matching.copy().sum(\.$budget) ?? 0
        )
    }
}

extension CampaignQueries {
    static func matching(_ filter: Filter, in jurisdiction: Jurisdiction, on database: any Database) async throws
        -> QueryBuilder<CampaignRecord>
    {
        let query = CommuneScope.records(CampaignRecord.self, in: jurisdiction, on: database)
        if let year = filter.year {
            let bounds = CommuneScope.yearBounds(year)
            query.filter(\.$startDate >= bounds.first).filter(\.$startDate <= bounds.last)
        }
        if !filter.kind.isEmpty { query.filter(\.$kind == filter.kind) }
        if filter.overdue {
            query.filter(\.$reportSubmittedOn == nil).filter(\.$reportDue != nil)
                .filter(\.$reportDue < VietnamDay.containing(Date()).description)
        }
        if !filter.q.isEmpty {
            query.filter(\.$communeCode ~~ (try await CommuneScope.communeCodes(matching: filter.q, on: database)))
        }
        return query.sort(\.$startDate, .descending).sort(\.$id)
    }
}
