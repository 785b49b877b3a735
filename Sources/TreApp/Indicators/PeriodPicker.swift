import Foundation
import TreDomain

/// The period a page was asked for, read the same way on every indicator page: a period typed in the text
/// box (`period`, as people write it: "Quý 3/2026", "Q3/2026", "11/2026", "2026-Q3") wins; otherwise the one
/// chosen in the list (`pick`). A typed period that cannot be read is kept, with the reason, for the page to
/// show again beside the field.
struct PeriodAsked: Sendable, Equatable {
    /// nil when nothing was asked (or what was typed could not be read): the page's own default applies.
    var period: IndicatorPeriod?
    /// What was typed, given back only when it was refused.
    var typed: String
    var refusal: LocalizedText?

    init(period typedText: String?, pick: String?) {
        let text = (typedText ?? "").trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            do {
                period = try IndicatorPeriod(parsing: text)
                typed = ""
                refusal = nil
            } catch {
                period = nil
                typed = text
                refusal = error.message
            }
            return
        }
        period = (pick ?? "").isEmpty ? nil : try? IndicatorPeriod(parsing: pick ?? "")
        typed = ""
        refusal = nil
    }
}

/// The period picker of the indicator pages: one list of recent periods labelled as people write them
/// ("Quý 3/2026"), grouped by kind, and a text box for any other period. A GET form: it works without script.
struct PeriodPicker: Encodable {
    struct Group: Encodable {
        var label: String
        var options: [Choice]
    }

    var groups: [Group]
    /// The first choice of a filter: any period.
    var anyPeriod: Choice?
    /// A refused period as it was typed, so it can be corrected.
    var typed: String
    var example: String
    var error: String?

    /// `anyLabel`: the list's first choice is "any period" (a filter), shown selected when none is chosen.
    init(
        selected: IndicatorPeriod?, asked: PeriodAsked = PeriodAsked(period: nil, pick: nil), today: CivilDate,
        language: Language, anyLabel: String? = nil
    ) {
        var groups: [Group] = []
        anyPeriod = anyLabel.map { Choice(value: "", label: $0, selected: selected == nil) }
        var listed = Set<IndicatorPeriod>()
        for (kind, key) in Self.kinds {
            let periods = Self.recent(kind, today: today)
            listed.formUnion(periods)
            groups.append(
                Group(
                    label: UIStrings.text(key, language),
                    options: periods.map {
                        Choice(value: $0.description, label: $0.label(language), selected: $0 == selected)
                    }))
        }
        // A period from a link that is older than the list is still shown as chosen.
        if let selected, !listed.contains(selected) {
            groups.insert(
                Group(
                    label: selected.label(language),
                    options: [Choice(value: selected.description, label: selected.label(language), selected: true)]),
                at: 0)
        }
        self.groups = groups
        typed = asked.typed
        example = IndicatorPeriod(kind: .quarter, year: today.year, index: 3).label(language)
        error = asked.refusal?(language)
    }

    static let kinds: [(IndicatorPeriod.Kind, String)] = [
        (.quarter, "periodQuarters"), (.month, "periodMonths"), (.halfYear, "periodHalves"), (.year, "periodYears"),
    ]

    /// The periods of a kind that have begun, newest first: five years, their halves and quarters, and the
    /// months of this year and the last.
    static func recent(_ kind: IndicatorPeriod.Kind, today: CivilDate) -> [IndicatorPeriod] {
        let years = Array(((today.year - 4)...today.year).reversed())
        let all: [IndicatorPeriod] =
            switch kind {
            case .year: years.map { IndicatorPeriod(kind: .year, year: $0) }
            case .halfYear:
                years.flatMap { year in
                    (1...2).reversed().map { IndicatorPeriod(kind: .halfYear, year: year, index: $0) }
                }
            case .quarter:
                years.flatMap { year in
                    (1...4).reversed().map { IndicatorPeriod(kind: .quarter, year: year, index: $0) }
                }
            case .month:
                [today.year, today.year - 1].flatMap { year in
                    (1...12).reversed().map { IndicatorPeriod(kind: .month, year: year, index: $0) }
                }
            }
        return all.filter { $0.start <= today }
    }
}
