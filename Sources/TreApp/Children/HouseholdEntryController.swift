import Fluent
import TreDomain
import Vapor

/// Entering a household from the paper household book: the household's place and caregivers once, then a
/// line per child; all the children saved together or none (`ChildService.createHousehold`). Saved, the form
/// comes back empty for the next household, with the children just made listed as links.
struct HouseholdEntryController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.children(.household), access: .permission(.editChildren), use: show)
        routes.post(.children(.household), access: .permission(.editChildren), use: save)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        var form = HouseholdForm()
        form.communeCode = principal.jurisdiction.communeCode.map(String.init) ?? ""
        let saved = try await ChildQueries.justSaved(
            HouseholdEntryController.savedIDs(request), for: principal, on: request.db)
        return try await render(request, form: form, saved: saved)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        var form = HouseholdForm(fields: try request.content.decode([String: String].self))
        if form.addLinesPressed {
            form.addLines()
            return try await render(request, form: form)
        }
        let household = form.draft
        let service = try request.children()
        let drafts = household.drafts
        // Probable duplicates of each line not yet confirmed as another child, by the line's place in the form
        // (looked for only in a household of a size that can be saved).
        var duplicates: [Int: [Child]] = [:]
        if (try? household.check()) != nil {
            for (draft, index) in zip(drafts, household.writtenLines) where !form.lines[index].confirmNew {
                let found = try await service.probableDuplicates(of: draft)
                if !found.isEmpty { duplicates[index] = found }
            }
        }
        return try await request.submitting(
            link: {
                try household.check()
                guard duplicates.isEmpty else {
                    // Every other problem is shown with the duplicates, so one more round is enough.
                    try await service.checkHousehold(drafts)
                    throw ChildRegistryError.probableDuplicate(count: duplicates.values.map(\.count).reduce(0, +))
                }
                let children = try await service.createHousehold(drafts)
                let ids = children.compactMap { $0.id?.uuidString }.joined(separator: ",")
                return SiteURL.children(.household).link(["saved": ids])
            },
            otherwise: { try await render(request, form: form, refusal: $0, duplicates: duplicates) })
    }

    private func render(
        _ request: Request, form: HouseholdForm, refusal: Refusal? = nil, duplicates: [Int: [Child]] = [:],
        saved: [Child] = []
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let shown = duplicates.values.flatMap { $0 }
        let page = HouseholdPage(
            form: form, communes: try await CommuneChoices.communes(for: principal, on: request.db),
            refusal: refusal, duplicates: duplicates,
            duplicateCommunes: try await CommuneNames.load(shown.map(\.communeCode), on: request.db), saved: saved,
            language: language, today: ChildAge.todayInVietnam())
        return try await request.render(
            "children/household", title: UIStrings.text("householdEntry", language), page,
            status: refusal?.status ?? .ok,
            notice: saved.isEmpty ? nil : "\(UIStrings.text("householdSaved", language)) \(saved.count)")
    }

    /// The children named by `?saved=` after a household was entered, at most a household's worth.
    static func savedIDs(_ request: Request) -> [UUID] {
        let text = (try? request.query.get(String.self, at: "saved")) ?? ""
        return text.split(separator: ",").prefix(HouseholdDraft.maximumChildren).compactMap {
            UUID(uuidString: String($0))
        }
    }
}

extension ChildQueries {
    /// The children a household entry just made, in the order they were entered, as far as the reader may see
    /// them (a link passed on to someone else shows them nothing of another commune).
    static func justSaved(_ ids: [UUID], for principal: Principal, on database: any Database) async throws -> [Child] {
        guard !ids.isEmpty else { return [] }
        let found = try await scoped(to: principal.jurisdiction, on: database).filter(\.$id ~~ ids).all()
        return ids.compactMap { id in found.first { $0.id == id } }
    }
}
