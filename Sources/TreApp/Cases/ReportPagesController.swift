import Fluent
import Foundation
import TreDomain
import Vapor

/// The report form (Mẫu 01): any receiving point records a report, which opens a case in its commune.
struct ReportPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.cases(.newReport), access: .permission(.reportAbuse), use: showReportForm)
        routes.post(.cases(.newReport), access: .permission(.reportAbuse), use: receiveReport)
    }

    @Sendable func showReportForm(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        var form = ReportForm()
        form.communeCode = principal.jurisdiction.communeCode.map(String.init)
        form.childId = try? request.query.get(String.self, at: "child")
        return try await render(request, form: form, refusal: nil)
    }

    @Sendable func receiveReport(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode(ReportForm.self)
        var opened: ProtectionCase?
        let refused = try await request.submitting(to: .cases(.newReport)) {
            opened = try await CaseService(database: request.db, principal: principal, actor: request.auditActor())
                .open(try form.draft())
        } otherwise: { refusal in
            try await render(request, form: form, refusal: refusal)
        }
        // Refused: the form again. Saved: the case, or, forwarded to a commune the receiving point cannot
        // follow, a notice and a new report.
        guard let opened else { return refused }
        if principal.jurisdiction.contains(provinceCode: opened.provinceCode, communeCode: opened.communeCode) {
            return request.redirect(to: SiteURL.cases(.show(.value(try opened.requireID()))).path)
        }
        let commune = try await UnitQueries.commune(code: opened.communeCode, on: request.db)
        return try await render(
            request, form: ReportForm(), refusal: nil,
            notice: "\(UIStrings.text("reportForwarded", request.language)) \(commune?.name ?? "")")
    }

    private func render(_ request: Request, form: ReportForm, refusal: Refusal?, notice: String? = nil)
        async throws -> Response
    {
        let principal = try request.requirePrincipal()
        let loaded = try await CaseQueries.reportPage(form, for: principal, on: request.db)
        let page = ReportPage(form, loaded: loaded, language: request.language, error: refusal?.message)
        return try await request.render(
            "cases/report", title: UIStrings.text("newReport", request.language), page,
            status: refusal?.status ?? .ok, notice: notice)
    }
}

/// The report form's page (cases/report.leaf), built from the form as typed and what was loaded for it.
struct ReportPage: Encodable {
    /// What the report form needs from the database: the child it is about, and the communes to choose from.
    struct Loaded {
        var childName: String?
        var communes: [Choice]
    }

    var form: ReportForm
    var error: String?
    var action: String
    var channels: [Choice]
    var abuseForms: [Choice]
    var sexes: [Choice]
    var communes: [Choice]
    var childName: String?

    init(_ form: ReportForm, loaded: Loaded, language: Language, error: String?) {
        self.form = form
        self.error = error
        action = SiteURL.cases(.newReport).path
        channels = Choice.list(ReportChannel.self, selected: form.channel ?? "phone_111", language: language) {
            $0.label
        }
        abuseForms = AbuseForm.allCases.map {
            Choice(
                value: $0.rawValue, label: $0.label(language),
                selected: form.abuseForms?.contains($0.rawValue) ?? false)
        }
        sexes = Choice.sexes(selected: form.newChildSex ?? "female", language: language)
        communes = loaded.communes
        childName = loaded.childName
    }
}

extension CaseQueries {
    /// The child a report is about (from the reader's own registry view) and the communes the reader may report in.
    static func reportPage(_ form: ReportForm, for reader: Principal, on database: any Database) async throws
        -> ReportPage.Loaded
    {
        var childName: String?
        if let id = form.childId.flatMap(UUID.init(uuidString:)) {
            childName = try await ChildQueries.find(id, in: reader.jurisdiction, on: database)?.fullName
        }
        return ReportPage.Loaded(
            childName: childName,
            communes: CommuneChoices.choices(
                try await CommuneChoices.communes(for: reader, on: database),
                selected: form.communeCode.flatMap { Int($0) }))
    }
}
