import Foundation
import TreDomain

/// One line of a detail table: a unit below, a breakdown category or a period of the trend.
struct IndicatorCell: Encodable {
    var label: String
    var href: String?
    var value: String
    var numerator: String
    var denominator: String
}

/// `/indicators/{code}`: one indicator of a unit and period, its units below (each a link when the reader may
/// open it), its breakdowns and its trend, with the exports.
struct IndicatorDetailPage: Encodable {
    var code: String
    var name: String
    var definition: String
    var source: String
    var unitName: String
    var unitCode: String
    var period: String
    /// The period as people write it ("Quý 3/2026").
    var periodLabel: String
    var trail: [IndicatorLink]
    var value: String
    var numerator: String
    var denominator: String
    var hasDenominator: Bool
    var target: String
    var progress: Int?
    var awaitingData: Bool
    var notForPeriod: Bool
    var units: [IndicatorCell]
    var unitChart: BarChart?
    /// The breakdowns offered, each with the link that shows it.
    var breakdowns: [Breakdown]
    var categories: [IndicatorCell]
    var categoryChart: BarChart?
    var trend: [IndicatorCell]
    var trendChart: LineChart
    var csvHref: String
    var xlsxHref: String
    /// The period picker's form: it keeps the unit and the breakdown.
    var action: String
    var by: String
    var picker: PeriodPicker
    /// Why the period typed could not be read (the page then shows this year's figures).
    var error: String?

    struct Breakdown: Encodable {
        var label: String
        var href: String
        var selected: Bool
    }

    init(
        _ table: IndicatorTable, trail: [NamedUnit], language: Language, asked: PeriodAsked? = nil,
        today: CivilDate = VietnamDay.containing(Date())
    ) {
        let definition = table.definition
        let code = definition.code
        func cell(_ row: IndicatorTable.Row, href: String?) -> IndicatorCell {
            IndicatorCell(
                label: row.name, href: href, value: row.reading.display(definition.factor, language: language),
                numerator: row.reading.displayCount(row.reading.numerator, language: language),
                denominator: row.reading.displayCount(row.reading.denominator, language: language))
        }
        let units = table.subUnits.map { row in
            cell(
                row,
                href: row.drillable
                    ? (try? unitOf(row.unitCode, parent: table.unit)).map {
                        IndicatorURL.detail(.value(code)).link(unit: $0, period: table.period)
                    } : nil)
        }
        let categories = table.categories.map { cell($0, href: nil) }
        // Each period of the trend as people write it ("Quý 2/2026"); its code stays in the exports and the API.
        let trendPeriods = table.trend.compactMap { try? IndicatorPeriod(parsing: $0.unitCode) }
        let trend = table.trend.map { row in
            var shown = cell(row, href: nil)
            shown.label = (try? IndicatorPeriod(parsing: row.unitCode))?.label(language) ?? row.name
            return shown
        }
        let caption = "\(UIStrings.text("value", language)) — \(table.period.label(language))"
        let target = table.target.map { IndicatorTarget(value: $0, higherIsBetter: definition.higherIsBetter) }
        let by = table.breakdown?.rawValue
        self.code = code
        name = definition.name(language)
        self.definition = definition.definition(language)
        source = definition.source
        unitName = table.unitName
        unitCode = IndicatorUnit.code(table.unit)
        period = table.period.description
        periodLabel = table.period.label(language)
        self.trail = trail.links(to: .overview, period: table.period)
        value = table.total.display(definition.factor, language: language)
        numerator = table.total.displayCount(table.total.numerator, language: language)
        denominator = table.total.displayCount(table.total.denominator, language: language)
        hasDenominator = definition.denominator != nil
        self.target = table.target.map { IndicatorNumberFormat.decimal($0, language: language) } ?? ""
        progress = target.flatMap { target in table.total.value.map { target.progress(of: $0) } }
        awaitingData = table.total.awaitingData
        notForPeriod = !definition.periods.contains(table.period.kind)
        self.units = units
        unitChart =
            units.isEmpty
            ? nil
            : BarChart(
                rows: zip(table.subUnits, units).map { ($0.name, $0.reading.value, $1.value, $1.href) },
                target: table.target, caption: caption, language: language)
        breakdowns = definition.disaggregations.map {
            Breakdown(
                label: $0.label(language),
                href: IndicatorURL.detail(.value(code)).link(unit: table.unit, period: table.period, by: $0.rawValue),
                selected: $0.rawValue == by)
        }
        self.categories = categories
        categoryChart =
            categories.isEmpty
            ? nil
            : BarChart(
                rows: zip(table.categories, categories).map { ($0.name, $0.reading.value, $1.value, nil) }, target: nil,
                caption: caption, language: language)
        self.trend = trend
        trendChart = LineChart(
            rows: zip(table.trend, trend).map { ($1.label, $0.reading.value, $1.value) }, target: table.target,
            axis: trendPeriods.count == table.trend.count ? PeriodAxis(trendPeriods, language: language) : nil,
            yTitle: UIStrings.text("value", language), language: language)
        csvHref = IndicatorURL.tableCSV(.value(code)).link(unit: table.unit, period: table.period, by: by)
        xlsxHref = IndicatorURL.tableXLSX(.value(code)).link(unit: table.unit, period: table.period, by: by)
        action = SiteURL.indicators(.detail(.value(code))).path
        self.by = by ?? ""
        picker = PeriodPicker(
            selected: table.period, asked: asked ?? PeriodAsked(period: nil, pick: nil), today: today,
            language: language)
        error = asked?.refusal?(language)
    }
}

/// `/indicators/report`: every indicator of the unit for the period, as the report to the level above, with
/// where the commune's periodic report stands.
struct IndicatorReportPage: Encodable {
    var unitName: String
    var period: String
    var periodLabel: String
    var rows: [IndicatorOverviewRow]
    var generatedAt: String
    /// When the figures were computed, which is what the report is true as of (printing it later changes
    /// nothing); empty before the first computation.
    var figuresComputedAt: String
    var status: String
    var xlsxHref: String
    var printScript: String
    var unitCode: String
    var action: String
    var picker: PeriodPicker
    var error: String?

    init(_ report: IndicatorReportData, language: Language, now: Date, asked: PeriodAsked? = nil) {
        let unit = report.unit
        let period = report.period
        let status = report.status
        unitName = unit.name
        self.period = period.description
        periodLabel = period.label(language)
        rows = report.tables.map { table in
            IndicatorOverviewRow(
                code: table.definition.code, name: table.definition.name(language),
                value: table.total.display(table.definition.factor, language: language),
                numerator: table.total.displayCount(table.total.numerator, language: language),
                denominator: table.total.displayCount(table.total.denominator, language: language),
                target: table.target.map { IndicatorNumberFormat.decimal($0, language: language) } ?? "",
                progress: nil, met: false, href: "", trend: nil)
        }
        generatedAt = VietnamTime.format(now)
        figuresComputedAt = report.refreshedAt.map(VietnamTime.format) ?? ""
        self.status = status?.label(language) ?? UIStrings.text("reportNotSubmitted", language)
        xlsxHref = IndicatorURL.reportWorkbook.link(unit: unit.unit, period: period)
        printScript = SiteURL.script(.print).path
        unitCode = IndicatorUnit.code(unit.unit)
        action = SiteURL.indicators(.report).path
        picker = PeriodPicker(
            selected: period, asked: asked ?? PeriodAsked(period: nil, pick: nil), today: VietnamDay.containing(now),
            language: language)
        error = asked?.refusal?(language)
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
