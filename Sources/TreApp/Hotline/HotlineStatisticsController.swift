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

    struct Bar: Encodable {
        var label: String
        var count: String
        var percent: Int
    }

    struct Chart: Encodable {
        var title: String
        var bars: [Bar]
    }

    struct LevelView: Encodable {
        var title: String
        var total: String
        var charts: [Chart]
    }

    struct StatisticsPage: Encodable {
        var periodLabel: String
        var periods: [Choice]
        var date: String
        var provinces: [Choice]
        var provinceLocked: Bool
        var levels: [LevelView]
        var csvHref: String
        var action = SiteURL.hotline(.statistics).path
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let language = request.language
        let chosen = try selection(request)
        let principal = try request.requirePrincipal()
        let figures = try await HotlineStatisticsQuery.figures(
            for: chosen.period, provinceCode: chosen.provinceCode, on: request.db)
        let hidden = try await Self.hidden(of: chosen, for: principal, on: request.db)
        let names = try await labels(on: request.db, language: language)
        let titles = [
            UIStrings.text("incomingContacts", language), UIStrings.text("counselledContacts", language),
            UIStrings.text("interventionCases", language),
        ]
        let chartTitles = [
            "channel": UIStrings.text("channel", language), "category": UIStrings.text("topicCategory", language),
            "topic": UIStrings.text("topics", language), "abuse_form": UIStrings.text("abuseForms", language),
            "sex": UIStrings.text("sex", language), "age_band": UIStrings.text("ageBand", language),
        ]
        let levels = zip(titles, figures.levels).map { title, named in
            LevelView(
                title: title,
                total: hidden.contains(.total(named.name)) ? Self.hiddenText : String(named.level.total),
                charts: named.level.breakdowns.map { breakdown in
                    chart(
                        chartTitles[breakdown.dimension] ?? breakdown.dimension, breakdown.counts, names,
                        hidden: { hidden.contains(HotlineCell(named.name, breakdown.dimension, $0)) })
                }.filter { !$0.bars.isEmpty })
        }
        let provinces = try await Province.query(on: request.db).sort(\.$code).all().map {
            Choice(value: String($0.code), label: $0.name, selected: $0.code == chosen.provinceCode)
        }
        var csvQuery = ["period": chosen.period.kind.rawValue, "date": chosen.period.start.description]
        csvQuery["province"] = chosen.provinceCode.map(String.init)
        let page = StatisticsPage(
            periodLabel: chosen.period.label,
            periods: StatisticsPeriod.Kind.allCases.map {
                Choice(
                    value: $0.rawValue, label: UIStrings.text("period_\($0.rawValue)", language),
                    selected: $0 == chosen.period.kind)
            },
            date: VietnamTime.date(chosen.period.start.description), provinces: provinces,
            provinceLocked: principal.jurisdiction.provinceCode != nil, levels: levels,
            csvHref: SiteURL.hotline(.statisticsExport).link(csvQuery))
        return try await request.render(
            "hotline/statistics", title: UIStrings.text("hotlineStatistics", language), page)
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

    /// Hidden bars come last, at no length, and the longest bar is a shown one: a bar's place or length
    /// must not bound the count it hides.
    private func chart(
        _ title: String, _ counts: [String: Int], _ names: [String: String], hidden: (String) -> Bool
    ) -> Chart {
        let shown = counts.filter { !hidden($0.key) }
        let largest = max(shown.values.max() ?? 0, 1)
        let bars =
            shown.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                Bar(label: names[$0.key] ?? $0.key, count: String($0.value), percent: $0.value * 100 / largest)
            }
            + counts.keys.filter(hidden).sorted().map {
                Bar(label: names[$0] ?? $0, count: Self.hiddenText, percent: 0)
            }
        return Chart(title: title, bars: bars)
    }

    /// Display names for every key a breakdown can hold.
    private func labels(on database: any Database, language: Language) async throws -> [String: String] {
        var names: [String: String] = [HotlineStatistics.Level.unknown: UIStrings.text("notKnown", language)]
        for channel in ContactChannel.allCases { names[channel.rawValue] = channel.label(language) }
        for form in AbuseForm.allCases { names[form.rawValue] = form.label(language) }
        for sex in Choice.sexes(selected: nil, language: language) { names[sex.value] = sex.label }
        for topic in try await ContactTopicRecord.query(on: database).all() {
            names[topic.categoryCode] = language == .vi ? topic.categoryVI : topic.categoryEN
            names[topic.code] = language == .vi ? topic.nameVI : topic.nameEN
        }
        return names
    }
}
