import Fluent
import Foundation
import TreDomain

extension HotlineQueries {
    /// What the statistics page shows: the figures of the chosen period and province, which counts this
    /// reader may not see (decision 008), and the names of topics and provinces.
    struct Statistics {
        var figures: HotlineStatistics
        var hidden: Set<HotlineCell>
        var topics: [ContactTopicRecord]
        var provinces: [Province]
    }

    static func statistics(
        _ selection: HotlineStatisticsController.Selection, for principal: Principal, on database: any Database
    ) async throws -> Statistics {
        Statistics(
            figures: try await HotlineStatisticsQuery.figures(
                for: selection.period, provinceCode: selection.provinceCode, on: database),
            hidden: try await HotlineStatisticsController.hidden(of: selection, for: principal, on: database),
            topics: try await ContactTopicRecord.query(on: database).all(),
            provinces: try await Province.query(on: database).sort(\.$code).all())
    }
}

/// The hotline's published tables for a period and province as bar charts: a hidden count reads "<5",
/// its bar comes last at no length.
struct HotlineStatisticsPage: Encodable {
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

    var periodLabel: String
    var periods: [Choice]
    var date: String
    var provinces: [Choice]
    /// A province's reader sees only that province: the choice is not offered.
    var provinceLocked: Bool
    var levels: [LevelView]
    var csvHref: String
    var action = SiteURL.hotline(.statistics).path

    init(
        _ loaded: HotlineQueries.Statistics, selection chosen: HotlineStatisticsController.Selection,
        provinceLocked: Bool, language: Language
    ) {
        let text = { (key: String) in UIStrings.text(key, language) }
        let hidden = loaded.hidden
        let names = Self.labels(loaded.topics, language: language)
        let titles = [text("incomingContacts"), text("counselledContacts"), text("interventionCases")]
        let chartTitles = [
            "channel": text("channel"), "category": text("topicCategory"), "topic": text("topics"),
            "abuse_form": text("abuseForms"), "sex": text("sex"), "age_band": text("ageBand"),
        ]
        levels = zip(titles, loaded.figures.levels).map { title, named in
            LevelView(
                title: title,
                total: hidden.contains(.total(named.name))
                    ? HotlineStatisticsController.hiddenText : String(named.level.total),
                charts: named.level.breakdowns.map { breakdown in
                    Self.chart(
                        chartTitles[breakdown.dimension] ?? breakdown.dimension, breakdown.counts, names,
                        hidden: { hidden.contains(HotlineCell(named.name, breakdown.dimension, $0)) })
                }.filter { !$0.bars.isEmpty })
        }
        provinces = loaded.provinces.map {
            Choice(value: String($0.code), label: $0.name, selected: $0.code == chosen.provinceCode)
        }
        var csvQuery = ["period": chosen.period.kind.rawValue, "date": chosen.period.start.description]
        csvQuery["province"] = chosen.provinceCode.map(String.init)
        csvHref = SiteURL.hotline(.statisticsExport).link(csvQuery)
        periodLabel = chosen.period.label
        periods = StatisticsPeriod.Kind.allCases.map {
            Choice(value: $0.rawValue, label: text("period_\($0.rawValue)"), selected: $0 == chosen.period.kind)
        }
        date = VietnamTime.date(chosen.period.start.description)
        self.provinceLocked = provinceLocked
    }

    /// Hidden bars come last, at no length, and the longest bar is a shown one: a bar's place or length
    /// must not bound the count it hides.
    static func chart(
        _ title: String, _ counts: [String: Int], _ names: [String: String], hidden: (String) -> Bool
    ) -> Chart {
        let shown = counts.filter { !hidden($0.key) }
        let largest = max(shown.values.max() ?? 0, 1)
        let bars =
            shown.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                Bar(label: names[$0.key] ?? $0.key, count: String($0.value), percent: $0.value * 100 / largest)
            }
            + counts.keys.filter(hidden).sorted().map {
                Bar(label: names[$0] ?? $0, count: HotlineStatisticsController.hiddenText, percent: 0)
            }
        return Chart(title: title, bars: bars)
    }

    /// Display names for every key a breakdown can hold.
    static func labels(_ topics: [ContactTopicRecord], language: Language) -> [String: String] {
        var names: [String: String] = [HotlineStatistics.Level.unknown: UIStrings.text("notKnown", language)]
        for channel in ContactChannel.allCases { names[channel.rawValue] = channel.label(language) }
        for form in AbuseForm.allCases { names[form.rawValue] = form.label(language) }
        for sex in Choice.sexes(selected: nil, language: language) { names[sex.value] = sex.label }
        for topic in topics {
            names[topic.categoryCode] = language == .vi ? topic.categoryVI : topic.categoryEN
            names[topic.code] = language == .vi ? topic.nameVI : topic.nameEN
        }
        return names
    }
}
