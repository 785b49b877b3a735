import Fluent
import Foundation
import SQLKit
import TreDomain
import Vapor

/// `/indicators/reports`: a commune enters its child population and submits its periodic report; the
/// province approves it (locking its figures), returns it with a comment, or reopens it.
/// `/indicators/targets`: a province or the nation sets its targets.
struct PeriodicReportsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("indicators", "reports", access: .permission(.reportIndicators), use: list)
        routes.get("indicators", "reports.csv", access: .permission(.reportIndicators), use: csv)
        routes.post("indicators", "reports", access: .permission(.reportIndicators), use: submit)
        routes.post("indicators", "reports", ":id", ":action", access: .permission(.reportIndicators), use: decide)
        routes.post("indicators", "population", access: .permission(.reportIndicators), use: savePopulation)
        routes.get("indicators", "targets", access: .permission(.setTargets), use: targets)
        routes.post("indicators", "targets", access: .permission(.setTargets), use: saveTarget)
    }

    static func status(of unit: Jurisdiction, period: IndicatorPeriod, on database: any Database) async throws
        -> PeriodicReportStatus?
    {
        guard let commune = unit.communeCode else { return nil }
        return try await PeriodicReportRecord.query(on: database).filter(\.$communeCode == commune)
            .filter(\.$period == period.description).first().flatMap { PeriodicReportStatus(rawValue: $0.status) }
    }

    struct ReportRow: Encodable {
        var id: String
        var commune: String
        var period: String
        var status: String
        var comment: String
        var canDecide: Bool
        var canReopen: Bool
        var reportHref: String
    }

    struct ListPage: Encodable {
        var isCommune: Bool
        var period: String
        var year: Int
        var population: String
        var reports: [ReportRow]
        var error: String?
        var notice: String?
        var statuses: [Choice]
        var filterPeriod: String
        var q: String
        var pager: PagerModel
        var csvHref: String
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, error: nil, notice: nil)
    }

    struct Filter {
        var status: String
        var period: String
        var q: String

        init(_ request: Request) {
            status = (try? request.query.get(String.self, at: "status")) ?? ""
            period = ((try? request.query.get(String.self, at: "period")) ?? "").uppercased()
            q = VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? "")
        }

        var query: [String: String] { ["status": status, "period": period, "q": q].filter { !$0.value.isEmpty } }
    }

    /// The reports of the reader's jurisdiction that match the filter: waiting ones first, then the newest.
    private func reports(_ request: Request, _ filter: Filter) async throws -> QueryBuilder<PeriodicReportRecord> {
        let principal = try request.requirePrincipal()
        var query = PeriodicReportRecord.query(on: request.db)
        switch principal.jurisdiction {
        case .nation: break
        case .province(let code): query = query.filter(\.$provinceCode == code)
        case .commune(_, let code): query = query.filter(\.$communeCode == code)
        }
        if !filter.status.isEmpty { query = query.filter(\.$status == filter.status) }
        if !filter.period.isEmpty { query = query.filter(\.$period == filter.period) }
        if !filter.q.isEmpty {
            // Commune names are matched as the registry matches children: accents, case and Đ ignored.
            let codes = try await Commune.query(on: request.db)
                .filter(\.$nameFolded, .contains(inverse: false, .anywhere), VietnameseText.folded(filter.q)).all()
                .map(\.code)
            query = query.filter(\.$communeCode ~~ codes)
        }
        return query.sort(\.$status, .descending).sort(\.$period, .descending).sort(\.$communeCode)
    }

    private func rows(_ records: [PeriodicReportRecord], _ request: Request) async throws -> [ReportRow] {
        let language = request.language
        let jurisdiction = try request.requirePrincipal().jurisdiction
        let today = VietnamDay.containing(Date())
        var rows: [ReportRow] = []
        for record in records {
            let unit = Jurisdiction.commune(provinceCode: record.provinceCode, communeCode: record.communeCode)
            let period =
                (try? IndicatorPeriod(parsing: record.period)) ?? IndicatorPeriod(kind: .year, year: today.year)
            let recordStatus = PeriodicReportStatus(rawValue: record.status)
            rows.append(
                ReportRow(
                    id: record.id?.uuidString ?? "",
                    commune: try await IndicatorTables.name(of: unit, language: language, on: request.db),
                    period: record.period, status: recordStatus?.label(language) ?? record.status,
                    comment: record.comment,
                    canDecide: jurisdiction.level == .province && recordStatus == .submitted,
                    canReopen: jurisdiction.level == .province && recordStatus == .approved,
                    reportHref: IndicatorPagesController.href("/indicators/report", unit: unit, period: period)))
        }
        return rows
    }

    private func render(_ request: Request, error: String?, notice: String?, status: HTTPStatus = .ok) async throws
        -> Response
    {
        let language = request.language
        let principal = try request.requirePrincipal()
        let jurisdiction = principal.jurisdiction
        let today = VietnamDay.containing(Date())
        let filter = Filter(request)
        let paging = Paging(request)
        let matching = try await reports(request, filter)
        let total = try await matching.count()
        let records = try await matching.range(paging.range).all()
        var population = ""
        if let commune = jurisdiction.communeCode,
            let entered = try await CommunePopulation.query(on: request.db).filter(\.$communeCode == commune)
                .filter(\.$year == today.year).first()
        {
            population = String(entered.children)
        }
        var csv = URLComponents()
        csv.path = "/indicators/reports.csv"
        csv.queryItems = filter.query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let page = ListPage(
            isCommune: jurisdiction.level == .commune,
            period: IndicatorPeriod(kind: .quarter, year: today.year, index: (today.month - 1) / 3 + 1).description,
            year: today.year, population: population, reports: try await rows(records, request), error: error,
            notice: notice,
            statuses: PeriodicReportStatus.allCases.map {
                Choice(value: $0.rawValue, label: $0.label(language), selected: $0.rawValue == filter.status)
            }, filterPeriod: filter.period, q: filter.q,
            pager: PagerModel(paging, total: total, path: "/indicators/reports", query: filter.query),
            csvHref: csv.string ?? "/indicators/reports.csv")
        return try await request.render(
            "indicators/reports", title: UIStrings.text("periodicReports", language), page, status: status)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = Filter(request)
        return try await CSVDownload.respond(
            request, fileName: "bao-cao-dinh-ky.csv",
            header: ["commune", "period", "status", "comment", "submitted_by", "decided_by"],
            audit: {
                AuditEvent(
                    action: "indicators.reports_exported", recordType: "periodic_report",
                    jurisdiction: principal.jurisdiction, details: "rows=\($0)")
            },
            rows: { page in
                let records = try await reports(request, filter)
                    .range(CSVDownload.rows(ofPage: page)).all()
                return zip(records, try await rows(records, request)).map { record, row in
                    [row.commune, row.period, row.status, row.comment, record.submittedBy, record.decidedBy]
                }
            })
    }

    @Sendable func submit(_ request: Request) async throws -> Response {
        struct Form: Content { var period: String? }
        let principal = try request.requirePrincipal()
        let language = request.language
        guard case .commune(let province, let commune) = principal.jurisdiction else { throw TreError.forbidden }
        let period: IndicatorPeriod
        do {
            period = try IndicatorPeriod(parsing: try request.content.decode(Form.self).period ?? "")
        } catch let failure as IndicatorPeriod.FormatError {
            return try await render(request, error: failure.message(language), notice: nil, status: .badRequest)
        }
        do {
            try await request.db.writeTransaction { database in
                let existing = try await PeriodicReportRecord.query(on: database).filter(\.$communeCode == commune)
                    .filter(\.$period == period.description).first()
                let next = try PeriodicReportRules.next(
                    after: existing.flatMap { PeriodicReportStatus(rawValue: $0.status) }, .submit, byProvince: false,
                    comment: "")
                let record = existing ?? PeriodicReportRecord()
                record.provinceCode = province
                record.communeCode = commune
                record.period = period.description
                record.status = next.rawValue
                record.comment = existing?.comment ?? ""
                record.submittedBy = principal.fullName
                record.submittedAt = Date()
                record.decidedBy = existing?.decidedBy ?? ""
                try await record.save(on: database)
                try await AuditLog.record(
                    AuditEvent(
                        action: "indicators.report_submitted", recordType: "periodic_report",
                        recordID: record.id?.uuidString, jurisdiction: principal.jurisdiction,
                        details: "period=\(period)"),
                    by: request.auditActor(), on: database)
            }
        } catch let failure as PeriodicReportError {
            return try await render(request, error: failure.message(language), notice: nil, status: .conflict)
        }
        return try await render(request, error: nil, notice: UIStrings.text("reportSubmitted", language))
    }

    @Sendable func decide(_ request: Request) async throws -> Response {
        struct Form: Content { var comment: String? }
        let principal = try request.requirePrincipal()
        let language = request.language
        guard let id = request.parameters.get("id", as: UUID.self),
            let action = PeriodicReportAction(rawValue: request.parameters.get("action") ?? ""),
            let record = try await PeriodicReportRecord.find(id, on: request.db),
            principal.jurisdiction.contains(provinceCode: record.provinceCode, communeCode: record.communeCode)
        else { throw TreError.notFound }
        let comment = VietnameseText.normalized(try request.content.decode(Form.self).comment ?? "")
        do {
            let next = try PeriodicReportRules.next(
                after: PeriodicReportStatus(rawValue: record.status), action,
                byProvince: principal.jurisdiction.level == .province, comment: comment)
            let period = try IndicatorPeriod(parsing: record.period)
            try await request.db.writeTransaction { database in
                guard let sql = database as? any SQLDatabase else { return }
                record.status = next.rawValue
                record.comment = comment
                record.decidedBy = principal.fullName
                record.decidedAt = Date()
                try await record.save(on: database)
                let periods = period.lockedPeriods.map(\.description)
                try await sql.delete(from: IndicatorFactsTable.locks).where("commune_code", .equal, record.communeCode)
                    .where("period", .in, periods).run()
                if next == .approved {
                    let insert = sql.insert(into: IndicatorFactsTable.locks).columns("commune_code", "period")
                    for locked in periods { insert.values(record.communeCode, locked) }
                    try await insert.run()
                }
                try await AuditLog.record(
                    AuditEvent(
                        action: "indicators.report_\(next.rawValue)", recordType: "periodic_report",
                        recordID: record.id?.uuidString,
                        jurisdiction: .commune(provinceCode: record.provinceCode, communeCode: record.communeCode),
                        details: "period=\(period) comment=\(comment)"),
                    by: request.auditActor(), on: database)
            }
            return try await render(request, error: nil, notice: next.label(language))
        } catch let failure as PeriodicReportError {
            return try await render(request, error: failure.message(language), notice: nil, status: .conflict)
        }
    }

    @Sendable func savePopulation(_ request: Request) async throws -> Response {
        struct Form: Content {
            var year: String?
            var children: String?
        }
        let principal = try request.requirePrincipal()
        let language = request.language
        guard case .commune(let province, let commune) = principal.jurisdiction else { throw TreError.forbidden }
        let form = try request.content.decode(Form.self)
        guard let year = Int(form.year ?? ""), (2000...2100).contains(year),
            let children = Int(
                (form.children ?? "").replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces)),
            children >= 0
        else {
            return try await render(
                request, error: UIStrings.text("populationNotANumber", language), notice: nil, status: .badRequest)
        }
        do {
            try await IndicatorLocks.ensureOpen(
                communeCode: commune, period: IndicatorPeriod(kind: .year, year: year), on: request.db)
        } catch let failure as PeriodicReportError {
            return try await render(request, error: failure.message(language), notice: nil, status: .conflict)
        }
        try await request.db.writeTransaction { database in
            let record =
                try await CommunePopulation.query(on: database).filter(\.$communeCode == commune).filter(
                    \.$year == year
                )
                .first() ?? CommunePopulation()
            let before = record.id == nil ? "none" : String(record.children)
            record.provinceCode = province
            record.communeCode = commune
            record.year = year
            record.children = children
            record.enteredBy = principal.userID
            try await record.save(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "indicators.population_saved", recordType: "commune_population",
                    recordID: record.id?.uuidString, jurisdiction: principal.jurisdiction,
                    details: "year=\(year) children=\(before)->\(children)"),
                by: request.auditActor(), on: database)
        }
        return try await render(request, error: nil, notice: UIStrings.text("populationSaved", language))
    }

    struct TargetRow: Encodable {
        var code: String
        var name: String
        var target: String
    }

    struct TargetsPage: Encodable {
        var unitName: String
        var year: Int
        var rows: [TargetRow]
        var error: String?
        var notice: String?
    }

    @Sendable func targets(_ request: Request) async throws -> Response {
        try await renderTargets(request, year: nil, error: nil, notice: nil)
    }

    private func renderTargets(
        _ request: Request, year: Int?, error: String?, notice: String?, status: HTTPStatus = .ok
    )
        async throws -> Response
    {
        let language = request.language
        let principal = try request.requirePrincipal()
        let year = year ?? (try? request.query.get(Int.self, at: "year")) ?? VietnamDay.containing(Date()).year
        let set = try await IndicatorQueries.targets(unit: principal.jurisdiction, year: year, on: request.db)
        let page = TargetsPage(
            unitName: try await IndicatorTables.name(of: principal.jurisdiction, language: language, on: request.db),
            year: year,
            rows: IndicatorCatalogueFile.shared.indicators.filter(\.isComputed).map {
                TargetRow(
                    code: $0.code, name: $0.name(language),
                    target: set[$0.code].map { IndicatorNumberFormat.decimal($0, language: language) } ?? "")
            }
                + IndicatorCatalogueFile.shared.indicators.filter { !$0.isComputed }.map {
                    TargetRow(
                        code: $0.code, name: $0.name(language),
                        target: set[$0.code].map { IndicatorNumberFormat.decimal($0, language: language) } ?? "")
                }, error: error, notice: notice)
        return try await request.render(
            "indicators/targets", title: UIStrings.text("indicatorTargets", language), page, status: status)
    }

    @Sendable func saveTarget(_ request: Request) async throws -> Response {
        struct Form: Content {
            var indicator: String?
            var year: String?
            var target: String?
        }
        let principal = try request.requirePrincipal()
        let language = request.language
        let form = try request.content.decode(Form.self)
        let definition = try IndicatorCatalogueFile.indicator(form.indicator ?? "")
        guard let year = Int(form.year ?? ""), (2000...2100).contains(year) else {
            return try await renderTargets(
                request, year: nil, error: UIStrings.text("targetYearInvalid", language), notice: nil,
                status: .badRequest)
        }
        let text = form.target ?? ""
        let unit = IndicatorUnit.code(principal.jurisdiction)
        let existing = try await IndicatorTargetRecord.query(on: request.db).filter(\.$indicatorCode == definition.code)
            .filter(\.$unit == unit).filter(\.$year == year).first()
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            try await existing?.delete(on: request.db)
        } else {
            guard let value = IndicatorTarget.parse(text),
                definition.factor != .percent || value <= 100
            else {
                return try await renderTargets(
                    request, year: year,
                    error: UIStrings.text("targetNotANumber", language).replacingOccurrences(of: "{value}", with: text)
                        .replacingOccurrences(of: "{code}", with: definition.code), notice: nil,
                    status: .badRequest)
            }
            let record = existing ?? IndicatorTargetRecord()
            record.indicatorCode = definition.code
            record.unit = unit
            record.year = year
            record.target = value
            record.source = principal.fullName
            try await record.save(on: request.db)
        }
        try await AuditLog.record(
            AuditEvent(
                action: "indicators.target_set", recordType: "indicator_target", recordID: definition.code,
                jurisdiction: principal.jurisdiction, details: "year=\(year) target=\(text)"),
            by: request.auditActor(), on: request.db)
        return try await renderTargets(request, year: year, error: nil, notice: UIStrings.text("targetSaved", language))
    }
}

/// Approved periods are locked: an edit that would change their figures is refused with the reason.
enum IndicatorLocks {
    static func ensureOpen(communeCode: Int, period: IndicatorPeriod, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let found = try await sql.select().column("period").from(IndicatorFactsTable.locks)
            .where("commune_code", .equal, communeCode).where("period", .equal, period.description).limit(1).all()
        if !found.isEmpty { throw PeriodicReportRules.lockedRefusal(period: period) }
    }

    /// The locked period a day's record would change, if any: the first approved month holding it.
    static func ensureOpen(communeCode: Int, day: CivilDate, on database: any Database) async throws {
        try await ensureOpen(
            communeCode: communeCode, period: IndicatorPeriod(kind: .month, year: day.year, index: day.month),
            on: database)
    }
}
