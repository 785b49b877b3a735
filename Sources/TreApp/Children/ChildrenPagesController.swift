import Fluent
import TreDomain
import Vapor

/// The registry's pages: the list (search, filters, paging, export) and a child's record with its
/// history. The form to register or correct a record is `ChildFormPagesController`.
struct ChildrenPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.children(.list), access: .permission(.viewChildren), use: list)
        routes.get(.children(.export), access: .permission(.exportChildren), use: export)
        routes.get(.children(.policeList), access: .permission(.exportChildren), use: ChildPoliceList.download)
        routes.get(.children(.show(.pattern)), access: .permission(.viewChildren), use: show)
        routes.post(.children(.merge(.pattern)), access: .permission(.editChildren), use: merge)
    }

    // MARK: List and export

    @Sendable func list(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let (paging, filters, today) = (Paging(request), ChildFilters(request), ChildAge.todayInVietnam())
        let data = try await ChildQueries.listData(
            for: principal, filters: filters, paging: paging, today: today, on: request.db)
        let language = request.language
        let page = ChildListPage(
            data, filters: filters, query: filterQuery(request), paging: paging, role: principal.role,
            language: language, today: today)
        let imported = (try? request.query.get(Int.self, at: "imported")).map {
            "\(UIStrings.text("imported", language)) \($0)"
        }
        return try await request.render(
            "children/list", title: UIStrings.text("children", language), page, notice: imported)
    }

    /// Every child matching the filters, as CSV; over `PersonalDataExport.rowsWithoutPurpose` rows only with a
    /// stated purpose. The export itself is audited, with its size and purpose.
    @Sendable func export(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let today = ChildAge.todayInVietnam()
        let filters = ChildFilters(request)
        let matching = try await ChildQueries.page(
            in: principal.jurisdiction, filters: filters, page: 1, per: 1, today: today, on: request.db)
        if let askForPurpose = try await ExportPurposeGate.check(
            request, rowCount: matching.total, action: SiteURL.children(.export).path)
        {
            return askForPurpose
        }
        let purpose = ExportPurposeGate.purpose(request) ?? ""
        return try await CSVDownload.respond(
            request, fileName: "tre-tre-em.csv", header: ChildCSV.header,
            audit: {
                AuditEvent(
                    action: "children.exported", recordType: "child", jurisdiction: principal.jurisdiction,
                    details: purpose.isEmpty ? "rows=\($0)" : "rows=\($0) purpose=\(purpose)")
            },
            rows: { page in
                let batch = try await ChildQueries.page(
                    in: principal.jurisdiction, filters: filters, page: page, per: CSVDownload.pageSize, today: today,
                    on: request.db)
                let caregivers = try await ChildCaregivers.load(for: batch.items, on: request.db)
                return batch.items.map { ChildCSV.row($0, caregivers: caregivers[$0.id ?? UUID()] ?? []) }
            })
    }

    // MARK: Record

    @Sendable func show(_ request: Request) async throws -> Response {
        let child = try await request.requestedChild()
        try await request.children().recordView(of: child)
        let merged = (try? request.query.get(String.self, at: "merged")) != nil
        return try await Self.renderDetail(
            request, child: child, notice: merged ? UIStrings.text("mergedNotice", request.language) : nil)
    }

    /// A child's page; also shown again, with the problem, when one of its forms was refused.
    static func renderDetail(
        _ request: Request, child: Child, circumstanceForm: CircumstanceSection.CircumstanceValues = .init(),
        supportForm: CircumstanceSection.SupportValues = .init(), refusal: Refusal? = nil, notice: String? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let file = try await ChildQueries.recordFile(of: child, service: try request.children(), on: request.db)
        let page = ChildRecordPage(
            file, role: principal.role, language: request.language, today: ChildAge.todayInVietnam(),
            circumstanceForm: circumstanceForm, supportForm: supportForm, error: refusal?.message)
        return try await request.render(
            "children/detail", title: child.fullName, page, status: refusal?.status ?? .ok, notice: notice)
    }

    @Sendable func merge(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let duplicate = try await request.requestedChild()
        struct MergeForm: Content { var into: UUID }
        let form = try request.content.decode(MergeForm.self)
        guard let kept = try await ChildQueries.find(form.into, in: principal.jurisdiction, on: request.db) else {
            throw TreError.notFound
        }
        try await request.children().merge(duplicate, into: kept)
        return request.redirect(to: SiteURL.children(.show(.value(try kept.requireID()))).path + "?merged=1")
    }

    // MARK: Helpers

    private func filterQuery(_ request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for key in ["q", "communeCode", "sex", "ageBand", "status", "group"] {
            if let value = try? request.query.get(String.self, at: key), !value.isEmpty { query[key] = value }
        }
        return query
    }
}

/// Names of communes by code, for a page of rows.
enum CommuneNames {
    static func load(_ codes: [Int], on database: any Database) async throws -> [Int: String] {
        let unique = Array(Set(codes))
        guard !unique.isEmpty else { return [:] }
        let communes = try await Commune.query(on: database).filter(\.$code ~~ unique).filter(\.$validTo == nil).all()
        return Dictionary(communes.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
