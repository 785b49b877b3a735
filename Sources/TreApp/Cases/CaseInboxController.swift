import Fluent
import Foundation
import TreDomain
import Vapor

/// The inbox: a commune's (or a province's) cases, the most urgent first, by what needs attention.
struct CaseInboxController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.cases(.inbox), access: .permission(.viewCases), use: inbox)
        routes.get(.cases(.export), access: .permission(.viewCases), use: export)
    }

    @Sendable func inbox(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let query = InboxQuery(request)
        let now = Date()
        let loaded = try await CaseQueries.inboxPage(query, for: principal, now: now, on: request.db)
        let page = InboxPage(loaded, query: query, reader: principal, language: request.language, now: now)
        return try await request.render("cases/inbox", title: UIStrings.text("cases", request.language), page)
    }

    /// The inbox as CSV: the case facts and clocks, never the reporter. The export is audited.
    @Sendable func export(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let query = InboxQuery(request)
        let (filter, search) = (query.filter, NameSearch(query.q))
        let now = Date()
        return try await CSVDownload.respond(
            request, fileName: "tre-vu-viec.csv",
            header: [
                "id", "number", "received_at", "province_code", "commune_code", "status", "risk", "next_deadline",
                "due", "late",
            ],
            audit: {
                AuditEvent(
                    action: "cases.exported", recordType: "case", jurisdiction: principal.jurisdiction,
                    details: "rows=\($0) filter=\(filter.rawValue)")
            },
            rows: { page in
                try await CaseQueries.inbox(
                    in: principal.jurisdiction, filter: filter, search: search, page: page, per: CSVDownload.pageSize,
                    now: now,
                    on: request.db
                ).items.map { found in
                    let deadline = found.deadline
                    return [
                        try found.requireID().uuidString, found.number, VietnamTime.format(found.receivedAt),
                        String(found.provinceCode), String(found.communeCode), found.status, found.risk ?? "",
                        deadline?.kind.rawValue ?? "", deadline.map { VietnamTime.format($0.due) } ?? "",
                        deadline?.isLate(now: now) == true ? "1" : "0",
                    ]
                }
            })
    }

}

/// What the inbox was asked for: a filter, a child's name, a page.
struct InboxQuery {
    var filter: CaseInboxFilter
    var q: String
    var paging: Paging

    init(filter: CaseInboxFilter = .open, q: String = "", paging: Paging) {
        self.filter = filter
        self.q = q
        self.paging = paging
    }

    init(_ request: Request) {
        self.init(
            filter: CaseInboxFilter(rawValue: (try? request.query.get(String.self, at: "filter")) ?? "") ?? .open,
            q: (try? request.query.get(String.self, at: "q")) ?? "", paging: Paging(request))
    }
}

/// The inbox (cases/inbox.leaf), built from a page of cases and their communes' names.
struct InboxPage: Encodable {
    /// What `CaseQueries.inboxPage` loads.
    struct Loaded {
        var cases: [ProtectionCase]
        var total: Int
        var communeNames: [Int: String]
        /// Each case's children as this reader may name them (`CaseQueries.childNames`).
        var childNames: [UUID: [String]] = [:]
    }

    struct Row: Encodable {
        var href: String
        var number: String
        var children: String
        var received: String
        var commune: String
        var status: String
        var risk: String
        var deadline: String
        var clock: String
        var late: Bool
        var escalated: Bool
    }

    var filters: [LayoutModel.NavItem]
    var rows: [Row]
    var q: String
    var filter: String
    var pager: PagerModel
    var exportHref: String
    var searchAction: String
    /// The report form, for who may record a report.
    var newReportHref: String?

    init(_ loaded: Loaded, query: InboxQuery, reader: Principal, language: Language, now: Date) {
        rows = loaded.cases.compactMap { found in
            guard let id = found.id else { return nil }
            let deadline = found.deadline
            return Row(
                href: SiteURL.cases(.show(.value(id))).path, number: found.number,
                children: (loaded.childNames[id] ?? []).joined(separator: ", "),
                received: VietnamTime.format(found.receivedAt),
                commune: loaded.communeNames[found.communeCode] ?? "", status: found.facts.status.label(language),
                risk: found.risk.flatMap(RiskLevel.init(rawValue:))?.label(language) ?? "",
                deadline: deadline?.kind.label(language) ?? "", clock: deadline?.remaining(now: now)(language) ?? "",
                late: deadline?.isLate(now: now) ?? false, escalated: found.escalatedAt != nil)
        }
        func link(_ place: CaseURL, _ filter: CaseInboxFilter) -> String {
            SiteURL.cases(place).link(["filter": filter.rawValue, "q": query.q].filter { !$0.value.isEmpty })
        }
        filters = CaseInboxFilter.allCases.map {
            LayoutModel.NavItem(
                href: link(.inbox, $0), label: UIStrings.text("inbox_\($0.rawValue)", language),
                current: $0 == query.filter)
        }
        q = query.q
        filter = query.filter.rawValue
        pager = PagerModel(
            query.paging, total: loaded.total, path: SiteURL.cases(.inbox).path,
            query: ["filter": query.filter.rawValue, "q": query.q].filter { !$0.value.isEmpty })
        exportHref = link(.export, query.filter)
        searchAction = SiteURL.cases(.inbox).path
        newReportHref = AccessPolicy.allows(reader.role, .reportAbuse) ? SiteURL.cases(.newReport).path : nil
    }
}

extension CaseQueries {
    /// A page of the reader's inbox and the names of its cases' communes.
    static func inboxPage(_ query: InboxQuery, for reader: Principal, now: Date, on database: any Database)
        async throws -> InboxPage.Loaded
    {
        let result = try await inbox(
            in: reader.jurisdiction, filter: query.filter, search: NameSearch(query.q), page: query.paging.page,
            per: query.paging.per, now: now, on: database)
        return InboxPage.Loaded(
            cases: result.items, total: result.total,
            communeNames: try await CommuneNames.load(result.items.map(\.communeCode), on: database),
            childNames: try await childNames(of: result.items, for: reader, on: database))
    }
}
