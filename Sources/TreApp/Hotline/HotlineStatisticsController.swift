import Fluent
import Foundation
import TreDomain
import Vapor

/// The hotline's published tables for a period and province: a page with bar charts, CSV, and JSON.
/// Aggregates only: no identifier, no individual contact. A province sees its own figures.
struct HotlineStatisticsController {
    func register(_ routes: any RoutesBuilder, api: any RoutesBuilder) {
        routes.get("hotline", "statistics", access: .permission(.viewHotlineStatistics), use: page)
        routes.get("hotline", "statistics.csv", access: .permission(.viewHotlineStatistics), use: csv)
        api.get("hotline", "statistics", access: .permission(.viewHotlineStatistics), use: json)
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
        var count: Int
        var percent: Int
    }

    struct Chart: Encodable {
        var title: String
        var bars: [Bar]
    }

    struct LevelView: Encodable {
        var title: String
        var total: Int
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
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let language = request.language
        let chosen = try selection(request)
        let figures = try await HotlineStatisticsQuery.figures(
            for: chosen.period, provinceCode: chosen.provinceCode, on: request.db)
        let names = try await labels(on: request.db, language: language)
        let levels = [
            (UIStrings.text("incomingContacts", language), figures.incoming),
            (UIStrings.text("counselledContacts", language), figures.counselled),
            (UIStrings.text("interventionCases", language), figures.intervention),
        ].map { title, level in
            LevelView(
                title: title, total: level.total,
                charts: [
                    chart(UIStrings.text("channel", language), level.byChannel, names),
                    chart(UIStrings.text("topicCategory", language), level.byCategory, names),
                    chart(UIStrings.text("topics", language), level.byTopic, names),
                    chart(UIStrings.text("abuseForms", language), level.byAbuseForm, names),
                    chart(UIStrings.text("sex", language), level.bySex, names),
                    chart(UIStrings.text("ageBand", language), level.byAgeBand, names),
                ].filter { !$0.bars.isEmpty })
        }
        let principal = try request.requirePrincipal()
        let provinces = try await Province.query(on: request.db).sort(\.$code).all().map {
            Choice(value: String($0.code), label: $0.name, selected: $0.code == chosen.provinceCode)
        }
        var csv = URLComponents()
        csv.path = "/hotline/statistics.csv"
        csv.queryItems =
            [
                URLQueryItem(name: "period", value: chosen.period.kind.rawValue),
                URLQueryItem(name: "date", value: chosen.period.start.description),
            ] + (chosen.provinceCode.map { [URLQueryItem(name: "province", value: String($0))] } ?? [])
        let page = StatisticsPage(
            periodLabel: chosen.period.label,
            periods: StatisticsPeriod.Kind.allCases.map {
                Choice(
                    value: $0.rawValue, label: UIStrings.text("period_\($0.rawValue)", language),
                    selected: $0 == chosen.period.kind)
            },
            date: VietnamTime.date(chosen.period.start.description), provinces: provinces,
            provinceLocked: principal.jurisdiction.provinceCode != nil, levels: levels, csvHref: csv.string ?? "")
        return try await request.render(
            "hotline/statistics", title: UIStrings.text("hotlineStatistics", language), page)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let chosen = try selection(request)
        let figures = try await HotlineStatisticsQuery.figures(
            for: chosen.period, provinceCode: chosen.provinceCode, on: request.db)
        var rows: [[String]] = []
        for (name, level) in [
            ("incoming", figures.incoming), ("counselled", figures.counselled), ("intervention", figures.intervention),
        ] {
            rows.append([name, "total", "", String(level.total)])
            for (dimension, breakdown) in [
                ("channel", level.byChannel), ("category", level.byCategory), ("topic", level.byTopic),
                ("abuse_form", level.byAbuseForm),
                ("sex", level.bySex), ("age_band", level.byAgeBand),
            ] {
                rows += breakdown.sorted { $0.key < $1.key }.map { [name, dimension, $0.key, String($0.value)] }
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
        struct Level: Content {
            var total: Int
            var byChannel, byCategory, byTopic, byAbuseForm, bySex, byAgeBand: [String: Int]
        }

        var period: String
        var start: String
        var end: String
        var provinceCode: Int?
        var incoming, counselled, intervention: Level
        var byOutcome: [String: Int]
    }

    @Sendable func json(_ request: Request) async throws -> FiguresDTO {
        let chosen = try selection(request)
        let figures = try await HotlineStatisticsQuery.figures(
            for: chosen.period, provinceCode: chosen.provinceCode, on: request.db)
        func level(_ level: HotlineStatistics.Level) -> FiguresDTO.Level {
            .init(
                total: level.total, byChannel: level.byChannel, byCategory: level.byCategory, byTopic: level.byTopic,
                byAbuseForm: level.byAbuseForm, bySex: level.bySex, byAgeBand: level.byAgeBand)
        }
        return FiguresDTO(
            period: chosen.period.kind.rawValue, start: chosen.period.start.description,
            end: chosen.period.end.description, provinceCode: chosen.provinceCode, incoming: level(figures.incoming),
            counselled: level(figures.counselled), intervention: level(figures.intervention),
            byOutcome: figures.byOutcome)
    }

    private func chart(_ title: String, _ counts: [String: Int], _ names: [String: String]) -> Chart {
        let largest = max(counts.values.max() ?? 0, 1)
        return Chart(
            title: title,
            bars: counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                Bar(label: names[$0.key] ?? $0.key, count: $0.value, percent: $0.value * 100 / largest)
            })
    }

    /// Display names for every key a breakdown can hold.
    private func labels(on database: any Database, language: Language) async throws -> [String: String] {
        var names: [String: String] = [HotlineStatistics.Level.unknown: UIStrings.text("notKnown", language)]
        for channel in ContactChannel.allCases { names[channel.rawValue] = channel.label(language) }
        for form in AbuseForm.allCases { names[form.rawValue] = form.label(language) }
        names["male"] = language == .vi ? "Nam" : "Male"
        names["female"] = language == .vi ? "Nữ" : "Female"
        for topic in try await ContactTopicRecord.query(on: database).all() {
            names[topic.categoryCode] = language == .vi ? topic.categoryVI : topic.categoryEN
            names[topic.code] = language == .vi ? topic.nameVI : topic.nameEN
        }
        return names
    }
}
