import Fluent
import Foundation
import TreDomain
import Vapor

/// The hotline's published tables for a period and province: a page with bar charts, CSV, and JSON.
/// Aggregates only: no identifier, no individual contact. A province sees its own figures. Only the
/// counsellors, who take the calls, see small counts; everyone else reads them as "<5" (decision 008).
struct HotlineStatisticsController {
    func register(_ routes: any RoutesBuilder) {
        let access = Access.permission(.viewHotlineStatistics)
        routes.get(.hotline(.statistics), access: access, use: page)
        routes.get(.hotline(.statisticsExport), access: access, use: csv)
        routes.get(.hotline(.api(.statistics)), access: access, use: json)
    }

    struct Selection {
        var period: StatisticsPeriod
        var provinceCode: Int?
    }

    private func selection(_ request: Request) throws -> Selection {
        let principal = try request.requirePrincipal()
        let kind = StatisticsPeriod.Kind(rawValue: (try? request.query.get(String.self, at: "period")) ?? "") ?? .month
        let day =
            ((try? request.query.get(String.self, at: "date")).flatMap(CivilDate.init(written:)))
            ?? VietnamDay.containing(Date())
        let province = principal.jurisdiction.provinceCode ?? (try? request.query.get(Int.self, at: "province"))
        return Selection(period: StatisticsPeriod(kind, containing: day), provinceCode: province)
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let chosen = try selection(request)
        let principal = try request.requirePrincipal()
        let loaded = try await HotlineQueries.statistics(chosen, for: principal, on: request.db)
        let page = HotlineStatisticsPage(
            loaded, selection: chosen, provinceLocked: principal.jurisdiction.provinceCode != nil,
            language: request.language)
        return try await request.render(
            "hotline/statistics", title: UIStrings.text("hotlineStatistics", request.language), page)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let chosen = try selection(request)
        let figures = try await HotlineStatisticsQuery.figures(
            for: chosen.period, provinceCode: chosen.provinceCode, on: request.db)
        let hidden = try await Self.hidden(of: chosen, for: principal, on: request.db)
        func shown(_ cell: HotlineCell, _ count: Int) -> String {
            hidden.contains(cell) ? Self.hiddenText : String(count)
        }
        var rows: [[String]] = []
        for (name, level) in figures.levels {
            rows.append([name, "total", "", shown(.total(name), level.total)])
            for (dimension, breakdown) in level.breakdowns {
                rows += breakdown.sorted { $0.key < $1.key }.map {
                    [name, dimension, $0.key, shown(HotlineCell(name, dimension, $0.key), $0.value)]
                }
            }
        }
        return try await CSVDownload.respond(
            request, fileName: "tong-dai-111-\(chosen.period.start).csv",
            header: ["level", "dimension", "value", "count"],
            audit: {
                AuditEvent(
                    action: "hotline.statistics_exported", recordType: "statistics",
                    jurisdiction: principal.jurisdiction, details: "rows=\($0) period=\(chosen.period.label)")
            },
            rows: { $0 == 1 ? rows : [] })
    }

    struct FiguresDTO: Content {
        /// A count hidden by decision 008 is null.
        struct Level: Content {
            var total: Int?
            var byChannel, byCategory, byTopic, byAbuseForm, bySex, byAgeBand: [String: Int?]
        }

        var period: String
        var start: String
        var end: String
        var provinceCode: Int?
        var incoming, counselled, intervention: Level
        var byOutcome: [String: Int?]
        /// Counts below this are hidden (null), with what would give them away; nil when nothing is.
        var hiddenBelow: Int?
    }

