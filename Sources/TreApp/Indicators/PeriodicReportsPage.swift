import Foundation
import TreDomain

/// What a periodic-report form just did, as the list says it after the browser was sent back there.
enum PeriodicReportNotice: String, Sendable, CaseIterable {
    case submitted, approved, returned, reopened, population

    func text(_ language: Language) -> String {
        switch self {
        case .submitted: UIStrings.text("reportSubmitted", language)
        case .population: UIStrings.text("populationSaved", language)
        case .approved: PeriodicReportStatus.approved.label(language)
        case .returned: PeriodicReportStatus.returned.label(language)
        case .reopened: PeriodicReportStatus.reopened.label(language)
        }
    }
}

/// `/indicators/reports`: a commune enters its child population and submits its report; the province finds
/// its communes' reports and approves, returns or reopens them.
struct PeriodicReportsPage: Encodable {
    struct Row: Encodable {
        var id: String
        var commune: String
        var period: String
        var status: String
        var comment: String
        var canDecide: Bool
        var canReopen: Bool
        var reportHref: String
        var approveAction: String
        var returnAction: String
        var reopenAction: String
    }

    var isCommune: Bool
    var period: String
    var periodExample: String
    var year: Int
    var population: String
    var reports: [Row]
    var error: String?
    var notice: String?
    var statuses: [Choice]
    var filterPeriod: String
    var q: String
    var pager: PagerModel
    var csvHref: String
    var listAction: String
    var populationAction: String
    /// The list's filter by period (any period first) and the period a commune submits (the quarter that
    /// last ended, chosen).
    var picker: PeriodPicker
    var submitPicker: PeriodPicker

    /// `typed` refills the forms after a refusal (the period or population the commune typed).
    init(
        _ data: PeriodicReportsData, filter: PeriodicReportFilter, paging: Paging, reader: Principal,
        language: Language, today: CivilDate, refusal: Refusal? = nil, notice: PeriodicReportNotice? = nil,
        typed: (period: String?, population: String?) = (nil, nil), asked: PeriodAsked? = nil
    ) {
        let jurisdiction = reader.jurisdiction
        let currentQuarter = IndicatorPeriod(kind: .quarter, year: today.year, index: (today.month - 1) / 3 + 1)
        isCommune = jurisdiction.level == .commune
        period = typed.period ?? currentQuarter.description
        periodExample = currentQuarter.description
        year = today.year
        population = typed.population ?? data.population.map(String.init) ?? ""
        reports = data.reports.map { named in
            let record = named.record
            let unit = Jurisdiction.commune(provinceCode: record.provinceCode, communeCode: record.communeCode)
            let period =
                (try? IndicatorPeriod(parsing: record.period)) ?? IndicatorPeriod(kind: .year, year: today.year)
            let status = PeriodicReportStatus(rawValue: record.status)
            let id = record.id ?? UUID()
            func decide(_ action: PeriodicReportAction) -> String {
                SiteURL.indicators(.decide(.value(id), .value(action))).path
            }
            return Row(
                id: id.uuidString, commune: named.commune,
                period: (try? IndicatorPeriod(parsing: record.period))?.label(language) ?? record.period,
                status: status?.label(language) ?? record.status, comment: record.comment,
                canDecide: jurisdiction.level == .province && status == .submitted,
                canReopen: jurisdiction.level == .province && status == .approved,
                reportHref: IndicatorURL.report.link(unit: unit, period: period), approveAction: decide(.approve),
                returnAction: decide(.return), reopenAction: decide(.reopen))
        }
        error = refusal?.message ?? asked?.refusal?(language)
        self.notice = notice?.text(language)
        picker = PeriodPicker(
            selected: try? IndicatorPeriod(parsing: filter.period), asked: asked ?? PeriodAsked(period: nil, pick: nil),
            today: today, language: language, anyLabel: UIStrings.text("allPeriods", language))
        let owed = HomeQueries.lastEndedQuarter(before: today)
        let typedPeriod = typed.period.flatMap { try? IndicatorPeriod(parsing: $0) }
        submitPicker = PeriodPicker(selected: typedPeriod ?? owed, today: today, language: language)
        submitPicker.typed = typedPeriod == nil ? typed.period ?? "" : ""
        statuses = PeriodicReportStatus.allCases.map {
            Choice(value: $0.rawValue, label: $0.label(language), selected: $0.rawValue == filter.status)
        }
        filterPeriod = filter.period
        q = filter.q
        let list = SiteURL.indicators(.reports)
        pager = PagerModel(paging, total: data.total, path: list.path, query: filter.query)
        csvHref =
            filter.query.isEmpty
            ? SiteURL.indicators(.reportsCSV).path : SiteURL.indicators(.reportsCSV).link(filter.query)
        listAction = list.path
        populationAction = SiteURL.indicators(.population).path
    }
}

/// `/indicators/targets`: the reader's unit's target for every indicator in a year, each a small form.
struct IndicatorTargetsPage: Encodable {
    struct Row: Encodable {
        var code: String
        var name: String
        var target: String
    }

    var unitName: String
    var year: Int
    var rows: [Row]
    var error: String?
    var notice: String?
    var action: String

    init(
        unitName: String, year: Int, targets: [String: Double],
        catalogue: IndicatorCatalogue = IndicatorCatalogueFile.shared, language: Language, refusal: Refusal? = nil,
        saved: Bool = false
    ) {
        self.unitName = unitName
        self.year = year
        // Computed indicators first, then those entered by hand.
        let ordered =
            catalogue.indicators.filter(\.isComputed) + catalogue.indicators.filter { !$0.isComputed }
        rows = ordered.map {
            Row(
                code: $0.code, name: $0.name(language),
                target: targets[$0.code].map { IndicatorNumberFormat.decimal($0, language: language) } ?? "")
        }
        error = refusal?.message
        notice = saved ? UIStrings.text("targetSaved", language) : nil
        action = SiteURL.indicators(.targets).path
    }
}
