import Fluent
import Foundation
import TreDomain
import Vapor

/// `/campaigns`: the campaigns and activities of the reader's jurisdiction with participants, budget and
/// the Action Month report's deadline (20 July), paged, searchable by commune, filtered, exportable.
struct CampaignsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.communeWork(.campaigns(.list)), access: .permission(.viewCommuneWork), use: list)
        routes.get(.communeWork(.campaigns(.export)), access: .permission(.viewCommuneWork), use: csv)
        routes.post(.communeWork(.campaigns(.list)), access: .permission(.recordCommuneWork), use: create)
        routes.post(.communeWork(.campaigns(.report(.pattern))), access: .permission(.recordCommuneWork), use: report)
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

    struct ReportInput: Content { var reportSubmittedOn: String? }

    private func filter(_ request: Request) -> CampaignQueries.Filter {
        CampaignQueries.Filter(RegisterFilter(request), kind: (try? request.query.get(String.self, at: "kind")) ?? "")
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, notice: request.savedNotice)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(CampaignInput.self)
        return try await request.submitting(to: .communeWork(.campaigns(.list))) {
            _ = try await service(request).record(input.draft, communeCode: CommuneScope.code(input.communeCode))
        } otherwise: { refusal in
            try await render(request, input: input, refusal: refusal)
        }
    }

    @Sendable func report(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("campaign", as: UUID.self) else { throw TreError.notFound }
        let input = try request.content.decode(ReportInput.self)
        return try await request.submitting(to: .communeWork(.campaigns(.list))) {
            try await service(request).reportSubmitted(id, on: input.reportSubmittedOn ?? "")
        } otherwise: { refusal in
            try await render(request, refusal: refusal)
        }
    }

    private func render(
        _ request: Request, input: CampaignInput? = nil, refusal: Refusal? = nil, notice: String? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let paging = Paging(request)
        let matching = try await CampaignQueries.matching(filter, in: principal.jurisdiction, on: request.db)
        let listing = try await CommuneScope.listing(matching, paging, for: principal, on: request.db)
        let page = CampaignListPage(
            listing, totals: try await CampaignQueries.totals(matching), filter: filter, paging: paging,
            reader: principal, language: request.language, today: VietnamDay.containing(Date()), input: input,
            refusal: refusal, notice: notice)
        return try await request.render(
            "campaigns/list", title: UIStrings.text("campaigns", request.language), page,
            status: refusal?.status ?? .ok)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let language = request.language
        let today = VietnamDay.containing(Date())
        return try await CommuneScope.export(
            request, fileName: "hoat-dong-truyen-thong.csv",
            header: [
                "kind", "name", "commune", "dates", "children", "adults", "budget_vnd", "report_due", "report_status",
            ],
            action: "campaigns.exported",
            query: { try await CampaignQueries.matching(filter, in: principal.jurisdiction, on: request.db) },
            rows: { CampaignListPage.csv($0, language: language, today: today) })
    }

    private func service(_ request: Request) throws -> CampaignService {
        CampaignService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
