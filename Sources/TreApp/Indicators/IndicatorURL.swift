import Foundation
import TreDomain

/// The addresses of indicators, targets, periodic reports, and the API.
enum IndicatorURL: SitePlace {
    /// Every indicator of a unit for a period (`?unit=&period=`).
    case overview
    /// One indicator: its charts, drill-down and breakdowns.
    case detail(RouteValue<String>)
    case tableCSV(RouteValue<String>)
    case tableXLSX(RouteValue<String>)
    /// The printable report to the level above, and its workbook.
    case report
    case reportWorkbook
    /// Recompute the stored figures now.
    case refresh
    /// The periodic reports: the list (GET) and a commune's submission (POST).
    case reports
    case reportsCSV
    /// The province's decision on a report: approve, return or reopen.
    case decide(RouteValue<UUID>, RouteValue<PeriodicReportAction>)
    case population
    case targets
    case api(API)

    enum API: Sendable, Hashable {
        case catalogue
        case figures(RouteValue<String>)
    }

    var segments: [PathSegment] {
        let indicators = PathSegment.fixed("indicators")
        switch self {
        case .overview: return [indicators]
        case .detail(let code): return [indicators, code.named("code")]
        case .tableCSV(let code): return [indicators, code.named("code"), .fixed("table.csv")]
        case .tableXLSX(let code): return [indicators, code.named("code"), .fixed("table.xlsx")]
        case .report: return [indicators, .fixed("report")]
        case .reportWorkbook: return [indicators, .fixed("report.xlsx")]
        case .refresh: return [indicators, .fixed("refresh")]
        case .reports: return [indicators, .fixed("reports")]
        case .reportsCSV: return [indicators, .fixed("reports.csv")]
        case .decide(let id, let action):
            return [indicators, .fixed("reports"), id.named("id"), action.named("action")]
        case .population: return [indicators, .fixed("population")]
        case .targets: return [indicators, .fixed("targets")]
        case .api(let place):
            switch place {
            case .catalogue: return SiteURL.api + [indicators]
            case .figures(let code): return SiteURL.api + [indicators, code.named("code")]
            }
        }
    }

    /// A page of a unit and period, as the dashboards link to each other (`?unit=VN&period=2026-Q1`).
    func link(unit: Jurisdiction, period: IndicatorPeriod, by: String? = nil) -> String {
        var query = ["unit": IndicatorUnit.code(unit), "period": period.description]
        if let by { query["by"] = by }
        return SiteURL.indicators(self).link(query)
    }
}
