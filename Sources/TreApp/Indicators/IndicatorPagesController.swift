import Fluent
import Foundation
import TreDomain
import Vapor

/// The dashboards: every indicator of a unit against its targets, one indicator's charts with
/// drill-down to the units below (within the reader's jurisdiction), and their exports.
struct IndicatorPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("indicators", access: .permission(.viewIndicators), use: overview)
        routes.get("indicators", "report", access: .permission(.viewIndicators), use: printableReport)
        routes.get("indicators", "report.xlsx", access: .permission(.viewIndicators), use: reportWorkbook)
        routes.post("indicators", "refresh", access: .permission(.manageReferenceData), use: refresh)
        routes.get("indicators", ":code", access: .permission(.viewIndicators), use: detail)
        routes.get("indicators", ":code", "table.csv", access: .permission(.viewIndicators), use: csv)
        routes.get("indicators", ":code", "table.xlsx", access: .permission(.viewIndicators), use: workbook)
    }

    struct Selection {
        var unit: Jurisdiction
        var period: IndicatorPeriod
    }

    static func selection(_ request: Request) async throws -> Selection {
        let principal = try request.requirePrincipal()
        return Selection(
            unit: try await IndicatorUnit.resolve(
                try? request.query.get(String.self, at: "unit"), for: principal, on: request.db),
            period: try IndicatorUnit.period(try? request.query.get(String.self, at: "period")))
    }

    static func href(_ path: String, unit: Jurisdiction, period: IndicatorPeriod, by: String? = nil) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems =
            [
                URLQueryItem(name: "unit", value: IndicatorUnit.code(unit)),
                URLQueryItem(name: "period", value: period.description),
            ]
            + (by.map { [URLQueryItem(name: "by", value: $0)] } ?? [])
        return components.string ?? path
    }

    struct Link: Encodable {
        var href: String
        var label: String
    }

    struct OverviewRow: Encodable {
        var code: String
        var name: String
        var value: String
        var numerator: String
        var denominator: String
        var target: String
        var progress: Int?
        var met: Bool
        var href: String
        /// The trend over the periods before this one (months of the year, quarters, years).
        var trend: LineChart?
    }

    struct OverviewPage: Encodable {
        var unitName: String
        var unitCode: String
        var period: String
        var trail: [Link]
        var rows: [OverviewRow]
        var subUnits: [Link]
        var subUnitTitle: String
        var refreshedAt: String
        var canRefresh: Bool
        var reportHref: String
    }

    /// The units from the nation down to this one, each a link when the reader may open it.
    static func trail(
        to unit: Jurisdiction, period: IndicatorPeriod, viewer: Principal, language: Language, on database: any Database
    )
        async throws -> [Link]
    {
        var units: [Jurisdiction] = [.nation]
        if let province = unit.provinceCode { units.append(.province(provinceCode: province)) }
        if unit.level == .commune { units.append(unit) }
        var links: [Link] = []
        for step in units where viewer.jurisdiction.contains(step) {
            links.append(
                Link(
                    href: href("/indicators", unit: step, period: period),
                    label: try await IndicatorTables.name(of: step, language: language, on: database)))
        }
        return links
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let language = request.language
        let principal = try request.requirePrincipal()
        let chosen = try await Self.selection(request)
        let catalogue = IndicatorCatalogueFile.shared
        let trendPeriods = IndicatorTables.trend(of: chosen.period)
        let totals = try await IndicatorQueries.totals(
            catalogue.measures, periods: trendPeriods.map(\.description), unit: chosen.unit, on: request.db)
        let targets = try await IndicatorQueries.targets(unit: chosen.unit, year: chosen.period.year, on: request.db)
        let owns = principal.jurisdiction.level == .commune && principal.jurisdiction == chosen.unit
        // The owning commune sees its own figures whole.
        let hidden = try await IndicatorSuppressionQueries.hidden(
            owns ? [] : catalogue.indicators, unit: chosen.unit,
            years: trendPeriods.map(\.year) + [chosen.period.year], on: request.db)
        let rows = catalogue.indicators.map { definition -> OverviewRow in
            func readingAt(_ period: IndicatorPeriod) -> IndicatorReading {
                let key = period.description
                return IndicatorReading(
                    definition, numerator: totals[definition.numerator]?[key] ?? 0,
                    denominator: definition.denominator.map { totals[$0]?[key] ?? 0 }, viewerOwnsUnit: owns,
                    forceSuppressed: hidden[definition.code]?.contains(FigureKey(chosen.unit, period)) ?? false)
            }
            let reading = readingAt(chosen.period)
            let applies = definition.periods.contains(chosen.period.kind)
            let target = targets[definition.code].map {
                IndicatorTarget(value: $0, higherIsBetter: definition.higherIsBetter)
            }
            return OverviewRow(
                code: definition.code, name: definition.name(language),
                value: applies
                    ? reading.display(definition.factor, language: language)
                    : UIStrings.text("notForThisPeriod", language),
                numerator: applies ? reading.displayCount(reading.numerator, language: language) : "",
                denominator: applies ? reading.displayCount(reading.denominator, language: language) : "",
                target: targets[definition.code].map { IndicatorNumberFormat.decimal($0, language: language) } ?? "",
                progress: applies ? target.flatMap { target in reading.value.map { target.progress(of: $0) } } : nil,
                met: applies && (target.flatMap { target in reading.value.map { target.isMet(by: $0) } } ?? false),
                href: Self.href("/indicators/\(definition.code)", unit: chosen.unit, period: chosen.period),
                trend: applies && trendPeriods.count > 1 && definition.isComputed
                    ? LineChart(
                        rows: trendPeriods.map {
                            let point = readingAt($0)
                            return ($0.description, point.value, point.display(definition.factor, language: language))
                        }, target: nil, width: 100, height: 24) : nil)
        }
        let subUnits = try await IndicatorTables.subUnitNames(of: chosen.unit, on: request.db).map {
            Link(href: Self.href("/indicators", unit: $0.unit, period: chosen.period), label: $0.name)
        }
        let state = try await IndicatorRefresh.state(on: request.db)
        let page = OverviewPage(
            unitName: try await IndicatorTables.name(of: chosen.unit, language: language, on: request.db),
            unitCode: IndicatorUnit.code(chosen.unit), period: chosen.period.description,
            trail: try await Self.trail(
                to: chosen.unit, period: chosen.period, viewer: principal, language: language, on: request.db),
            rows: rows, subUnits: subUnits,
            subUnitTitle: UIStrings.text(chosen.unit == .nation ? "provinces" : "communes", language),
            refreshedAt: state?.refreshedAt.map { VietnamTime.format($0) }
                ?? UIStrings.text("notYetComputed", language),
            canRefresh: AccessPolicy.allows(principal.role, .manageReferenceData),
            reportHref: Self.href("/indicators/report", unit: chosen.unit, period: chosen.period))
        return try await request.render("indicators/overview", title: UIStrings.text("indicators", language), page)
    }

    struct Cell: Encodable {
        var label: String
        var href: String?
        var value: String
        var numerator: String
        var denominator: String
    }

    struct DetailPage: Encodable {
        var code: String
        var name: String
        var definition: String
        var source: String
        var unitName: String
        var unitCode: String
        var period: String
        var trail: [Link]
        var value: String
        var numerator: String
        var denominator: String
        var hasDenominator: Bool
        var target: String
        var progress: Int?
        var awaitingData: Bool
        var notForPeriod: Bool
        var units: [Cell]
        var unitChart: BarChart?
        var breakdowns: [Choice]
        var categories: [Cell]
        var categoryChart: BarChart?
        var trend: [Cell]
        var trendChart: LineChart
        var csvHref: String
        var xlsxHref: String
    }

    static func table(_ request: Request) async throws -> IndicatorTable {
        let chosen = try await selection(request)
        let definition = try IndicatorCatalogueFile.indicator(request.parameters.get("code") ?? "")
        let byText = try? request.query.get(String.self, at: "by")
        let by = try byText.flatMap { text -> Disaggregation? in
            if text.isEmpty { return nil }
            guard let found = Disaggregation(rawValue: text), definition.disaggregations.contains(found) else {
                throw TreError.invalidInput(
                    LocalizedText(
                        vi: "Chỉ tiêu \(definition.code) không phân tổ theo \(text).",
                        en: "Indicator \(definition.code) cannot be broken down by \(text)."))
            }
            return found
        }
        return try await IndicatorTables.build(
            definition, unit: chosen.unit, period: chosen.period, by: by, viewer: try request.requirePrincipal(),
            language: request.language, on: request.db)
    }

    @Sendable func detail(_ request: Request) async throws -> Response {
        let language = request.language
        let principal = try request.requirePrincipal()
        let table = try await Self.table(request)
        let definition = table.definition
        func cell(_ row: IndicatorTable.Row, href: String?) -> Cell {
            Cell(
                label: row.name, href: href, value: row.reading.display(definition.factor, language: language),
                numerator: row.reading.displayCount(row.reading.numerator, language: language),
                denominator: row.reading.displayCount(row.reading.denominator, language: language))
        }
        let units = table.subUnits.map { row in
            cell(
                row,
                href: row.drillable
                    ? (try? unitOf(row.unitCode, parent: table.unit)).map {
                        Self.href("/indicators/\(definition.code)", unit: $0, period: table.period)
                    } : nil)
        }
        let categories = table.categories.map { cell($0, href: nil) }
        let trend = table.trend.map { cell($0, href: nil) }
        let target = table.target.map { IndicatorTarget(value: $0, higherIsBetter: definition.higherIsBetter) }
        let by = table.breakdown?.rawValue
        let page = DetailPage(
            code: definition.code, name: definition.name(language), definition: definition.definition(language),
            source: definition.source, unitName: table.unitName, unitCode: IndicatorUnit.code(table.unit),
            period: table.period.description,
            trail: try await Self.trail(
                to: table.unit, period: table.period, viewer: principal, language: language, on: request.db),
            value: table.total.display(definition.factor, language: language),
            numerator: table.total.displayCount(table.total.numerator, language: language),
            denominator: table.total.displayCount(table.total.denominator, language: language),
            hasDenominator: definition.denominator != nil,
            target: table.target.map { IndicatorNumberFormat.decimal($0, language: language) } ?? "",
            progress: target.flatMap { target in table.total.value.map { target.progress(of: $0) } },
            awaitingData: table.total.awaitingData, notForPeriod: !definition.periods.contains(table.period.kind),
            units: units,
            unitChart: units.isEmpty
                ? nil
                : BarChart(
                    rows: zip(table.subUnits, units).map { ($0.name, $0.reading.value, $1.value, $1.href) },
                    target: table.target),
            breakdowns: definition.disaggregations.map {
                Choice(value: $0.rawValue, label: $0.label(language), selected: $0.rawValue == by)
            },
            categories: categories,
            categoryChart: categories.isEmpty
                ? nil
                : BarChart(
                    rows: zip(table.categories, categories).map { ($0.name, $0.reading.value, $1.value, nil) },
                    target: nil),
            trend: trend,
            trendChart: LineChart(
                rows: zip(table.trend, trend).map { ($0.name, $0.reading.value, $1.value) }, target: table.target),
            csvHref: Self.href(
                "/indicators/\(definition.code)/table.csv", unit: table.unit, period: table.period, by: by),
            xlsxHref: Self.href(
                "/indicators/\(definition.code)/table.xlsx", unit: table.unit, period: table.period, by: by))
        return try await request.render("indicators/detail", title: definition.name(language), page)
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

    struct ReportPage: Encodable {
        var unitName: String
        var period: String
        var rows: [OverviewRow]
        var generatedAt: String
        var status: String
        var xlsxHref: String
    }

    /// Every indicator of the unit for the period, as the report to the level above.
    private func reportTables(_ request: Request) async throws -> [IndicatorTable] {
        let chosen = try await Self.selection(request)
        let principal = try request.requirePrincipal()
        var tables: [IndicatorTable] = []
        for definition in IndicatorCatalogueFile.shared.indicators where definition.periods.contains(chosen.period.kind)
        {
            tables.append(
                try await IndicatorTables.build(
                    definition, unit: chosen.unit, period: chosen.period, by: nil, viewer: principal,
                    language: request.language, on: request.db))
        }
        return tables
    }

    @Sendable func printableReport(_ request: Request) async throws -> Response {
        let language = request.language
        let chosen = try await Self.selection(request)
        let tables = try await reportTables(request)
        let status = try await PeriodicReportsController.status(of: chosen.unit, period: chosen.period, on: request.db)
        let rows = tables.map { table in
            OverviewRow(
                code: table.definition.code, name: table.definition.name(language),
                value: table.total.display(table.definition.factor, language: language),
                numerator: table.total.displayCount(table.total.numerator, language: language),
                denominator: table.total.displayCount(table.total.denominator, language: language),
                target: table.target.map { IndicatorNumberFormat.decimal($0, language: language) } ?? "", progress: nil,
                met: false, href: "", trend: nil)
        }
        let page = ReportPage(
            unitName: try await IndicatorTables.name(of: chosen.unit, language: language, on: request.db),
            period: chosen.period.description, rows: rows, generatedAt: VietnamTime.format(Date()),
            status: status?.label(language) ?? UIStrings.text("reportNotSubmitted", language),
            xlsxHref: Self.href("/indicators/report.xlsx", unit: chosen.unit, period: chosen.period))
        return try await request.render("indicators/report", title: UIStrings.text("periodicReport", language), page)
    }

    @Sendable func reportWorkbook(_ request: Request) async throws -> Response {
        let chosen = try await Self.selection(request)
        let tables = try await reportTables(request)
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
        let outcome = try await IndicatorRefresh.run(
            on: request.application.db(request.application.backgroundDatabaseID))
        try await AuditLog.record(
            AuditEvent(
                action: "indicators.refreshed", recordType: "indicator", jurisdiction: .nation,
                details: "facts=\(outcome.facts) ms=\(outcome.milliseconds) skipped=\(outcome.skipped)"),
            by: request.auditActor(), on: request.db)
        return request.redirect(to: "/indicators")
    }
}

/// The unit a sub-unit row stands for.
func unitOf(_ code: String, parent: Jurisdiction) throws -> Jurisdiction {
    guard let number = Int(code) else { throw TreError.notFound }
    switch parent {
    case .nation: return .province(provinceCode: number)
    case .province(let province): return .commune(provinceCode: province, communeCode: number)
    case .commune: return parent
    }
}
