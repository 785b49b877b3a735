import Fluent
import Foundation
import TreDomain
import Vapor

/// `/child-friendly`: the communes of the reader's jurisdiction with their child-friendly assessment of a
/// year and the share recognised against the national targets; each commune's self-assessment form,
/// the chairperson's submission and the province's appraisal.
struct ChildFriendlyController {
    /// National targets for the share of child-friendly communes (programme 2021–2030).
    static let targets = [(year: 2025, share: 65), (year: 2030, share: 75)]

    func register(_ routes: any RoutesBuilder) {
        let view = Access.permission(.viewChildFriendly)
        let assess = Access.permission(.assessChildFriendly)
        routes.get(.childFriendly(.list), access: view, use: list)
        routes.get(.childFriendly(.export), access: view, use: csv)
        routes.get(.childFriendly(.assessment(.pattern, year: .pattern)), access: view, use: show)
        routes.post(.childFriendly(.assessment(.pattern, year: .pattern)), access: assess, use: save)
        routes.post(
            .childFriendly(.appraisal(.pattern, year: .pattern)), access: .permission(.appraiseChildFriendly),
            use: appraise)
        routes.post(.childFriendly(.evidence(.pattern, year: .pattern)), access: assess, use: attachEvidence)
        routes.get(
            .childFriendly(.evidenceFile(.pattern, year: .pattern, file: .pattern)), access: view,
            use: downloadEvidence)
        routes.post(
            .childFriendly(.removeEvidence(.pattern, year: .pattern, file: .pattern)), access: assess,
            use: removeEvidence)
    }

    // MARK: the list

    struct CommuneRow: Encodable {
        var code: Int
        var name: String
        var href: String
        var status: String
        var recognised: Bool
        var total: String
    }

    struct ListPage: Encodable {
        var year: Int
        var q: String
        var rows: [CommuneRow]
        var pager: PagerModel
        var recognised: Int
        var communes: Int
        var share: String
        var targets: [String]
        var csvHref: String
        var action = SiteURL.childFriendly(.list).path
        var criteriaHref = SiteURL.childFriendly(.criteria).path
    }

    private func year(_ request: Request) -> Int {
        (try? request.query.get(Int.self, at: "year")) ?? ChildAge.todayInVietnam().year
    }

