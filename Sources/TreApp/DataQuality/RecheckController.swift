import Fluent
import Foundation
import TreDomain
import Vapor

/// `/rechecks`: the re-check rounds (phúc tra) of the reader's jurisdiction with their error rates, paged,
/// searchable by commune and exportable; a provincial officer draws a round there. `/rechecks/{id}`: one
/// round; its printable sample sheet; the form of each sampled record; closing the round.
struct RecheckController {
    func register(_ routes: any RoutesBuilder) {
        let view = Access.permission(.viewRechecks)
        let recheck = Access.permission(.recheck)
        routes.get(.recheck(.list), access: view, use: list)
        routes.post(.recheck(.list), access: recheck, use: draw)
        routes.get(.recheck(.export), access: view, use: csv)
        routes.get(.recheck(.show(.pattern)), access: view, use: show)
        routes.get(.recheck(.sheet(.pattern)), access: view, use: sheet)
        routes.post(.recheck(.close(.pattern)), access: recheck, use: close)
        routes.get(.recheck(.record(.pattern, child: .pattern)), access: view, use: form)
        routes.post(.recheck(.record(.pattern, child: .pattern)), access: recheck, use: record)
    }

    struct DrawInput: Content {
        var communeCode: String?
        var size: String?
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request, notice: request.savedNotice)
    }

    @Sendable func draw(_ request: Request) async throws -> Response {
        let input = try request.content.decode(DrawInput.self)
        let id = UUID()
        return try await request.submitting(to: .recheck(.show(.value(id)))) {
            _ = try await service(request).draw(
                communeCode: CommuneScope.code(input.communeCode), size: input.size ?? "", id: id)
        } otherwise: { refusal in
            try await renderList(
                request, input: .init(communeCode: input.communeCode ?? "", size: input.size ?? ""), refusal: refusal)
        }
    }

    private func renderList(
        _ request: Request, input: RecheckListPage.Input? = nil, refusal: Refusal? = nil, notice: String? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = RegisterFilter(request)
        let paging = Paging(request)
        let listing = try await CommuneScope.listing(
            RecheckQueries.matching(filter, in: principal.jurisdiction, on: request.db), paging,
            for: AccessPolicy.allows(principal.role, .recheck) ? principal : nil, on: request.db)
        let page = RecheckListPage(
            listing, filter: filter, paging: paging, reader: principal, language: request.language, input: input,
            refusal: refusal, notice: notice)
        return try await request.render(
            "data-quality/recheck-list", title: UIStrings.text("rechecks", request.language), page,
            status: refusal?.status ?? .ok)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = RegisterFilter(request)
        let language = request.language
        return try await CommuneScope.export(
            request, fileName: "phuc-tra.csv", header: RecheckListPage.csvHeader, action: "rechecks.exported",
            query: { try await RecheckQueries.matching(filter, in: principal.jurisdiction, on: request.db) },
            rows: { RecheckListPage.csv($0, language: language) })
    }

    // MARK: one round

    private func file(_ request: Request) async throws -> RecheckQueries.RoundFile {
        let principal = try request.requirePrincipal()
        let round = try await RecheckQueries.round(
            request.parameters.get("round", as: UUID.self), for: principal, on: request.db)
        return try await RecheckQueries.file(of: round, for: principal, on: request.db)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderRound(request, try await file(request), notice: request.savedNotice)
    }

    @Sendable func close(_ request: Request) async throws -> Response {
        let file = try await file(request)
        return try await request.submitting(to: .recheck(.show(.value(try file.round.requireID())))) {
            try await service(request).close(file.round)
        } otherwise: { refusal in
            try await renderRound(request, file, refusal: refusal)
        }
    }

    private func renderRound(
        _ request: Request, _ file: RecheckQueries.RoundFile, refusal: Refusal? = nil, notice: String? = nil
    ) async throws -> Response {
        let page = RecheckRoundPage(
            file, reader: try request.requirePrincipal(), language: request.language, refusal: refusal, notice: notice)
        return try await request.render(
            "data-quality/recheck-round", title: UIStrings.text("recheckRound", request.language), page,
            status: refusal?.status ?? .ok)
    }

    /// The printed sample: every sampled child's registered values are read, and each read is audited.
    @Sendable func sheet(_ request: Request) async throws -> Response {
        let file = try await file(request)
        try await RecheckQueries.recordReads(
            of: file.entries.compactMap(\.child), in: file.round, by: request.auditActor(), on: request.db)
        return try await request.render(
            "data-quality/recheck-sheet", title: UIStrings.text("recheckSheet", request.language),
            RecheckSheetPage(file, language: request.language))
    }

    // MARK: one sampled record

    @Sendable func form(_ request: Request) async throws -> Response {
        let file = try await file(request)
        let entry = try RecheckQueries.entry(request.parameters.get("child", as: UUID.self), in: file)
        return try await renderRecord(request, file, entry, notice: request.savedNotice)
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        let file = try await file(request)
        let entry = try RecheckQueries.entry(request.parameters.get("child", as: UUID.self), in: file)
        let form = try request.content.decode([String: String].self)
        let typed = (
            findings: Dictionary(
                RecheckField.allCases.map { ($0, form[$0.rawValue] ?? "") }, uniquingKeysWith: { first, _ in first }),
            notes: Dictionary(
                RecheckField.allCases.map { ($0, form[$0.rawValue + "_found"] ?? "") },
                uniquingKeysWith: { first, _ in first })
        )
        let roundID = try file.round.requireID()
        return try await request.submitting(to: .recheck(.record(.value(roundID), child: .value(entry.item.childID)))) {
            let findings = try RecheckRecordFindings.validate(findings: typed.findings, notes: typed.notes).get()
            try await service(request).record(findings, for: entry, in: file.round)
        } otherwise: { refusal in
            try await renderRecord(request, file, entry, typed: typed, refusal: refusal)
        }
    }

    /// The form shows a sampled child's registered values: the read is audited as the child's page is.
    private func renderRecord(
        _ request: Request, _ file: RecheckQueries.RoundFile, _ entry: RecheckQueries.RoundFile.Entry,
        typed: (findings: [RecheckField: String], notes: [RecheckField: String])? = nil, refusal: Refusal? = nil,
        notice: String? = nil
    ) async throws -> Response {
        try await RecheckQueries.recordReads(
            of: entry.child.map { [$0] } ?? [], in: file.round, by: request.auditActor(), on: request.db)
        let page = RecheckRecordPage(
            file, entry: entry, reader: try request.requirePrincipal(), language: request.language, typed: typed,
            refusal: refusal)
        return try await request.render(
            "data-quality/recheck-record", title: UIStrings.text("recheckRecord", request.language), page,
            status: refusal?.status ?? .ok, notice: notice)
    }

    private func service(_ request: Request) throws -> RecheckService {
        RecheckService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
