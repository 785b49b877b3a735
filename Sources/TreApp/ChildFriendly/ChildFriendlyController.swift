import Fluent
import Foundation
import TreDomain
import Vapor

/// `/child-friendly`: the communes of the reader's jurisdiction with their child-friendly assessment of a
/// year and the share recognised against the national targets; each commune's self-assessment form,
/// the chairperson's submission and the province's appraisal.
struct ChildFriendlyController {
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

    private func year(_ request: Request) -> Int {
        (try? request.query.get(Int.self, at: "year")) ?? ChildAge.todayInVietnam().year
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let year = year(request)
        let q = VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? "")
        let paging = Paging(request)
        let listing = try await ChildFriendlyQueries.listing(
            year: year, q: q, in: try request.requirePrincipal().jurisdiction, range: paging.range, on: request.db)
        let page = ChildFriendlyListPage(listing, year: year, q: q, paging: paging, language: request.language)
        return try await request.render(
            "child-friendly/list", title: UIStrings.text("childFriendlyCommunes", request.language), page)
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
                let communes = try await CommuneScope.communesInForce(in: principal.jurisdiction, q: "", on: request.db)
                    .range(CSVDownload.rows(ofPage: page)).all()
                let found = try await ChildFriendlyQueries.assessments(
                    of: communes.map(\.code), year: year, on: request.db)
                return communes.map {
                    let row = ChildFriendlyListPage.row(
                        commune: $0, assessment: found[$0.code], year: year, language: language)
                    return [String(row.code), row.name, String(year), row.status, row.total]
                }
            })
    }

    // MARK: one commune's assessment

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
        return try await submitting(
            request, commune: commune, year: year, done: submit ? .submitted : .saved, typed: form
        ) {
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
        let file = try await ChildFriendlyQueries.assessment(
            commune: commune, year: year, for: try request.requirePrincipal(), on: request.db)
        let page = AssessmentPage(
            file, reader: try request.requirePrincipal(), language: request.language, typed: typed, error: error,
            notice: notice)
        return try await request.render(
            "child-friendly/assessment", title: page.title(request.language), page, status: status)
    }
}
