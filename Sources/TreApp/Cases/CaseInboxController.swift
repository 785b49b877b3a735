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

    struct InboxRow: Encodable {
        var href: String
        var received: String
        var commune: String
        var status: String
        var risk: String
        var deadline: String
        var clock: String
        var late: Bool
        var escalated: Bool
    }

    struct InboxPage: Encodable {
        var filters: [LayoutModel.NavItem]
        var rows: [InboxRow]
        var q: String
        var filter: String
        var pager: PagerModel
        var exportHref: String
        var searchAction: String
        /// The report form, for who may record a report.
        var newReportHref: String?
    }

    @Sendable func inbox(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let paging = Paging(request)
        let filter = CaseInboxFilter(rawValue: (try? request.query.get(String.self, at: "filter")) ?? "") ?? .open
        let now = Date()
        let q = (try? request.query.get(String.self, at: "q")) ?? ""
        let result = try await CaseQueries.inbox(
            in: principal.jurisdiction, filter: filter, search: NameSearch(q), page: paging.page, per: paging.per,
            now: now, on: request.db)
        let names = try await CommuneNames.load(result.items.map(\.communeCode), on: request.db)
        let rows = try result.items.map { found in
            let deadline = found.deadline
            return InboxRow(
                href: SiteURL.cases(.show(.value(try found.requireID()))).path,
                received: VietnamTime.format(found.receivedAt),
                commune: names[found.communeCode] ?? "", status: found.facts.status.label(language),
                risk: found.risk.flatMap(RiskLevel.init(rawValue:))?.label(language) ?? "",
                deadline: deadline?.kind.label(language) ?? "", clock: deadline?.remaining(now: now)(language) ?? "",
                late: deadline?.isLate(now: now) ?? false, escalated: found.escalatedAt != nil)
        }
        func link(_ place: CaseURL, _ filter: CaseInboxFilter) -> String {
            SiteURL.cases(place).link(["filter": filter.rawValue, "q": q].filter { !$0.value.isEmpty })
        }
        let filters = CaseInboxFilter.allCases.map {
            LayoutModel.NavItem(
                href: link(.inbox, $0), label: UIStrings.text("inbox_\($0.rawValue)", language),
                current: $0 == filter)
        }
        let page = InboxPage(
            filters: filters, rows: rows, q: q, filter: filter.rawValue,
            pager: PagerModel(
                paging, total: result.total, path: SiteURL.cases(.inbox).path,
                query: ["filter": filter.rawValue, "q": q].filter {
                    !$0.value.isEmpty
                }),
            exportHref: link(.export, filter), searchAction: SiteURL.cases(.inbox).path,
            newReportHref: AccessPolicy.allows(principal.role, .reportAbuse) ? SiteURL.cases(.newReport).path : nil)
        return try await request.render("cases/inbox", title: UIStrings.text("cases", language), page)
    }

    /// The inbox as CSV: the case facts and clocks, never the reporter. The export is audited.
    @Sendable func export(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = CaseInboxFilter(rawValue: (try? request.query.get(String.self, at: "filter")) ?? "") ?? .open
        let search = NameSearch((try? request.query.get(String.self, at: "q")) ?? "")
        let now = Date()
        return try await CSVDownload.respond(
            request, fileName: "tre-vu-viec.csv",
            header: [
                "id", "received_at", "province_code", "commune_code", "status", "risk", "next_deadline", "due", "late",
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
                        try found.requireID().uuidString, VietnamTime.format(found.receivedAt),
                        String(found.provinceCode), String(found.communeCode), found.status, found.risk ?? "",
                        deadline?.kind.rawValue ?? "", deadline.map { VietnamTime.format($0.due) } ?? "",
                        deadline?.isLate(now: now) == true ? "1" : "0",
                    ]
                }
            })
    }

}
