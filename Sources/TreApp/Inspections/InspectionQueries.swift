import Fluent
import Foundation
import TreDomain

enum InspectionQueries {
    struct Filter: Sendable {
        var year: Int?
        var q: String = ""
        /// Only inspections whose follow-up is past due and not done.
        var overdue = false
        var withViolations = false

        var query: [String: String] {
            [
                "year": year.map(String.init) ?? "", "q": q, "overdue": overdue ? "1" : "",
                "violations": withViolations ? "1" : "",
            ].filter { !$0.value.isEmpty }
        }

        /// What every register filters by.
        var base: RegisterFilter { RegisterFilter(year: year, q: q, overdue: overdue) }
    }

    static func matching(_ filter: Filter, in jurisdiction: Jurisdiction, on database: any Database) async throws
        -> QueryBuilder<InspectionRecord>
    {
        let query = CommuneScope.records(InspectionRecord.self, in: jurisdiction, on: database)
        if let year = filter.year {
            let bounds = CommuneScope.yearBounds(year)
            query.filter(\.$date >= bounds.first).filter(\.$date <= bounds.last)
        }
        if filter.overdue {
            query.filter(\.$followUpDoneOn == nil).filter(\.$followUpDue < VietnamDay.containing(Date()).description)
        }
        if filter.withViolations { query.filter(\.$violations > 0) }
        if !filter.q.isEmpty {
            // The place's name or the commune's, accents, case and Đ ignored.
            let codes = try await CommuneScope.communeCodes(matching: filter.q, on: database)
            query.group(.or) {
                $0.filter(\.$communeCode ~~ codes)
                $0.filter(\.$placeNameFolded, .contains(inverse: false, .anywhere), VietnameseText.folded(filter.q))
            }
        }
        return query.sort(\.$date, .descending).sort(\.$id)
    }
}

extension InspectionQueries.Filter {
    init(_ base: RegisterFilter, withViolations: Bool) {
        self.init(year: base.year, q: base.q, overdue: base.overdue, withViolations: withViolations)
    }
}

extension InspectionQueries {
    /// One inspection with its commune and the registered children found there that the reader may see.
    struct InspectionFile {
        var inspection: InspectionRecord
        var commune: String
        var children: [Child]
        /// The name searched for to link a child, and the registered children of the inspection's commune it
        /// found (the registry's accent-free search), none of them already linked.
        var search = ""
        var candidates: [Child] = []
    }

    /// How many children a name search offers: more means the name typed should be longer.
    static let candidateLimit = 10

    static func inspection(_ id: UUID?, for principal: Principal, on database: any Database) async throws
        -> InspectionRecord
    {
        guard let id, let record = try await CommuneScope.find(InspectionRecord.self, id, for: principal, on: database)
        else { throw TreError.notFound }
        return record
    }

    static func file(
        of inspection: InspectionRecord, for principal: Principal, search: String = "", on database: any Database
    ) async throws -> InspectionFile {
        let ids = try await InspectionChildRecord.query(on: database)
            .filter(\.$inspection.$id == inspection.requireID()).all().map(\.$child.id)
        var children: [Child] = []
        for id in ids {
            if let child = try await ChildQueries.find(id, in: principal.jurisdiction, on: database) {
                children.append(child)
            }
        }
        let names = try await CommuneScope.names(of: [inspection.communeCode], on: database)
        var candidates: [Child] = []
        let typed = NameSearch(search)
        if !typed.tokens.isEmpty {
            let today = VietnamDay.containing(Date())
            candidates = try await ChildQueries.page(
                in: principal.jurisdiction,
                filters: ChildFilters(search: typed, communeCode: inspection.communeCode, status: .all), page: 1,
                per: candidateLimit, today: (today.year, today.month, today.day), on: database
            ).items.filter { child in !ids.contains { $0 == child.id } }
        }
        return InspectionFile(
            inspection: inspection, commune: names[inspection.communeCode] ?? "", children: children,
            search: search, candidates: candidates)
    }
}
