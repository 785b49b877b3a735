import Fluent
import Foundation
import TreDomain
import Vapor

/// The report form (Mẫu 01): any receiving point records a report, which opens a case in its commune.
struct ReportPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("reports", "new", access: .permission(.reportAbuse), use: showReportForm)
        routes.post("reports", "new", access: .permission(.reportAbuse), use: receiveReport)
    }

    struct ReportPage: Encodable {
        var form: ReportForm
        var error: String?
        var channels: [Choice]
        var abuseForms: [Choice]
        var communes: [Choice]
        var childName: String?
    }

    @Sendable func showReportForm(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        var form = ReportForm()
        form.communeCode = principal.jurisdiction.communeCode.map(String.init)
        form.childId = try? request.query.get(String.self, at: "child")
        return try await renderReport(request, form: form, error: nil)
    }

    @Sendable func receiveReport(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode(ReportForm.self)
        do {
            let opened = try await CaseService(database: request.db, principal: principal, actor: request.auditActor())
                .open(try form.draft())
            let id = try opened.requireID()
            if principal.jurisdiction.contains(provinceCode: opened.provinceCode, communeCode: opened.communeCode) {
                return request.redirect(to: Paths.case(id))
            }
            // Forwarded to a commune the receiving point cannot follow: say so, and offer a new report.
            let commune = try await UnitQueries.commune(code: opened.communeCode, on: request.db)
            return try await renderReport(
                request, form: ReportForm(), error: nil,
                notice: "\(UIStrings.text("reportForwarded", request.language)) \(commune?.name ?? "")")
        } catch let failure as any LocalizedFailure {
            return try await renderReport(
                request, form: form, error: failure.message(request.language), status: .unprocessableEntity)
        }
    }

    private func renderReport(
        _ request: Request, form: ReportForm, error: String?, status: HTTPStatus = .ok, notice: String? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        var childName: String?
        if let id = form.childId.flatMap(UUID.init(uuidString:)) {
            childName = try await ChildQueries.find(id, in: principal.jurisdiction, on: request.db)?.fullName
        }
        let page = ReportPage(
            form: form, error: error,
            channels: Choice.list(ReportChannel.self, selected: form.channel ?? "phone_111", language: language) {
                $0.label
            },
            abuseForms: AbuseForm.allCases.map {
                Choice(
                    value: $0.rawValue, label: $0.label(language),
                    selected: form.abuseForms?.contains($0.rawValue) ?? false)
            },
            communes: try await ChildrenPagesController.communeChoices(
                for: principal, selected: form.communeCode.flatMap { Int($0) }, on: request.db),
            childName: childName)
        return try await request.render(
            "cases/report", title: UIStrings.text("newReport", language), page, status: status, notice: notice)
    }

}
