import Fluent
import Foundation
import TreDomain
import Vapor

/// The dashboards: every indicator of a unit against its targets, one indicator's charts with
/// drill-down to the units below (within the reader's jurisdiction), and their exports.
struct IndicatorPagesController {
    func register(_ routes: any RoutesBuilder) {
        let view = Access.permission(.viewIndicators)
        routes.get(.indicators(.overview), access: view, use: overview)
        routes.get(.indicators(.report), access: view, use: printableReport)
        routes.get(.indicators(.reportWorkbook), access: view, use: reportWorkbook)
        routes.post(.indicators(.refresh), access: .permission(.manageReferenceData), use: refresh)
        routes.get(.indicators(.detail(.pattern)), access: view, use: detail)
        routes.get(.indicators(.tableCSV(.pattern)), access: view, use: csv)
        routes.get(.indicators(.tableXLSX(.pattern)), access: view, use: workbook)
    }

    /// The unit and period of `?unit=&period=`, checked against the reader's jurisdiction.
    static func selection(_ request: Request) async throws -> (unit: Jurisdiction, period: IndicatorPeriod) {
        try await IndicatorQueries.selection(
            unit: try? request.query.get(String.self, at: "unit"),
            period: try? request.query.get(String.self, at: "period"), for: try request.requirePrincipal(),
            on: request.db)
    }

    /// A period that cannot be read shows this year's figures with the reason beside the field, never a
    /// page whose only way on is home.
    @Sendable func overview(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let asked = Self.asked(request)
        let unit = try await IndicatorUnit.resolve(
            try? request.query.get(String.self, at: "unit"), for: principal, on: request.db)
        let data = try await IndicatorQueries.overview(
            unit, period: asked.period ?? IndicatorUnit.typedPeriod(nil).period, for: principal,
            language: request.language, on: request.db)
        let page = IndicatorOverviewPage(data, reader: principal, language: request.language, asked: asked)
        return try await request.render(
            "indicators/overview", title: UIStrings.text("indicators", request.language), page,
            status: asked.refusal == nil ? .ok : .unprocessableEntity)
    }

    /// The period a page was asked for: typed (`period`) or chosen from the list (`pick`).
    static func asked(_ request: Request) -> PeriodAsked {
        PeriodAsked(
            period: try? request.query.get(String.self, at: "period"),
            pick: try? request.query.get(String.self, at: "pick"))
    }

    /// One indicator's figures for `/indicators/{code}?unit=&period=&by=` (the page, its exports, the API).
    static func table(_ request: Request) async throws -> IndicatorTable {
        try await IndicatorQueries.table(
            request.parameters.get("code") ?? "", unit: try? request.query.get(String.self, at: "unit"),
            period: try? request.query.get(String.self, at: "period"),
            by: try? request.query.get(String.self, at: "by"),
            for: try request.requirePrincipal(), language: request.language, on: request.db)
    }

    /// A period that cannot be read shows this year's figures with the reason beside the picker.
    @Sendable func detail(_ request: Request) async throws -> Response {
        let asked = Self.asked(request)
        let table = try await IndicatorQueries.table(
            request.parameters.get("code") ?? "", unit: try? request.query.get(String.self, at: "unit"),
            period: asked.period?.description, by: try? request.query.get(String.self, at: "by"),
            for: try request.requirePrincipal(), language: request.language, on: request.db)
        let trail = try await IndicatorQueries.trail(
            to: table.unit, for: try request.requirePrincipal(), language: request.language, on: request.db)
        let page = IndicatorDetailPage(table, trail: trail, language: request.language, asked: asked)
        return try await request.render(
            "indicators/detail", title: table.definition.name(request.language), page,
            status: asked.refusal == nil ? .ok : .unprocessableEntity)
    }

    /// The export's rows: the unit itself, the units below it, then the breakdown.
    static func exportRows(_ table: IndicatorTable, language: Language) -> [[XLSXWorkbook.Cell]] {
        func row(_ kind: String, _ code: String, _ name: String, _ reading: IndicatorReading) -> [XLSXWorkbook.Cell] {
            let shown = !reading.suppressed && !reading.awaitingData
            return [
                .text(kind), .text(code), .text(name), .text(table.period.description),
                reading.value.map { .number(($0 * 10).rounded() / 10) }
                    ?? .text(reading.display(table.definition.factor, language: language)),
                shown ? .number(Double(reading.numerator)) : .text(reading.suppressed ? "<5" : ""),
                shown ? reading.denominator.map { .number(Double($0)) } ?? .empty : .empty,
                table.target.map { .number($0) } ?? .empty,
            ]
        }
        return [row("unit", IndicatorUnit.code(table.unit), table.unitName, table.total)]
            + table.subUnits.map { row("sub_unit", $0.unitCode, $0.name, $0.reading) }
            + table.categories.map { row(table.breakdown?.rawValue ?? "", $0.unitCode, $0.name, $0.reading) }
    }

