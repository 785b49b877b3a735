import Fluent
import TreDomain
import Vapor

/// The form to register a child or correct a record: every problem marked at its field, what was
/// typed kept, and probable duplicates shown before a new record is made.
struct ChildFormPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("children", "new", access: .permission(.editChildren), use: showNew)
        routes.post("children", "new", access: .permission(.editChildren), use: create)
        routes.get("children", ":id", "edit", access: .permission(.editChildren), use: showEdit)
        routes.post("children", ":id", "edit", access: .permission(.editChildren), use: update)
    }

    struct FormPage: Encodable {
        var action: String
        var isNew: Bool
        var form: ChildForm
        var errors: [String: String]
        var sexes: [Choice]
        var ethnicities: [Choice]
        var communes: [Choice]
        var schoolStatuses: [Choice]
        var nutritionStatuses: [Choice]
        var disabilityLevels: [Choice]
        var relations0: [Choice]
        var relations1: [Choice]
        var duplicates: [ChildrenPagesController.Duplicate]
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
        do {
            let child = try await service.create(form.draft)
            return request.redirect(to: Paths.child(try child.requireID()))
        } catch let failure as any LocalizedFailure {
            return try await renderForm(request, form: form, child: nil, failure: failure)
        }
    }

    @Sendable func showEdit(_ request: Request) async throws -> Response {
        let child = try await ChildrenPagesController.find(request)
        let caregivers = try await ChildCaregivers.load(for: [child], on: request.db)[child.id ?? UUID()] ?? []
        return try await renderForm(request, form: ChildForm(child, caregivers: caregivers), child: child)
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let child = try await ChildrenPagesController.find(request)
        let form = try request.content.decode(ChildForm.self)
        do {
            try await request.children().update(child, with: form.draft)
            return request.redirect(to: Paths.child(try child.requireID()))
        } catch let failure as any LocalizedFailure {
            return try await renderForm(request, form: form, child: child, failure: failure)
        }
    }

    private func renderForm(
        _ request: Request, form: ChildForm, child: Child?, failure: (any LocalizedFailure)? = nil,
        duplicates: [Child] = [], status: HTTPStatus? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let today = ChildAge.todayInVietnam()
        var errors: [String: String] = [:]
        if let fieldErrors = failure as? FieldErrors {
            for error in fieldErrors.errors where errors[error.field] == nil {
                errors[error.field.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "].", with: "")] =
                    error.message(language)
            }
        } else if let failure {
            errors["general"] = failure.message(language)
        }
        let names = try await CommuneNames.load(duplicates.map(\.communeCode), on: request.db)
        let page = FormPage(
            action: try child.map { Paths.editChild(try $0.requireID()) } ?? Paths.newChild, isNew: child == nil,
            form: form, errors: errors, sexes: Choice.sexes(selected: form.sex, language: language),
            ethnicities: EthnicGroup.all.map {
                Choice(value: $0.code, label: $0.name, selected: $0.code == form.ethnicityCode)
            },
            communes: try await ChildrenPagesController.communeChoices(
                for: principal, selected: Int(form.communeCode ?? ""), on: request.db),
            schoolStatuses: Choice.list(SchoolStatus.self, selected: form.schoolStatus, language: language) {
                $0.label
            },
            nutritionStatuses: Choice.list(NutritionStatus.self, selected: form.nutritionStatus, language: language) {
                $0.label
            },
            disabilityLevels: Choice.list(DisabilityLevel.self, selected: form.disabilityLevel, language: language) {
                $0.label
            },
            relations0: Choice.list(CaregiverRelation.self, selected: form.caregiver0Relation, language: language) {
                $0.label
            },
            relations1: Choice.list(CaregiverRelation.self, selected: form.caregiver1Relation, language: language) {
                $0.label
            },
            duplicates: try duplicates.map {
                ChildrenPagesController.Duplicate(
                    id: try $0.requireID().uuidString, href: Paths.child(try $0.requireID()), fullName: $0.fullName,
                    age: ChildrenPagesController.ageText($0, today: today, language: language),
                    commune: names[$0.communeCode] ?? "")
            })
        let title = child?.fullName ?? UIStrings.text("newChild", language)
        let failed = failure != nil
        return try await request.render(
            "children/form", title: title, page, status: status ?? (failed ? .unprocessableEntity : .ok))
    }

}
