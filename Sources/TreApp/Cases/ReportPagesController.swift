import Fluent
import Foundation
import TreDomain
import Vapor

/// The report form (Mẫu 01): any receiving point records a report, which opens a case in its commune. A
/// counsellor opens it from a hotline contact (`?contact=`): the call's channel, time, caller and province
/// carry over, and the case and the contact then name each other.
struct ReportPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.cases(.newReport), access: .permission(.reportAbuse), use: showReportForm)
        routes.post(.cases(.newReport), access: .permission(.reportAbuse), use: receiveReport)
    }

    @Sendable func showReportForm(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        var form = ReportForm()
        form.communeCode = principal.jurisdiction.communeCode.map(String.init)
        form.communeProvince = principal.jurisdiction.provinceCode.map(String.init)
        form.childId = try? request.query.get(String.self, at: "child")
        if let contact = try? request.query.get(String.self, at: "contact") {
            form.contactId = contact
            form.abuserIsCarer = nil
        }
        return try await render(request, form: form, refusal: nil)
    }

    @Sendable func receiveReport(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode(ReportForm.self)
        // "Find" (a commune, a child) is a step of filling the form: it comes back with the matches, every
        // field as typed, nothing saved.
        if form.isSearchStep { return try await render(request, form: form, refusal: nil) }
        let service = CaseService(database: request.db, principal: principal, actor: request.auditActor())
        let today = VietnamDay.containing(Date())
        var opened: ProtectionCase?
        let refused = try await request.submitting(to: .cases(.newReport)) {
            if let contactID = form.contactID {
                let contact = try await CaseQueries.contact(contactID, for: principal, on: request.db)
                opened = try await ContactService(
                    database: request.db, principal: principal, actor: request.auditActor()
                ).openReport(from: contact, try form.draft(today: today))
            } else {
                opened = try await service.open(try form.draft(today: today))
            }
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
        let loaded = try await CaseQueries.reportPage(form, for: principal, language: request.language, on: request.db)
        let page = ReportPage(form, loaded: loaded, language: request.language, refusal: refusal)
        return try await request.render(
            "cases/report", title: UIStrings.text("newReport", request.language), page,
            status: refusal?.status ?? .ok, notice: notice)
    }
}

/// The report form's page (cases/report.leaf), built from the form as typed and what was loaded for it.
struct ReportPage: Encodable {
    /// What the report form needs from the database.
    struct Loaded {
        /// The registered child chosen, by name.
        var child: ChildMatch?
        /// Registered children whose names match the search typed, in the reader's registry.
        var childMatches: [ChildMatch] = []
        var chooser: CommuneChooser
        /// The call the report is made from, as the counsellor sees it.
        var contact: [HotlineFact] = []
    }

    struct ChildMatch: Encodable {
        var id: String
        var label: String
    }

    var form: ReportForm
    var error: String?
    /// Each refused field's problem, shown beside the field.
    var errors: [String: String]
    var action: String
    var channels: [Choice]
    var abuseForms: [Choice]
    var sexes: [Choice]
    var chooser: CommuneChooser
    var child: ChildMatch?
    var childMatches: [ChildMatch]
    var childSearched: Bool
    var contact: [HotlineFact]
    /// The reporter's fields are the contact's when the report comes from a call.
    var fromContact: Bool

    init(_ form: ReportForm, loaded: Loaded, language: Language, refusal: Refusal?) {
        self.form = form
        error = refusal?.message
        // A new child's record refused: its fields are named as the registry names them.
        let childFields = [
            "fullName": "newChildName", "sex": "newChildSex", "dateOfBirth": "newChildBirth",
            "estimatedBirthYear": "newChildBirth",
        ]
        errors = Dictionary(
            (refusal?.fields ?? [:]).map { (childFields[$0.key] ?? $0.key, $0.value) },
            uniquingKeysWith: { first, _ in first })
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
        chooser = loaded.chooser
        child = loaded.child
        childMatches = loaded.childMatches.filter { $0.id != loaded.child?.id }
        childSearched = !(form.childQuery ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        contact = loaded.contact
        fromContact = !loaded.contact.isEmpty
    }
}

extension CaseQueries {
    /// What the report form shows besides what was typed: the chosen child and the children matching the
    /// search (from the reader's own registry view), the commune chooser, and the call it comes from.
    static func reportPage(
        _ form: ReportForm, for reader: Principal, language: Language, on database: any Database
    ) async throws -> ReportPage.Loaded {
        var commune = form.commune
        var contactFacts: [HotlineFact] = []
        if let id = form.contactID {
            let contact = try await contact(id, for: reader, on: database)
            contactFacts = ContactPage.facts(
                of: contact, topics: try await ContactTopicRecord.query(on: database).all(), language: language)
            // The province the counsellor typed on the call narrows the communes, until another is chosen.
            if commune.provinceCode == nil, form.communeProvince == nil { commune.provinceCode = contact.provinceCode }
        }
        let chooser = try await commune.load(
            provinces: try await UnitQueries.provincesInForce(on: database), language: language, on: database)
        var child: ReportPage.ChildMatch?
        if let id = form.childId.flatMap(UUID.init(uuidString:)),
            let found = try await ChildQueries.find(id, in: reader.jurisdiction, on: database)
        {
            child = ReportPage.ChildMatch(id: id.uuidString, label: found.fullName)
        }
        var matches: [ReportPage.ChildMatch] = []
        let typed = NameSearch(form.childQuery ?? "")
        if !typed.tokens.isEmpty {
            let today = VietnamDay.containing(Date())
            var filters = ChildFilters()
            filters.search = typed
            filters.status = .all
            let page = try await ChildQueries.page(
                in: reader.jurisdiction, filters: filters, page: 1, per: 10,
                today: (today.year, today.month, today.day), on: database)
            let communes = try await CommuneNames.load(page.items.map(\.communeCode), on: database)
            matches = page.items.compactMap { found in
                found.id.map {
                    ReportPage.ChildMatch(
                        id: $0.uuidString,
                        label: [found.fullName, String(found.birthYear), communes[found.communeCode] ?? ""]
                            .filter { !$0.isEmpty }.joined(separator: " · "))
                }
            }
        }
        return ReportPage.Loaded(child: child, childMatches: matches, chooser: chooser, contact: contactFacts)
    }

    /// A hotline contact a report is made from: only for who logs contacts (the hotline's counsellors).
    static func contact(_ id: UUID, for reader: Principal, on database: any Database) async throws
        -> HotlineContact
    {
        guard AccessPolicy.allows(reader.role, .logContacts) else { throw TreError.notFound }
        return try await HotlineQueries.contact(id, on: database)
    }
}
