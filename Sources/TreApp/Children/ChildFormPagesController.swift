import Fluent
import TreDomain
import Vapor

/// The form to register a child or correct a record: every problem marked at its field, what was
/// typed kept, and probable duplicates shown before a new record is made.
struct ChildFormPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.children(.new), access: .permission(.editChildren), use: showNew)
        routes.post(.children(.new), access: .permission(.editChildren), use: create)
        routes.get(.children(.edit(.pattern)), access: .permission(.editChildren), use: showEdit)
        routes.post(.children(.edit(.pattern)), access: .permission(.editChildren), use: update)
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        var form = ChildForm()
        form.communeCode = principal.jurisdiction.communeCode.map(String.init)
        return try await renderForm(request, form: form, child: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(ChildForm.self)
        let service = try request.children()
        if form.confirmNew == nil {
            let candidates = try await service.probableDuplicates(of: form.draft)
            if !candidates.isEmpty {
                return try await renderForm(request, form: form, child: nil, duplicates: candidates, status: .conflict)
            }
        }
        return try await request.submitting(
            { .children(.show(.value(try await service.create(form.draft).requireID()))) },
            otherwise: { try await renderForm(request, form: form, child: nil, refusal: $0) })
    }

    @Sendable func showEdit(_ request: Request) async throws -> Response {
        let child = try await request.requestedChild()
        let caregivers = try await ChildCaregivers.load(for: [child], on: request.db)[child.id ?? UUID()] ?? []
        return try await renderForm(request, form: ChildForm(child, caregivers: caregivers), child: child)
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let child = try await request.requestedChild()
        let form = try request.content.decode(ChildForm.self)
        return try await request.submitting(
            {
                try await request.children().update(child, with: form.draft)
                return .children(.show(.value(try child.requireID())))
            }, otherwise: { try await renderForm(request, form: form, child: child, refusal: $0) })
    }

    private func renderForm(
        _ request: Request, form: ChildForm, child: Child?, refusal: Refusal? = nil, duplicates: [Child] = [],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let page = ChildFormPage(
            form: form, child: child, communes: try await CommuneChoices.communes(for: principal, on: request.db),
            duplicates: duplicates,
            duplicateCommunes: try await CommuneNames.load(duplicates.map(\.communeCode), on: request.db),
            refusal: refusal, language: language, today: ChildAge.todayInVietnam())
        return try await request.render(
            "children/form", title: child?.fullName ?? UIStrings.text("newChild", language), page,
            status: refusal?.status ?? status)
    }
}
