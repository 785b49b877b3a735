import Fluent
import Foundation
import TreDomain
import Vapor

/// `/safety`: safe homes, schools and communities of each commune of the reader's jurisdiction in a year,
/// paged, searchable by commune, exportable; `/safety/{commune}/{year}`: the commune's counts and its
/// household "safe home" checks.
struct SafetyController {
    func register(_ routes: any RoutesBuilder) {
        let view = Access.permission(.viewCommuneWork)
        let record = Access.permission(.recordCommuneWork)
        routes.get(.communeWork(.safety(.list)), access: view, use: list)
        routes.get(.communeWork(.safety(.export)), access: view, use: csv)
        routes.get(.communeWork(.safety(.commune(.pattern, year: .pattern))), access: view, use: show)
        routes.post(.communeWork(.safety(.commune(.pattern, year: .pattern))), access: record, use: save)
        routes.post(.communeWork(.safety(.homes(.pattern, year: .pattern))), access: record, use: check)
    }

    struct CheckInput: Content {
        var household: String?
        var criteriaMet: String?
        var mandatoryMet: String?
        var injuryAtHome: String?
    }

    private func year(_ request: Request) -> Int {
        (try? request.query.get(Int.self, at: "year")) ?? ChildAge.todayInVietnam().year
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let year = year(request)
        let filter = RegisterFilter(request)
        let paging = Paging(request)
        let listing = try await SafetyQueries.communes(
            filter, year: year, in: principal.jurisdiction, range: paging.range, on: request.db)
        let page = SafetyListPage(listing, year: year, filter: filter, paging: paging)
        return try await request.render("safety/list", title: UIStrings.text("safety", request.language), page)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let year = year(request)
        let filter = RegisterFilter(request)
        return try await CSVDownload.respond(
            request, fileName: "an-toan-\(year).csv",
            header: [
                "commune_code", "commune", "year", "homes_assessed", "safe_homes", "schools", "safe_schools",
                "communities", "safe_communities",
            ],
            audit: {
                AuditEvent(
                    action: "safety.exported", recordType: "safety", jurisdiction: principal.jurisdiction,
                    details: "rows=\($0)")
            },
            rows: { page in
                let listing = try await SafetyQueries.communes(
                    filter, year: year, in: principal.jurisdiction, range: CSVDownload.rows(ofPage: page),
                    on: request.db)
                return SafetyListPage.csv(listing, year: year)
            })
    }

    // MARK: one commune

    private func commune(_ request: Request) async throws -> (commune: Commune, year: Int) {
        try await SafetyQueries.commune(
            request.parameters.get("commune", as: Int.self), year: request.parameters.get("year", as: Int.self),
            for: try request.requirePrincipal(), on: request.db)
    }

    private static func place(_ commune: Commune, _ year: Int) -> SiteURL {
        .communeWork(.safety(.commune(.value(commune.code), year: .value(year))))
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let (commune, year) = try await commune(request)
        return try await render(request, commune, year, notice: request.savedNotice)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let (commune, year) = try await commune(request)
        let fields = try request.content.decode([String: String].self)
        return try await request.submitting(to: Self.place(commune, year)) {
            try await service(request).save(fields, communeCode: commune.code, year: year)
        } otherwise: { refusal in
            try await render(request, commune, year, typed: fields, refusal: refusal)
        }
    }

    @Sendable func check(_ request: Request) async throws -> Response {
        let (commune, year) = try await commune(request)
        let input = try request.content.decode(CheckInput.self)
        return try await request.submitting(to: Self.place(commune, year)) {
            _ = try await service(request).check(
                household: input.household ?? "", criteriaMet: input.criteriaMet ?? "",
                mandatoryMet: input.mandatoryMet ?? "", injuryAtHome: !(input.injuryAtHome ?? "").isEmpty,
                communeCode: commune.code, year: year)
        } otherwise: { refusal in
            try await render(request, commune, year, household: input, refusal: refusal)
        }
    }

    private func render(
        _ request: Request, _ commune: Commune, _ year: Int, typed: [String: String]? = nil,
        household: CheckInput = CheckInput(), refusal: Refusal? = nil, notice: String? = nil
    ) async throws -> Response {
        let paging = Paging(request)
        let file = try await SafetyQueries.file(of: commune, year: year, checks: paging, on: request.db)
        let page = SafetyCommunePage(
            file, paging: paging, reader: try request.requirePrincipal(), language: request.language, typed: typed,
            household: household, refusal: refusal, notice: notice)
        return try await request.render(
            "safety/commune", title: UIStrings.text("safety", request.language), page,
            status: refusal?.status ?? .ok)
    }

    private func service(_ request: Request) throws -> SafetyService {
        SafetyService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