    private func communes(_ request: Request, q: String) throws -> QueryBuilder<Commune> {
        CommuneScope.communesInForce(in: try request.requirePrincipal().jurisdiction, q: q, on: request.db)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let language = request.language
        let year = year(request)
        let q = VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? "")
        let paging = Paging(request)
        let (total, page) = try await communes(request, q: q).page(paging)
        let assessments = try await assessments(of: page.map(\.code), year: year, on: request.db)
        let (recognised, communes) = try await share(request, year: year)
        let query = ["year": String(year), "q": q].filter { !$0.value.isEmpty }
        let model = ListPage(
            year: year, q: q,
            rows: page.map { row(commune: $0, assessment: assessments[$0.code], year: year, language: language) },
            pager: PagerModel(paging, total: total, path: SiteURL.childFriendly(.list).path, query: query),
            recognised: recognised, communes: communes,
            share: communes == 0
                ? "—"
                : IndicatorNumberFormat.decimal(Double(recognised) * 100 / Double(communes), language: language) + "%",
            targets: Self.targets.map { "\($0.year): \($0.share)%" },
            csvHref: SiteURL.childFriendly(.export).link(["year": String(year)]))
        return try await request.render(
            "child-friendly/list", title: UIStrings.text("childFriendlyCommunes", language), model)
    }

    private func row(commune: Commune, assessment: FriendlyAssessmentRecord?, year: Int, language: Language)
        -> CommuneRow
    {
        let status = assessment?.assessmentStatus
        return CommuneRow(
            code: commune.code, name: commune.name, href: SiteURL.childFriendly(.assessment(.value(commune.code), year: .value(year))).path,
            status: status?.label(language) ?? UIStrings.text("notStarted", language),
            recognised: status == .recognised, total: assessment.map { String($0.total) } ?? "")
    }

    private func assessments(of codes: [Int], year: Int, on database: any Database) async throws
        -> [Int: FriendlyAssessmentRecord]
    {
        guard !codes.isEmpty else { return [:] }
        let found = try await FriendlyAssessmentRecord.query(on: database).filter(\.$communeCode ~~ codes)
            .filter(\.$year == year).all()
        return Dictionary(found.map { ($0.communeCode, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Communes recognised in the year (or in force from an earlier recognition) over all communes in force.
    private func share(_ request: Request, year: Int) async throws -> (recognised: Int, communes: Int) {
        let principal = try request.requirePrincipal()
        let communes = try await self.communes(request, q: "").count()
        let recognised = FriendlyAssessmentRecord.query(on: request.db)
            .filter(\.$status == AssessmentStatus.recognised.rawValue).filter(\.$year <= year)
            .within(principal.jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
        let distinct = Set(try await recognised.all(\.$communeCode))
        return (distinct.count, communes)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let year = year(request)
        return try await CSVDownload.respond(
            request, fileName: "xa-phuong-phu-hop-voi-tre-em-\(year).csv",
            header: ["commune_code", "commune", "year", "status", "total"],
            audit: {
                AuditEvent(
                    action: "child_friendly.exported", recordType: "friendly_assessment",
                    jurisdiction: principal.jurisdiction, details: "rows=\($0)")
            },
            rows: { page in
                let communes = try await self.communes(request, q: "")
                    .range(CSVDownload.rows(ofPage: page)).all()
                let found = try await assessments(of: communes.map(\.code), year: year, on: request.db)
                return communes.map {
                    let row = row(commune: $0, assessment: found[$0.code], year: year, language: language)
                    return [String(row.code), row.name, String(year), row.status, row.total]
                }
            })
    }

    // MARK: one commune's assessment

    struct ItemRow: Encodable {
        var number: Int
        var files: [EvidenceLink] = []
        var title: String
        var maxPoints: Int
        var weightConfirmed: Bool
        var computedFigure: String?
        var computedHow: String?
        var reportedFigure: String
        var overrideReason: String
        var points: String
        var metYes: Bool
        var metNo: Bool
        var evidenceNote: String
        var appraisedPoints: String
        var appraisedMetYes: Bool
        var appraisedMetNo: Bool
        var appraisalComment: String
    }

    struct HistoryRow: Encodable {
        var at: String
        var who: String
        var status: String
        var comment: String
    }

    struct AssessmentPage: Encodable {
        var commune: String
        var communeCode: Int
        var year: Int
        var setTitle: String
        var cycle: String
        var status: String
        var statusCode: String
        var categories: [Choice]
        var items: [ItemRow]
        var total: Int
        var threshold: Int
        var maxTotal: Int
        var shortfalls: [String]
        var canEdit: Bool
        var canSubmit: Bool
        var canAppraise: Bool
        var decision: String?
        var history: [HistoryRow]
        var saveAction: String
        var evidenceAction: String
        var appraisalAction: String
        var error: String?
        var notice: String?
    }

    func service(_ request: Request) throws -> ChildFriendlyService {
        ChildFriendlyService(
            database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }

    func place(_ request: Request) throws -> (commune: Int, year: Int) {
        guard let commune = request.parameters.get("commune", as: Int.self),
            let year = request.parameters.get("year", as: Int.self), (2000...2100).contains(year)
        else { throw TreError.notFound }
        return (commune, year)
    }

    /// What the page says after a form was saved: the browser is sent back with `done` naming it.
    enum Done: String {
        case saved, submitted, appraised, attached, removed

        var key: String {
            switch self {
            case .saved: "assessmentSaved"
            case .submitted: "assessmentSubmitted"
            case .appraised: "appraisalSaved"
            case .attached: "evidenceAttached"
            case .removed: "evidenceRemoved"
            }
        }
    }

    static func place(_ commune: Int, _ year: Int) -> SiteURL {
        .childFriendly(.assessment(.value(commune), year: .value(year)))
    }

    /// Sends the browser back to the assessment once `action` is done, saying what was done; a refusal shows
    /// the assessment again with what was typed.
    func submitting(
        _ request: Request, commune: Int, year: Int, done: Done, typed: [String: String]? = nil,
        _ action: () async throws -> Void
    ) async throws -> Response {
        try await request.submitting(to: Self.place(commune, year), query: ["done": done.rawValue], action) {
            refusal in
            try await render(
                request, commune: commune, year: year, typed: typed, error: refusal.message, notice: nil,
                status: refusal.status)
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let (commune, year) = try place(request)
        let done = (try? request.query.get(String.self, at: "done")).flatMap(Done.init(rawValue:))
        return try await render(
            request, commune: commune, year: year, typed: nil, error: nil,
            notice: done.map { UIStrings.text($0.key, request.language) })
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let (commune, year) = try place(request)
        let form = try request.content.decode([String: String].self)
        var entries: [Int: AssessmentEntry] = [:]
        for number in 1...99 where form["points_\(number)"] != nil || form["met_\(number)"] != nil {
            entries[number] = AssessmentEntry(
                reportedFigure: form["reported_\(number)"], overrideReason: form["reason_\(number)"] ?? "",
                points: form["points_\(number)"] ?? "", met: form["met_\(number)"] ?? "",
                evidenceNote: form["evidence_\(number)"] ?? "")
        }
        let submit = form["action"] == "submit"
        return try await submitting(request, commune: commune, year: year, done: submit ? .submitted : .saved, typed: form) {
            _ = try await service(request).save(
                communeCode: commune, year: year, category: form["category"] ?? "", entries: entries, submit: submit)
        }
    }

    @Sendable func appraise(_ request: Request) async throws -> Response {
        let (commune, year) = try place(request)
        let form = try request.content.decode([String: String].self)
        var entries: [Int: AppraisalEntry] = [:]
        for number in 1...99 where form["apoints_\(number)"] != nil || form["amet_\(number)"] != nil {
            entries[number] = AppraisalEntry(
                points: form["apoints_\(number)"] ?? "", met: form["amet_\(number)"] ?? "",
                comment: form["acomment_\(number)"] ?? "")
        }
        let comment = form["comment"] ?? ""
        let decision: AppraisalDecision =
            switch form["action"] {
            case "return": .returnToCommune(comment: comment)
            case "recognise":
                .recognise(decisionNumber: form["decisionNumber"] ?? "", decisionDate: form["decisionDate"] ?? "")
            case "refuse": .refuse(comment: comment)
            default: .keepAppraising
            }
        return try await submitting(request, commune: commune, year: year, done: .appraised, typed: form) {
            _ = try await service(request).appraise(
                communeCode: commune, year: year, entries: entries, decision: decision)
        }
    }

    func render(
        _ request: Request, commune: Int, year: Int, typed: [String: String]?, error: String?, notice: String?,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = request.language
        let principal = try request.requirePrincipal()
        let service = try service(request)
        let loaded = try await service.load(communeCode: commune, year: year)
        let result = loaded.result
        let editable = loaded.status.editableByCommune && principal.jurisdiction.level == .commune
        func text(_ key: String, _ stored: String) -> String { typed?[key] ?? stored }
        let evidence = try await service.evidence(communeCode: commune, year: year)
        let items = loaded.items.map { item -> ItemRow in
            let criterion = loaded.set.criterion(item.number)
            let n = item.number
            let met = typed?["met_\(n)"] ?? item.met.map { $0 ? "yes" : "no" } ?? ""
            let appraisedMet = typed?["amet_\(n)"] ?? item.appraisedMet.map { $0 ? "yes" : "no" } ?? ""
            return ItemRow(
                number: n, files: evidence[n] ?? [], title: criterion?.title(language) ?? "",
                maxPoints: criterion?.maxPoints ?? 0,
                weightConfirmed: criterion?.weightConfirmed ?? false, computedFigure: item.computedFigure,
                computedHow: item.computedHow, reportedFigure: text("reported_\(n)", item.reportedFigure),
                overrideReason: text("reason_\(n)", item.overrideReason),
                points: text("points_\(n)", item.points.map(String.init) ?? ""), metYes: met == "yes",
                metNo: met == "no", evidenceNote: text("evidence_\(n)", item.evidenceNote),
                appraisedPoints: text("apoints_\(n)", item.appraisedPoints.map(String.init) ?? ""),
                appraisedMetYes: appraisedMet == "yes", appraisedMetNo: appraisedMet == "no",
                appraisalComment: text("acomment_\(n)", item.appraisalComment))
        }
        let history = try await service.history(of: loaded.record).map { event in
            HistoryRow(
                at: event.createdAt.map { VietnamTime.format($0) } ?? "", who: event.username,
                status: AssessmentStatus(rawValue: event.status)?.label(language) ?? event.status,
                comment: event.comment)
        }
        let decision = loaded.record?.decisionNumber.map { number in
            "\(number) · \(loaded.record?.decisionDate.map { VietnamTime.date($0) } ?? "")"
        }
        let model = AssessmentPage(
            commune: loaded.commune.name, communeCode: loaded.commune.code, year: year,
            setTitle: loaded.set.title(language), cycle: loaded.set.cycle(language),
            status: loaded.status.label(language), statusCode: loaded.status.rawValue,
            categories: Choice.list(
                CommuneCategory.self, selected: typed?["category"] ?? loaded.category.rawValue, language: language
            ) { $0.label },
            items: items, total: result.total, threshold: result.threshold, maxTotal: loaded.set.maxTotal,
            shortfalls: result.shortfalls.map { $0.message(language) },
            canEdit: editable && AccessPolicy.allows(principal.role, .assessChildFriendly),
            canSubmit: editable && AccessPolicy.allows(principal.role, .submitChildFriendly),
            canAppraise: loaded.status == .submitted && AccessPolicy.allows(principal.role, .appraiseChildFriendly),
            decision: decision, history: history,
            saveAction: SiteURL.childFriendly(.assessment(.value(commune), year: .value(year))).path,
            evidenceAction: SiteURL.childFriendly(.evidence(.value(commune), year: .value(year))).path,
            appraisalAction: SiteURL.childFriendly(.appraisal(.value(commune), year: .value(year))).path,
            error: error, notice: notice)
        return try await request.render(
            "child-friendly/assessment",
            title: "\(UIStrings.text("childFriendlyAssessment", language)) · \(loaded.commune.name) · \(year)", model,
            status: status)
    }
}