    @Sendable func json(_ request: Request) async throws -> FiguresDTO {
        let chosen = try selection(request)
        let figures = try await HotlineStatisticsQuery.figures(
            for: chosen.period, provinceCode: chosen.provinceCode, on: request.db)
        let hidden = try await Self.hidden(
            of: chosen, for: try request.requirePrincipal(), on: request.db)
        func counts(_ name: String, _ dimension: String, _ counts: [String: Int]) -> [String: Int?] {
            Dictionary(
                uniqueKeysWithValues: counts.map { key, count in
                    (key, hidden.contains(HotlineCell(name, dimension, key)) ? nil : count)
                })
        }
        func level(_ name: String, _ level: HotlineStatistics.Level) -> FiguresDTO.Level {
            .init(
                total: hidden.contains(.total(name)) ? nil : level.total,
                byChannel: counts(name, "channel", level.byChannel),
                byCategory: counts(name, "category", level.byCategory), byTopic: counts(name, "topic", level.byTopic),
                byAbuseForm: counts(name, "abuse_form", level.byAbuseForm), bySex: counts(name, "sex", level.bySex),
                byAgeBand: counts(name, "age_band", level.byAgeBand))
        }
        return FiguresDTO(
            period: chosen.period.kind.rawValue, start: chosen.period.start.description,
            end: chosen.period.end.description, provinceCode: chosen.provinceCode,
            incoming: level("incoming", figures.incoming), counselled: level("counselled", figures.counselled),
            intervention: level("intervention", figures.intervention),
            byOutcome: counts("incoming", "outcome", figures.byOutcome),
            hiddenBelow: hidden.isEmpty ? nil : Self.suppression.threshold)
    }

    static let suppression = ComplementarySuppression()
    static var hiddenText: String { "<\(suppression.threshold)" }

    /// Counsellors take the calls and read each contact, so they see the counts whole; provincial officers
    /// and national analysts read published figures, and small ones could point at a child. The country
    /// and every province are decided together, and so are a period and its parts, top down from the year
    /// (its quarters, a quarter's months, a month's days): each view reads the same answer, so neither the
    /// country minus the provinces nor the month minus its days gives a hidden figure away.
    static func hidden(
        of selection: Selection, for principal: Principal, on database: any Database
    ) async throws -> Set<HotlineCell> {
        if principal.role == .hotlineCounsellor { return [] }
        let chosen = selection.period
        var whole = StatisticsPeriod(.year, containing: chosen.start)
        var wholeCounts: HotlineStatisticsQuery.ContactCounts? = nil
        var decided: Set<PlacedHotlineCell>? = nil
        while true {
            let parts = subPeriods(of: whole)
            var partCounts: [HotlineStatisticsQuery.ContactCounts] = []
            for part in parts { partCounts.append(try await HotlineStatisticsQuery.counts(for: part, on: database)) }
            // The year is read once, as its quarters.
            let wholeFigures = (wholeCounts ?? partCounts.reduce(.none, +)).snapshot
            let answer = HotlineStatistics.hiddenCells(
                whole: wholeFigures, decided: decided, parts: partCounts.map(\.snapshot), suppression: suppression)
            let found: Set<PlacedHotlineCell>
            if whole.kind == chosen.kind {
                found = answer.whole
            } else if let index = parts.firstIndex(where: { $0.start <= chosen.start && chosen.start < $0.end }),
                parts[index].kind != chosen.kind
            {
                (whole, wholeCounts, decided) = (parts[index], partCounts[index], answer.parts[index])
                continue
            } else {
                found = parts.firstIndex { $0.start == chosen.start }.map { answer.parts[$0] } ?? []
            }
            return Set(found.filter { $0.provinceCode == selection.provinceCode }.map(\.cell))
        }
    }

    /// A year's quarters, a quarter's months, a month's days.
    static func subPeriods(of period: StatisticsPeriod) -> [StatisticsPeriod] {
        let kind: StatisticsPeriod.Kind
        switch period.kind {
        case .year: kind = .quarter
        case .quarter: kind = .month
        case .month: kind = .day
        case .day: return []
        }
        var parts: [StatisticsPeriod] = []
        var start = period.start
        while start < period.end {
            let part = StatisticsPeriod(kind, containing: start)
            parts.append(part)
            start = part.end
        }
        return parts
    }
}
