import Foundation
import TreDomain

/// A link as the indicator pages show it.
struct IndicatorLink: Encodable, Equatable {
    var href: String
    var label: String
}

extension [NamedUnit] {
    /// Each unit as a link to the same page of that unit and period.
    func links(to place: IndicatorURL, period: IndicatorPeriod) -> [IndicatorLink] {
        map { IndicatorLink(href: place.link(unit: $0.unit, period: period), label: $0.name) }
    }
}

/// One indicator's line on the overview and in the printable report.
struct IndicatorOverviewRow: Encodable {
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

/// `/indicators`: every indicator of a unit for a period against its targets, small counts hidden from
/// everyone but the commune that owns them, with the units above and below to move to.
struct IndicatorOverviewPage: Encodable {
    var unitName: String
    var unitCode: String
    var period: String
    /// The period as people write it ("Quý 2/2026"), for the heading.
    var periodLabel: String
    /// How a period is written, shown in the empty field ("Quý 2/2026").
    var periodExample: String
    /// Why the period typed could not be read (the page then shows this year's figures).
    var error: String?
    /// The list of recent periods and the text box for any other.
    var picker: PeriodPicker
    var trail: [IndicatorLink]
    var rows: [IndicatorOverviewRow]
    var subUnits: [IndicatorLink]
    var subUnitTitle: String
    var refreshedAt: String
    var canRefresh: Bool
    var reportHref: String
    var action: String
    var refreshAction: String

    init(
        _ data: IndicatorOverviewData, catalogue: IndicatorCatalogue = IndicatorCatalogueFile.shared,
        reader: Principal, language: Language, periodRefusal: LocalizedText? = nil, asked: PeriodAsked? = nil,
        today: CivilDate = VietnamDay.containing(Date())
    ) {
        let unit = data.unit.unit
        let period = data.period
        let owns = reader.jurisdiction.level == .commune && reader.jurisdiction == unit
        unitName = data.unit.name
        unitCode = IndicatorUnit.code(unit)
        self.period = period.description
        periodLabel = period.label(language)
        periodExample = IndicatorPeriod(kind: .quarter, year: period.year, index: 2).label(language)
        error = (asked?.refusal ?? periodRefusal)?(language)
        picker = PeriodPicker(
            selected: period, asked: asked ?? PeriodAsked(period: nil, pick: nil), today: today, language: language)
        trail = data.trail.links(to: .overview, period: period)
        rows = catalogue.indicators.map { definition in
            func readingAt(_ period: IndicatorPeriod) -> IndicatorReading {
                let key = period.description
                return IndicatorReading(
                    definition, numerator: data.totals[definition.numerator]?[key] ?? 0,
                    denominator: definition.denominator.map { data.totals[$0]?[key] ?? 0 }, viewerOwnsUnit: owns,
                    forceSuppressed: data.hidden[definition.code]?.contains(FigureKey(unit, period)) ?? false)
            }
            let reading = readingAt(period)
            let applies = definition.periods.contains(period.kind)
            let target = data.targets[definition.code].map {
                IndicatorTarget(value: $0, higherIsBetter: definition.higherIsBetter)
            }
            return IndicatorOverviewRow(
                code: definition.code, name: definition.name(language),
                value: applies
                    ? reading.display(definition.factor, language: language)
                    : UIStrings.text("notForThisPeriod", language),
                numerator: applies ? reading.displayCount(reading.numerator, language: language) : "",
                denominator: applies ? reading.displayCount(reading.denominator, language: language) : "",
                target: data.targets[definition.code].map { IndicatorNumberFormat.decimal($0, language: language) }
                    ?? "",
                progress: applies ? target.flatMap { target in reading.value.map { target.progress(of: $0) } } : nil,
                met: applies && (target.flatMap { target in reading.value.map { target.isMet(by: $0) } } ?? false),
                href: IndicatorURL.detail(.value(definition.code)).link(unit: unit, period: period),
                trend: applies && data.trendPeriods.count > 1 && definition.isComputed
                    ? LineChart(
                        rows: data.trendPeriods.map {
                            let point = readingAt($0)
                            return ($0.description, point.value, point.display(definition.factor, language: language))
                        }, target: nil, width: 100, height: 24) : nil)
        }
        subUnits = data.subUnits.links(to: .overview, period: period)
        subUnitTitle = UIStrings.text(unit == .nation ? "provinces" : "communes", language)
        refreshedAt =
            data.refreshedAt.map { VietnamTime.format($0) } ?? UIStrings.text("notYetComputed", language)
        canRefresh = AccessPolicy.allows(reader.role, .manageReferenceData)
        reportHref = IndicatorURL.report.link(unit: unit, period: period)
        action = SiteURL.indicators(.overview).path
        refreshAction = SiteURL.indicators(.refresh).path
    }
}
