import Fluent
import Foundation
import TreDomain
import Vapor

/// `/indicators/reports`: a commune enters its child population and submits its periodic report; the
/// province approves it (locking its figures), returns it with a comment, or reopens it.
/// `/indicators/targets`: a province or the nation sets its targets. The writes are `PeriodicReportService`'s.
struct PeriodicReportsController {
    func register(_ routes: any RoutesBuilder) {
        let reports = Access.permission(.reportIndicators)
        routes.get(.indicators(.reports), access: reports, use: list)
        routes.get(.indicators(.reportsCSV), access: reports, use: csv)
        routes.post(.indicators(.reports), access: reports, use: submit)
        routes.post(.indicators(.decide(.pattern, .pattern)), access: reports, use: decide)
        routes.post(.indicators(.population), access: reports, use: savePopulation)
        routes.get(.indicators(.targets), access: .permission(.setTargets), use: targets)
        routes.post(.indicators(.targets), access: .permission(.setTargets), use: saveTarget)
    }

    private func service(_ request: Request) throws -> PeriodicReportService {
        PeriodicReportService(
            database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }

    /// The list's filter; a period typed as people write it ("Quý 3/2026") is read, one that cannot be read
    /// filters nothing and is explained beside the picker.
    private func filter(_ request: Request) -> PeriodicReportFilter {
        PeriodicReportFilter(
            status: (try? request.query.get(String.self, at: "status")) ?? "",
            period: IndicatorPagesController.asked(request).period?.description ?? "",
            q: VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? ""))
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let notice = (try? request.query.get(String.self, at: "done")).flatMap(PeriodicReportNotice.init(rawValue:))
        return try await render(request, notice: notice)
    }

    private func render(
        _ request: Request, refusal: Refusal? = nil, notice: PeriodicReportNotice? = nil,
        typed: (period: String?, population: String?) = (nil, nil)
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let today = VietnamDay.containing(Date())
        let filter = filter(request)
        let paging = Paging(request)
        let data = try await IndicatorQueries.reportsPage(
            filter, paging: paging, for: principal, year: today.year, language: request.language, on: request.db)
        let asked = IndicatorPagesController.asked(request)
        let page = PeriodicReportsPage(
            data, filter: filter, paging: paging, reader: principal, language: request.language, today: today,
            refusal: refusal, notice: notice, typed: typed, asked: asked)
        return try await request.render(
            "indicators/reports", title: UIStrings.text("periodicReports", request.language), page,
            status: refusal?.status ?? (asked.refusal == nil ? .ok : .unprocessableEntity))
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let language = request.language
        return try await CSVDownload.respond(
            request, fileName: "bao-cao-dinh-ky.csv",
            header: ["commune", "period", "status", "comment", "submitted_by", "decided_by"],
            audit: {
                AuditEvent(
                    action: "indicators.reports_exported", recordType: "periodic_report",
                    jurisdiction: principal.jurisdiction, details: "rows=\($0)")
            },
            rows: { page in
                try await IndicatorQueries.namedReports(
                    filter, range: CSVDownload.rows(ofPage: page), for: principal, language: language,
                    on: request.db
                ).map { named in
                    let record = named.record
                    return [
                        named.commune, record.period,
                        PeriodicReportStatus(rawValue: record.status)?.label(language) ?? record.status,
                        record.comment, record.submittedBy, record.decidedBy,
                    ]
                }
            })
    }

    @Sendable func submit(_ request: Request) async throws -> Response {
        struct Form: Content {
            var period: String?
            var pick: String?
        }
        let form = try request.content.decode(Form.self)
        // A period typed wins over the one chosen in the list, as on every indicator page.
        let typed = form.period?.trimmingCharacters(in: .whitespaces) ?? ""
        let period = typed.isEmpty ? form.pick ?? "" : typed
        return try await request.submitting(
            to: .indicators(.reports), query: ["done": PeriodicReportNotice.submitted.rawValue],
            { _ = try await service(request).submit(period: period) },
            otherwise: { try await render(request, refusal: $0, typed: (form.period, nil)) })
    }

    @Sendable func decide(_ request: Request) async throws -> Response {
        struct Form: Content { var comment: String? }
        guard let id = request.parameters.get("id", as: UUID.self),
            let action = PeriodicReportAction(rawValue: request.parameters.get("action") ?? ""), action != .submit
        else { throw TreError.notFound }
        let form = try request.content.decode(Form.self)
        return try await request.submitting(
            to: .indicators(.reports), query: ["done": action.notice.rawValue],
            { _ = try await service(request).decide(id, action, comment: form.comment ?? "") },
            otherwise: { try await render(request, refusal: $0) })
    }

    @Sendable func savePopulation(_ request: Request) async throws -> Response {
        struct Form: Content {
            var year: String?
            var children: String?
        }
        let form = try request.content.decode(Form.self)
        return try await request.submitting(
            to: .indicators(.reports), query: ["done": PeriodicReportNotice.population.rawValue],
            { _ = try await service(request).savePopulation(year: form.year ?? "", children: form.children ?? "") },
            otherwise: { try await render(request, refusal: $0, typed: (nil, form.children)) })
    }

    @Sendable func targets(_ request: Request) async throws -> Response {
        try await renderTargets(request, year: nil, saved: request.flag("saved"))
    }

    private func renderTargets(_ request: Request, year: Int?, refusal: Refusal? = nil, saved: Bool = false)
        async throws -> Response
    {
        let language = request.language
        let principal = try request.requirePrincipal()
        let year = year ?? (try? request.query.get(Int.self, at: "year")) ?? VietnamDay.containing(Date()).year
        let page = IndicatorTargetsPage(
            unitName: try await IndicatorTables.name(of: principal.jurisdiction, language: language, on: request.db),
            year: year,
            targets: try await IndicatorQueries.targets(unit: principal.jurisdiction, year: year, on: request.db),
            language: language, refusal: refusal, saved: saved)
        return try await request.render(
            "indicators/targets", title: UIStrings.text("indicatorTargets", language), page,
            status: refusal?.status ?? .ok)
    }

    @Sendable func saveTarget(_ request: Request) async throws -> Response {
        struct Form: Content {
            var indicator: String?
            var year: String?
            var target: String?
        }
        let form = try request.content.decode(Form.self)
        let year = Int(form.year ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil }
        return try await request.submitting(
            to: .indicators(.targets), query: year.map { ["year": String($0)] } ?? [:],
            {
                _ = try await service(request).saveTarget(
                    indicator: form.indicator ?? "", year: form.year ?? "", target: form.target ?? "")
            },
            otherwise: { try await renderTargets(request, year: year, refusal: $0) })
    }
}

extension PeriodicReportAction {
    /// What the list says once the province's decision is recorded.
    fileprivate var notice: PeriodicReportNotice {
        switch self {
        case .submit: .submitted
        case .approve: .approved
        case .return: .returned
        case .reopen: .reopened
        }
    }
}
