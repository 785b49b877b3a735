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

    struct Breakdown: Encodable {
        var label: String
        var href: String
        var selected: Bool
    }

    init(_ table: IndicatorTable, trail: [NamedUnit], language: Language) {
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
        let trend = table.trend.map { cell($0, href: nil) }
        let target = table.target.map { IndicatorTarget(value: $0, higherIsBetter: definition.higherIsBetter) }
        let by = table.breakdown?.rawValue
        self.code = code
        name = definition.name(language)
        self.definition = definition.definition(language)
        source = definition.source
        unitName = table.unitName
        unitCode = IndicatorUnit.code(table.unit)
        period = table.period.description
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
                target: table.target)
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
                rows: zip(table.categories, categories).map { ($0.name, $0.reading.value, $1.value, nil) }, target: nil)
        self.trend = trend
        trendChart = LineChart(
            rows: zip(table.trend, trend).map { ($0.name, $0.reading.value, $1.value) }, target: table.target)
        csvHref = IndicatorURL.tableCSV(.value(code)).link(unit: table.unit, period: table.period, by: by)
        xlsxHref = IndicatorURL.tableXLSX(.value(code)).link(unit: table.unit, period: table.period, by: by)
    }
}

/// `/indicators/report`: every indicator of the unit for the period, as the report to the level above, with
/// where the commune's periodic report stands.
struct IndicatorReportPage: Encodable {
    var unitName: String
    var period: String
    var rows: [IndicatorOverviewRow]
    var generatedAt: String
    /// When the figures were computed, which is what the report is true as of (printing it later changes
    /// nothing); empty before the first computation.
    var figuresComputedAt: String
    var status: String
    var xlsxHref: String
    var printScript: String

    init(_ report: IndicatorReportData, language: Language, now: Date) {
        let unit = report.unit
        let period = report.period
        let status = report.status
        unitName = unit.name
        self.period = period.description
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
