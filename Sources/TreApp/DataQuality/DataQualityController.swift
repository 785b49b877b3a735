import Fluent
import TreDomain
import Vapor

/// The data-quality pages: the unit's figures, and the commune's worklist of records to fix with its export.
struct DataQualityController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.dataQuality(.overview), access: .permission(.viewDataQuality), use: overview)
        routes.get(.dataQuality(.worklist), access: .permission(.editChildren), use: worklist)
        routes.get(.dataQuality(.worklistExport), access: .permission(.editChildren), use: export)
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let data = try await DataQualityQueries.overview(
            for: principal, now: Date(), today: ChildAge.todayInVietnam(), on: request.db)
        let language = request.language
        let lastRecheck = try await RecheckQueries.lastErrorRate(scope: principal.jurisdiction, on: request.db)
        let page = DataQualityPage(
            data, lastRecheck: lastRecheck, paging: Paging(request), role: principal.role, language: language)
        return try await request.render("data-quality/overview", title: UIStrings.text("dataQuality", language), page)
    }

    @Sendable func worklist(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = WorklistForm(request)
        let paging = Paging(request)
        let data = try await DataQualityQueries.worklist(
            for: principal, filters: form.filters, paging: paging, today: ChildAge.todayInVietnam(), on: request.db)
        let language = request.language
        let page = WorklistPage(
            data, query: form.query, problem: form.problem, communeCode: form.communeCode, paging: paging,
            role: principal.role, language: language)
        return try await request.render("data-quality/worklist", title: UIStrings.text("dqWorklist", language), page)
    }

    /// The whole worklist (as filtered) as CSV, read a page at a time; audited with its size and purpose, and
    /// over `PersonalDataExport.rowsWithoutPurpose` rows only with a stated purpose, like the register's.
    @Sendable func export(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = WorklistForm(request)
        let today = ChildAge.todayInVietnam()
        let language = request.language
        let matching = try await ChildQueries.page(
            in: principal.jurisdiction, filters: form.filters, page: 1, per: 1, today: today, on: request.db)
        if let askForPurpose = try await ExportPurposeGate.check(
            request, rowCount: matching.total, action: SiteURL.dataQuality(.worklistExport).path)
        {
            return askForPurpose
        }
        let purpose = ExportPurposeGate.purpose(request) ?? ""
        return try await CSVDownload.respond(
            request, fileName: "tre-can-bo-sung.csv", header: WorklistCSV.header,
            audit: {
                AuditEvent(
                    action: "data_quality.worklist_exported", recordType: "child",
                    jurisdiction: principal.jurisdiction,
                    details: purpose.isEmpty ? "rows=\($0)" : "rows=\($0) purpose=\(purpose)")
            },
            rows: { page in
                let batch = try await DataQualityQueries.worklistPage(
                    in: principal.jurisdiction, filters: form.filters, page: page, per: CSVDownload.pageSize,
                    today: today, on: request.db)
                let caregivers = try await ChildCaregivers.load(for: batch.entries.map(\.child), on: request.db)
                return batch.entries.map {
                    WorklistCSV.row($0, caregivers: caregivers[$0.child.id ?? UUID()] ?? [], language: language)
                }
            })
    }
}

/// The worklist's filters as typed: a name, a problem, a commune (for a province officer).
struct WorklistForm {
    var search: String
    var problem: DataQualityProblem?
    var communeCode: Int?

    init(_ request: Request) {
        search = (try? request.query.get(String.self, at: "q")) ?? ""
        problem = (try? request.query.get(String.self, at: "problem")).flatMap(DataQualityProblem.init(rawValue:))
        communeCode = try? request.query.get(Int.self, at: "communeCode")
    }

    var filters: ChildFilters {
        DataQualityQueries.filters(search: search, communeCode: communeCode, problem: problem)
    }

    /// What the pager and the export link keep.
    var query: [String: String] {
        var query: [String: String] = [:]
        if !search.isEmpty { query["q"] = search }
        if let problem { query["problem"] = problem.rawValue }
        if let communeCode { query["communeCode"] = String(communeCode) }
        return query
    }
}
