import Fluent
import Foundation
import TreDomain
import Vapor

/// `/inspections`: child-labour inspections of the reader's jurisdiction, paged, searchable by place or
/// commune, filtered to violations or overdue follow-ups, exportable; `/inspections/{id}`: one inspection,
/// the registered children found there (each a step from a report) and its follow-up.
struct InspectionsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("inspections", access: .permission(.viewCommuneWork), use: list)
        routes.get("inspections.csv", access: .permission(.viewCommuneWork), use: csv)
        routes.post("inspections", access: .permission(.recordCommuneWork), use: create)
        routes.get("inspections", ":inspection", access: .permission(.viewCommuneWork), use: show)
        routes.post("inspections", ":inspection", "children", access: .permission(.recordCommuneWork), use: link)
        routes.post("inspections", ":inspection", "follow-up", access: .permission(.recordCommuneWork), use: done)
    }

    struct InspectionInput: Content {
        var date: String?
        var placeKind: String?
        var placeName: String?
        var findings: String?
        var violations: String?
        var childrenFound: String?
        var followUp: String?
        var followUpDue: String?
        var communeCode: String?

        var draft: InspectionDraft {
            var draft = InspectionDraft()
            draft.date = date ?? ""
            draft.placeKind = placeKind ?? ""
            draft.placeName = placeName ?? ""
            draft.findings = findings ?? ""
            draft.violations = violations ?? ""
            draft.childrenFound = childrenFound ?? ""
            draft.followUp = followUp ?? ""
            draft.followUpDue = followUpDue ?? ""
            return draft
        }
    }

    struct InspectionRow: Encodable {
        var href: String
        var date: String
        var commune: String
        var placeKind: String
        var placeName: String
        var violations: Int
        var childrenFound: Int
        var followUp: String
        var followUpDue: String
        var followUpStatus: String
        var overdue: Bool
    }

    struct ListPage: Encodable {
        var canRecord: Bool
        var input: InspectionInput
        var kinds: [Choice]
        var year: String
        var q: String
        var overdue: Bool
        var withViolations: Bool
        var rows: [InspectionRow]
        var pager: PagerModel
        var csvHref: String
        var error: String?
    }

    private func filter(_ request: Request) -> InspectionQueries.Filter {
        InspectionQueries.Filter(
            year: (try? request.query.get(Int.self, at: "year")),
            q: VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? ""),
            overdue: request.flag("overdue"), withViolations: request.flag("violations"))
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request, input: nil, error: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(InspectionInput.self)
        do {
            let record = try await service(request).record(
                input.draft, communeCode: input.communeCode.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
            return request.redirect(to: "/inspections/\(try record.requireID().uuidString)?saved=1")
        } catch let failure as any LocalizedFailure {
            return try await renderList(
                request, input: input, error: failure.message(request.language),
                status: HTTPStatus(refusal: failure))
        }
    }

    private func renderList(_ request: Request, input: InspectionInput?, error: String?, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let language = request.language
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let paging = Paging(request)
        let (total, records) = try await InspectionQueries.matching(
            filter, in: principal.jurisdiction, on: request.db
        ).page(paging)
        let page = ListPage(
            canRecord: AccessPolicy.allows(principal.role, .recordCommuneWork), input: input ?? InspectionInput(),
            kinds: Choice.list(InspectedPlace.self, selected: input?.placeKind, language: language) { $0.label },
            year: filter.year.map(String.init) ?? "", q: filter.q, overdue: filter.overdue,
            withViolations: filter.withViolations, rows: try await rows(records, language: language, on: request.db),
            pager: PagerModel(paging, total: total, path: "/inspections", query: filter.query),
            csvHref: Paths.link("/inspections.csv", filter.query), error: error)
        return try await request.render(
            "inspections/list", title: UIStrings.text("inspections", language), page, status: status)
    }

    private func rows(_ records: [InspectionRecord], language: Language, on database: any Database) async throws
        -> [InspectionRow]
    {
        let names = try await CommuneScope.names(of: records.map(\.communeCode), on: database)
        let today = VietnamDay.containing(Date())
        return records.map { record in
            let status = record.followUpStatus(today: today)
            return InspectionRow(
                href: "/inspections/\(record.id?.uuidString ?? "")", date: VietnamTime.date(record.date),
                commune: names[record.communeCode] ?? "",
                placeKind: InspectedPlace(rawValue: record.placeKind)?.label(language) ?? record.placeKind,
                placeName: record.placeName, violations: record.violations, childrenFound: record.childrenFound,
                followUp: record.followUp, followUpDue: record.followUpDue.map(VietnamTime.date) ?? "",
                followUpStatus: status?.label(language) ?? "", overdue: status == .overdue)
        }
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let language = request.language
        return try await CSVDownload.respond(
            request, fileName: "kiem-tra-lao-dong-tre-em.csv",
            header: [
                "date", "commune", "place_kind", "place_name", "violations", "children_found", "follow_up",
                "follow_up_due", "follow_up_status",
            ],
            audit: {
                AuditEvent(
                    action: "inspections.exported", recordType: "inspection", jurisdiction: principal.jurisdiction,
                    details: "rows=\($0)")
            },
            rows: { page in
                let records = try await InspectionQueries.matching(filter, in: principal.jurisdiction, on: request.db)
                    .range(CSVDownload.rows(ofPage: page)).all()
                return try await rows(records, language: language, on: request.db).map {
                    [
                        $0.date, $0.commune, $0.placeKind, $0.placeName, String($0.violations),
                        String($0.childrenFound), $0.followUp, $0.followUpDue, $0.followUpStatus,
                    ]
                }
            })
    }

    // MARK: one inspection

    struct ChildLink: Encodable {
        var name: String
        var href: String
        var reportHref: String
    }

    struct InspectionPage: Encodable {
        var id: String
        var row: InspectionRow
        var findings: String
        var hasFollowUp: Bool
        var followUpDone: Bool
        var children: [ChildLink]
        var canRecord: Bool
        var canReport: Bool
        var error: String?
        var notice: String?
    }

    private func inspection(_ request: Request) async throws -> InspectionRecord {
        guard let id = request.parameters.get("inspection", as: UUID.self),
            let record = try await service(request).find(id)
        else { throw Abort(.notFound) }
        return record
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, try await inspection(request), error: nil, notice: request.savedNotice)
    }

    struct LinkInput: Content { var childId: String? }
    struct DoneInput: Content { var followUpDoneOn: String? }

    @Sendable func link(_ request: Request) async throws -> Response {
        let record = try await inspection(request)
        let input = try request.content.decode(LinkInput.self)
        let id = input.childId.flatMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
        return try await request.submitting(to: "/inspections/\(try record.requireID().uuidString)") {
            guard let id else { throw InjuryService.unknownChild }
            try await service(request).link(child: id, to: record)
        } otherwise: { error, status in
            try await render(request, record, error: error, status: status)
        }
    }

    @Sendable func done(_ request: Request) async throws -> Response {
        let record = try await inspection(request)
        let input = try request.content.decode(DoneInput.self)
        return try await request.submitting(to: "/inspections/\(try record.requireID().uuidString)") {
            try await service(request).followUpDone(record, on: input.followUpDoneOn ?? "")
        } otherwise: { error, status in
            try await render(request, record, error: error, status: status)
        }
    }

    private func render(
        _ request: Request, _ record: InspectionRecord, error: String?, notice: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let children = try await service(request).children(of: record)
        let page = InspectionPage(
            id: try record.requireID().uuidString,
            row: try await rows([record], language: language, on: request.db)[0], findings: record.findings,
            hasFollowUp: record.followUpDue != nil, followUpDone: record.followUpDoneOn != nil,
            children: try children.map {
                let id = try $0.requireID().uuidString
                return ChildLink(name: $0.fullName, href: "/children/\(id)", reportHref: "/reports/new?child=\(id)")
            },
            canRecord: AccessPolicy.allows(principal.role, .recordCommuneWork),
            canReport: AccessPolicy.allows(principal.role, .reportAbuse), error: error, notice: notice)
        return try await request.render(
            "inspections/inspection", title: UIStrings.text("inspection", language), page, status: status)
    }

    private func service(_ request: Request) throws -> InspectionService {
        InspectionService(
            database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
