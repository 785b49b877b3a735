import Fluent
import Foundation
import TreDomain
import Vapor

/// `/campaigns`: the campaigns and activities of the reader's jurisdiction with participants, budget and
/// the Action Month report's deadline (20 July), paged, searchable by commune, filtered, exportable.
struct CampaignsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("campaigns", access: .permission(.viewCommuneWork), use: list)
        routes.get("campaigns.csv", access: .permission(.viewCommuneWork), use: csv)
        routes.post("campaigns", access: .permission(.recordCommuneWork), use: create)
        routes.post("campaigns", ":campaign", "report", access: .permission(.recordCommuneWork), use: report)
    }

    struct CampaignInput: Content {
        var kind: String?
        var name: String?
        var startDate: String?
        var endDate: String?
        var children: String?
        var adults: String?
        var budget: String?
        var communeCode: String?

        var draft: CampaignDraft {
            var draft = CampaignDraft()
            draft.kind = kind ?? ""
            draft.name = name ?? ""
            draft.startDate = startDate ?? ""
            draft.endDate = endDate ?? ""
            draft.children = children ?? ""
            draft.adults = adults ?? ""
            draft.budget = budget ?? ""
            return draft
        }
    }

    struct CampaignRow: Encodable {
        var id: String
        var kind: String
        var name: String
        var commune: String
        var dates: String
        var children: Int
        var adults: Int
        var budget: String
        var reportDue: String?
        var reportStatus: String?
        var overdue: Bool
        var reportOpen: Bool
    }

    struct ListPage: Encodable {
        var canRecord: Bool
        var input: CampaignInput
        var kinds: [Choice]
        var filterKinds: [Choice]
        var year: String
        var q: String
        var overdue: Bool
        var rows: [CampaignRow]
        var totals: Totals
        var pager: PagerModel
        var csvHref: String
        var error: String?
        var notice: String?
    }

    /// Participants and budget of everything the filter matches (not only the page).
    struct Totals: Encodable {
        var children: Int
        var adults: Int
        var budget: String
    }

    private func filter(_ request: Request) -> CampaignQueries.Filter {
        CampaignQueries.Filter(
            year: (try? request.query.get(Int.self, at: "year")),
            kind: (try? request.query.get(String.self, at: "kind")) ?? "",
            q: VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? ""),
            overdue: request.flag("overdue"))
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, input: nil, error: nil, notice: request.savedNotice)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(CampaignInput.self)
        return try await request.submitting(to: "/campaigns") {
            _ = try await service(request).record(
                input.draft, communeCode: input.communeCode.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        } otherwise: { error, status in
            try await render(request, input: input, error: error, notice: nil, status: status)
        }
    }

    struct ReportInput: Content { var reportSubmittedOn: String? }

    @Sendable func report(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("campaign", as: UUID.self) else { throw Abort(.notFound) }
        let input = try request.content.decode(ReportInput.self)
        return try await request.submitting(to: "/campaigns") {
            try await service(request).reportSubmitted(id, on: input.reportSubmittedOn ?? "")
        } otherwise: { error, status in
            try await render(request, input: nil, error: error, notice: nil, status: status)
        }
    }

    private func render(
        _ request: Request, input: CampaignInput?, error: String?, notice: String?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = request.language
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let paging = Paging(request)
        let matching = try await CampaignQueries.matching(filter, in: principal.jurisdiction, on: request.db)
        let (total, records) = try await matching.page(paging)
        let children = try await matching.sum(\.$children) ?? 0
        let adults = try await matching.sum(\.$adults) ?? 0
        let budget = try await matching.sum(\.$budget) ?? 0
        let page = ListPage(
            canRecord: AccessPolicy.allows(principal.role, .recordCommuneWork), input: input ?? CampaignInput(),
            kinds: Choice.list(CampaignKind.self, selected: input?.kind, language: language) { $0.label },
            filterKinds: Choice.list(CampaignKind.self, selected: filter.kind, language: language) { $0.label },
            year: filter.year.map(String.init) ?? "", q: filter.q, overdue: filter.overdue,
            rows: try await rows(records, language: language, on: request.db),
            totals: Totals(children: children, adults: adults, budget: Self.dong(budget, language)),
            pager: PagerModel(paging, total: total, path: "/campaigns", query: filter.query),
            csvHref: Paths.link("/campaigns.csv", filter.query), error: error, notice: notice)
        return try await request.render(
            "campaigns/list", title: UIStrings.text("campaigns", language), page, status: status)
    }

    /// "12.000.000 đ" (in English "12,000,000 đ").
    static func dong(_ amount: Int, _ language: Language) -> String {
        IndicatorNumberFormat.integer(amount, language: language) + " đ"
    }

    private func rows(_ records: [CampaignRecord], language: Language, on database: any Database) async throws
        -> [CampaignRow]
    {
        let names = try await CommuneScope.names(of: records.map(\.communeCode), on: database)
        let today = VietnamDay.containing(Date())
        return records.map { record in
            let status = record.reportStatus(today: today)
            let dates =
                record.startDate == record.endDate
                ? VietnamTime.date(record.startDate)
                : "\(VietnamTime.date(record.startDate)) – \(VietnamTime.date(record.endDate))"
            return CampaignRow(
                id: record.id?.uuidString ?? "",
                kind: CampaignKind(rawValue: record.kind)?.label(language) ?? record.kind, name: record.name,
                commune: names[record.communeCode] ?? "", dates: dates, children: record.children,
                adults: record.adults, budget: Self.dong(record.budget, language),
                reportDue: record.reportDue.map(VietnamTime.date), reportStatus: status?.label(language),
                overdue: status == .overdue, reportOpen: status == .due || status == .overdue)
        }
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let language = request.language
        return try await CSVDownload.respond(
            request, fileName: "hoat-dong-truyen-thong.csv",
            header: [
                "kind", "name", "commune", "dates", "children", "adults", "budget_vnd", "report_due", "report_status",
            ],
            audit: {
                AuditEvent(
                    action: "campaigns.exported", recordType: "campaign", jurisdiction: principal.jurisdiction,
                    details: "rows=\($0)")
            },
            rows: { page in
                let records = try await CampaignQueries.matching(filter, in: principal.jurisdiction, on: request.db)
                    .range(CSVDownload.rows(ofPage: page)).all()
                return try await rows(records, language: language, on: request.db).enumerated().map { index, row in
                    [
                        row.kind, row.name, row.commune, row.dates, String(row.children), String(row.adults),
                        String(records[index].budget), row.reportDue ?? "", row.reportStatus ?? "",
                    ]
                }
            })
    }

    private func service(_ request: Request) throws -> CampaignService {
        CampaignService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