    static let exportHeader = ["level", "code", "name", "period", "value", "numerator", "denominator", "target"]

    private func audit(_ request: Request, _ table: IndicatorTable, format: String, rows: Int) -> AuditEvent {
        AuditEvent(
            action: "indicators.exported", recordType: "indicator", recordID: table.definition.code,
            jurisdiction: table.unit, details: "format=\(format) rows=\(rows) period=\(table.period)")
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let table = try await Self.table(request)
        let rows = Self.exportRows(table, language: request.language).map { cells in
            cells.map { cell -> String in
                switch cell {
                case .text(let text): text
                case .number(let number): number == number.rounded() ? String(Int(number)) : String(number)
                case .empty: ""
                }
            }
        }
        return try await CSVDownload.respond(
            request,
            fileName: "chi-tieu-\(table.definition.code)-\(IndicatorUnit.code(table.unit))-\(table.period).csv",
            header: Self.exportHeader, audit: { audit(request, table, format: "csv", rows: $0) },
            rows: { $0 == 1 ? rows : [] })
    }

    @Sendable func workbook(_ request: Request) async throws -> Response {
        let table = try await Self.table(request)
        let rows = Self.exportRows(table, language: request.language)
        let data = try XLSXWorkbook.data(sheetName: table.definition.code, header: Self.exportHeader, rows: rows)
        try await AuditLog.record(
            audit(request, table, format: "xlsx", rows: rows.count), by: request.auditActor(), on: request.db)
        return XLSXWorkbook.respond(
            request,
            fileName: "chi-tieu-\(table.definition.code)-\(IndicatorUnit.code(table.unit))-\(table.period).xlsx",
            data: data)
    }

    @Sendable func printableReport(_ request: Request) async throws -> Response {
        let asked = Self.asked(request)
        let chosen = try await IndicatorQueries.selection(
            unit: try? request.query.get(String.self, at: "unit"), period: asked.period?.description,
            for: try request.requirePrincipal(), on: request.db)
        let report = try await IndicatorQueries.report(
            chosen.unit, period: chosen.period, for: try request.requirePrincipal(), language: request.language,
            on: request.db)
        let page = IndicatorReportPage(report, language: request.language, now: Date(), asked: asked)
        return try await request.render(
            "indicators/report", title: UIStrings.text("periodicReport", request.language), page,
            status: asked.refusal == nil ? .ok : .unprocessableEntity)
    }

    @Sendable func reportWorkbook(_ request: Request) async throws -> Response {
        let chosen = try await Self.selection(request)
        let tables = try await IndicatorQueries.report(
            chosen.unit, period: chosen.period, for: try request.requirePrincipal(), language: request.language,
            on: request.db
        ).tables
        let rows = tables.map { table -> [XLSXWorkbook.Cell] in
            var row = Self.exportRows(table, language: request.language)[0]
            row[0] = .text(table.definition.code)
            row[2] = .text(table.definition.name(request.language))
            return row
        }
        let data = try XLSXWorkbook.data(
            sheetName: "\(IndicatorUnit.code(chosen.unit)) \(chosen.period)",
            header: ["indicator", "unit", "name", "period", "value", "numerator", "denominator", "target"], rows: rows)
        try await AuditLog.record(
            AuditEvent(
                action: "indicators.report_exported", recordType: "indicator_report", jurisdiction: chosen.unit,
                details: "period=\(chosen.period)"), by: request.auditActor(), on: request.db)
        return XLSXWorkbook.respond(
            request, fileName: "bao-cao-\(IndicatorUnit.code(chosen.unit))-\(chosen.period).xlsx", data: data)
    }

    @Sendable func refresh(_ request: Request) async throws -> Response {
        try await PeriodicReportService(
            database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor()
        ).refresh(on: request.application.db(request.application.backgroundDatabaseID))
        return request.redirect(to: SiteURL.indicators(.overview).path)
    }
}
