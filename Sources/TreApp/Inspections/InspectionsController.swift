import Fluent
import Foundation
import TreDomain
import Vapor

/// `/inspections`: child-labour inspections of the reader's jurisdiction, paged, searchable by place or
/// commune, filtered to violations or overdue follow-ups, exportable; `/inspections/{id}`: one inspection,
/// the registered children found there (each a step from a report) and its follow-up.
struct InspectionsController {
    func register(_ routes: any RoutesBuilder) {
        let view = Access.permission(.viewCommuneWork)
        let record = Access.permission(.recordCommuneWork)
        routes.get(.communeWork(.inspections(.list)), access: view, use: list)
        routes.get(.communeWork(.inspections(.export)), access: view, use: csv)
        routes.post(.communeWork(.inspections(.list)), access: record, use: create)
        routes.get(.communeWork(.inspections(.show(.pattern))), access: view, use: show)
        routes.post(.communeWork(.inspections(.children(.pattern))), access: record, use: link)
        routes.post(.communeWork(.inspections(.followUp(.pattern))), access: record, use: done)
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

    struct LinkInput: Content { var childId: String? }
    struct DoneInput: Content { var followUpDoneOn: String? }

    private func filter(_ request: Request) -> InspectionQueries.Filter {
        InspectionQueries.Filter(RegisterFilter(request), withViolations: request.flag("violations"))
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(InspectionInput.self)
        let id = UUID()
        return try await request.submitting(to: .communeWork(.inspections(.show(.value(id))))) {
            _ = try await service(request).record(
                input.draft, communeCode: CommuneScope.code(input.communeCode), id: id)
        } otherwise: { refusal in
            try await renderList(request, input: input, refusal: refusal)
        }
    }

    private func renderList(_ request: Request, input: InspectionInput? = nil, refusal: Refusal? = nil)
        async throws -> Response
    {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let paging = Paging(request)
        let listing = try await CommuneScope.listing(
            InspectionQueries.matching(filter, in: principal.jurisdiction, on: request.db), paging, for: principal,
            on: request.db)
        let page = InspectionListPage(
            listing, filter: filter, paging: paging, reader: principal, language: request.language,
            today: VietnamDay.containing(Date()), input: input, refusal: refusal)
        return try await request.render(
            "inspections/list", title: UIStrings.text("inspections", request.language), page,
            status: refusal?.status ?? .ok)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let language = request.language
        let today = VietnamDay.containing(Date())
        return try await CommuneScope.export(
            request, fileName: "kiem-tra-lao-dong-tre-em.csv",
            header: [
                "date", "commune", "place_kind", "place_name", "violations", "children_found", "follow_up",
                "follow_up_due", "follow_up_status",
            ],
            action: "inspections.exported",
            query: { try await InspectionQueries.matching(filter, in: principal.jurisdiction, on: request.db) },
            rows: { InspectionListPage.csv($0, language: language, today: today) })
    }

    // MARK: one inspection

    private func inspection(_ request: Request) async throws -> InspectionRecord {
        try await InspectionQueries.inspection(
            request.parameters.get("inspection", as: UUID.self), for: try request.requirePrincipal(), on: request.db)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, try await inspection(request), notice: request.savedNotice)
    }

    @Sendable func link(_ request: Request) async throws -> Response {
        let record = try await inspection(request)
        let input = try request.content.decode(LinkInput.self)
        let child = input.childId.flatMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
        return try await request.submitting(to: .communeWork(.inspections(.show(.value(try record.requireID()))))) {
            try await service(request).link(child: child, to: record)
        } otherwise: { refusal in
            try await render(request, record, refusal: refusal)
        }
    }

    @Sendable func done(_ request: Request) async throws -> Response {
        let record = try await inspection(request)
        let input = try request.content.decode(DoneInput.self)
        return try await request.submitting(to: .communeWork(.inspections(.show(.value(try record.requireID()))))) {
            try await service(request).followUpDone(record, on: input.followUpDoneOn ?? "")
        } otherwise: { refusal in
            try await render(request, record, refusal: refusal)
        }
    }

    private func render(
        _ request: Request, _ record: InspectionRecord, refusal: Refusal? = nil, notice: String? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let search = (try? request.query.get(String.self, at: "child")) ?? ""
        let file = try await InspectionQueries.file(
            of: record, for: principal, search: AccessPolicy.allows(principal.role, .recordCommuneWork) ? search : "",
            on: request.db)
        let page = InspectionPage(
            file, reader: principal, language: request.language, today: VietnamDay.containing(Date()),
            refusal: refusal, notice: notice)
        return try await request.render(
            "inspections/inspection", title: UIStrings.text("inspection", request.language), page,
            status: refusal?.status ?? .ok)
    }

    private func service(_ request: Request) throws -> InspectionService {
        InspectionService(
            database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
