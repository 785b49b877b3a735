import Fluent
import Foundation
import TreDomain
import Vapor

/// `/safety`: safe homes, schools and communities of each commune of the reader's jurisdiction in a year,
/// paged, searchable by commune, exportable; `/safety/{commune}/{year}`: the commune's counts and its
/// household "safe home" checks.
struct SafetyController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("safety", access: .permission(.viewCommuneWork), use: list)
        routes.get("safety.csv", access: .permission(.viewCommuneWork), use: csv)
        routes.get("safety", ":commune", ":year", access: .permission(.viewCommuneWork), use: show)
        routes.post("safety", ":commune", ":year", access: .permission(.recordCommuneWork), use: save)
        routes.post("safety", ":commune", ":year", "homes", access: .permission(.recordCommuneWork), use: check)
    }

    struct CommuneRow: Encodable {
        var name: String
        var href: String
        var homes: String
        var schools: String
        var communities: String
    }

    struct ListPage: Encodable {
        var year: Int
        var q: String
        var rows: [CommuneRow]
        var pager: PagerModel
        var csvHref: String
    }

    private func year(_ request: Request) -> Int {
        (try? request.query.get(Int.self, at: "year")) ?? ChildAge.todayInVietnam().year
    }

    static func share(_ safe: Int, of all: Int) -> String { all == 0 ? "—" : "\(safe)/\(all)" }

    @Sendable func list(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let year = year(request)
        let q = VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? "")
        let paging = Paging(request)
        let (total, communes) = try await CommuneScope.communesInForce(in: principal.jurisdiction, q: q, on: request.db)
            .page(paging)
        let query = ["year": String(year), "q": q].filter { !$0.value.isEmpty }
        let page = ListPage(
            year: year, q: q, rows: try await rows(communes, year: year, on: request.db),
            pager: PagerModel(paging, total: total, path: "/safety", query: query),
            csvHref: Paths.link("/safety.csv", query))
        return try await request.render("safety/list", title: UIStrings.text("safety", request.language), page)
    }

    private func rows(_ communes: [Commune], year: Int, on database: any Database) async throws -> [CommuneRow] {
        let found = try await SafetyCountsRecord.query(on: database).filter(\.$communeCode ~~ communes.map(\.code))
            .filter(\.$year == year).all()
        let byCommune = Dictionary(found.map { ($0.communeCode, $0.counts) }, uniquingKeysWith: { first, _ in first })
        return communes.map { commune in
            let counts = byCommune[commune.code] ?? SafetyCounts()
            return CommuneRow(
                name: commune.name, href: "/safety/\(commune.code)/\(year)",
                homes: Self.share(counts.safeHomes, of: counts.homesAssessed),
                schools: Self.share(counts.safeSchools, of: counts.schools),
                communities: Self.share(counts.safeCommunities, of: counts.communities))
        }
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let year = year(request)
        let q = VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? "")
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
                let communes = try await CommuneScope.communesInForce(in: principal.jurisdiction, q: q, on: request.db)
                    .range(CSVDownload.rows(ofPage: page)).all()
                let found = try await SafetyCountsRecord.query(on: request.db)
                    .filter(\.$communeCode ~~ communes.map(\.code)).filter(\.$year == year).all()
                let byCommune = Dictionary(
                    found.map { ($0.communeCode, $0.counts) }, uniquingKeysWith: { first, _ in first })
                return communes.map { commune in
                    let c = byCommune[commune.code] ?? SafetyCounts()
                    return [String(commune.code), commune.name, String(year)]
                        + [c.homesAssessed, c.safeHomes, c.schools, c.safeSchools, c.communities, c.safeCommunities]
                        .map(String.init)
                }
            })
    }

    // MARK: one commune

    struct CheckRow: Encodable {
        var household: String
        var criteriaMet: Int
        var mandatoryMet: Int
        var injuryAtHome: Bool
        var safe: Bool
        var shortfalls: [String]
    }

    struct CommunePage: Encodable {
        var commune: String
        var code: Int
        var year: Int
        var counts: [String: String]
        var homesFromChecks: Bool
        var checks: [CheckRow]
        var checksPager: PagerModel
        /// The household form as typed, given back when it was refused.
        var household: CheckInput
        var canRecord: Bool
        var rule: String
        var error: String?
        var notice: String?
    }

    private func commune(_ request: Request) async throws -> (Commune, Int) {
        guard let code = request.parameters.get("commune", as: Int.self),
            let year = request.parameters.get("year", as: Int.self), (2000...2100).contains(year),
            let commune = try await UnitQueries.commune(code: code, on: request.db),
            try request.requirePrincipal().jurisdiction.contains(
                provinceCode: commune.provinceCode, communeCode: commune.code)
        else { throw Abort(.notFound) }
        return (commune, year)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let (commune, year) = try await commune(request)
        return try await render(request, commune, year, typed: nil, error: nil, notice: request.savedNotice)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let (commune, year) = try await commune(request)
        let fields = try request.content.decode([String: String].self)
        return try await request.submitting(to: "/safety/\(commune.code)/\(year)") {
            try await service(request).save(fields, communeCode: commune.code, year: year)
        } otherwise: { error, status in
            try await render(request, commune, year, typed: fields, error: error, status: status)
        }
    }

    struct CheckInput: Content {
        var household: String?
        var criteriaMet: String?
        var mandatoryMet: String?
        var injuryAtHome: String?
    }

    @Sendable func check(_ request: Request) async throws -> Response {
        let (commune, year) = try await commune(request)
        let input = try request.content.decode(CheckInput.self)
        return try await request.submitting(to: "/safety/\(commune.code)/\(year)") {
            _ = try await service(request).check(
                household: input.household ?? "", criteriaMet: input.criteriaMet ?? "",
                mandatoryMet: input.mandatoryMet ?? "", injuryAtHome: !(input.injuryAtHome ?? "").isEmpty,
                communeCode: commune.code, year: year)
        } otherwise: { error, status in
            try await render(request, commune, year, typed: nil, household: input, error: error, status: status)
        }
    }

    private func render(
        _ request: Request, _ commune: Commune, _ year: Int, typed: [String: String]?,
        household: CheckInput = CheckInput(), error: String?, notice: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = request.language
        let principal = try request.requirePrincipal()
        let service = try service(request)
        let saved = try await service.counts(communeCode: commune.code, year: year)?.counts ?? SafetyCounts()
        let paging = Paging(request)
        let (checked, checks) = try await SafetyService.checks(communeCode: commune.code, year: year, on: request.db)
            .page(paging)
        let stored: [String: String] = [
            "homesAssessed": String(saved.homesAssessed), "safeHomes": String(saved.safeHomes),
            "schools": String(saved.schools), "safeSchools": String(saved.safeSchools),
            "communities": String(saved.communities), "safeCommunities": String(saved.safeCommunities),
        ]
        let page = CommunePage(
            commune: commune.name, code: commune.code, year: year,
            counts: stored.merging(typed ?? [:]) { _, typed in typed }, homesFromChecks: checked > 0,
            checks: checks.map {
                CheckRow(
                    household: $0.household, criteriaMet: $0.criteriaMet, mandatoryMet: $0.mandatoryMet,
                    injuryAtHome: $0.injuryAtHome, safe: $0.safe, shortfalls: $0.check.shortfalls.map { $0(language) })
            },
            checksPager: PagerModel(paging, total: checked, path: "/safety/\(commune.code)/\(year)", query: [:]),
            household: household,
            canRecord: AccessPolicy.allows(principal.role, .recordCommuneWork)
                && principal.jurisdiction.level != .nation,
            rule: SafeHomeCheck.ruleText(language), error: error, notice: notice)
        return try await request.render(
            "safety/commune", title: UIStrings.text("safety", language), page, status: status)
    }

    private func service(_ request: Request) throws -> SafetyService {
        SafetyService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
