import Foundation
import TreDomain

/// `/commune-work`: the year's forums, questions, campaigns and inspections on one page, what is overdue
/// shown as a warning, each count a link to the list it counts.
struct CommuneWorkPage: Encodable {
    struct Tile: Encodable {
        var label: String
        var value: Int
        var href: String
        /// An overdue count shown as a warning when above zero.
        var warning: Bool
    }

    struct Section: Encodable {
        var title: String
        var href: String
        var tiles: [Tile]
    }

    var year: Int
    var action = SiteURL.communeWork(.overview).path
    var sections: [Section]
    var safetyHref: String

    init(_ counts: CommuneWorkQueries.Counts, year: Int, language: Language) {
        func text(_ key: String) -> String { UIStrings.text(key, language) }
        func tile(
            _ key: String, _ value: Int, _ place: CommuneWorkURL, _ query: [String: String], warning: Bool = false
        )
            -> Tile
        {
            Tile(
                label: text(key), value: value, href: SiteURL.communeWork(place).link(query),
                warning: warning && value > 0)
        }
        let inYear = ["year": String(year)]
        let overdue = ["overdue": "1"]
        self.year = year
        sections = [
            Section(
                title: text("forums"), href: SiteURL.communeWork(.forums(.list)).link(inYear),
                tiles: [
                    tile("forumsHeld", counts.forums, .forums(.list), inYear),
                    tile("forumReportsOverdue", counts.forumReportsOverdue, .forums(.list), overdue, warning: true),
                    tile("questionsDueThisYear", counts.questionsDue, .forums(.questions), inYear),
                    tile("questionsAnsweredOnTime", counts.questionsAnsweredOnTime, .forums(.questions), inYear),
                    tile("questionsOverdue", counts.questionsOverdue, .forums(.questions), overdue, warning: true),
                ]),
            Section(
                title: text("campaigns"), href: SiteURL.communeWork(.campaigns(.list)).link(inYear),
                tiles: [
                    tile("activities", counts.activities, .campaigns(.list), inYear),
                    tile("childrenReached", counts.childrenReached, .campaigns(.list), inYear),
                    tile(
                        "actionMonthReportsOverdue", counts.actionMonthReportsOverdue, .campaigns(.list), overdue,
                        warning: true),
                ]),
            Section(
                title: text("inspections"), href: SiteURL.communeWork(.inspections(.list)).link(inYear),
                tiles: [
                    tile("inspectionsHeld", counts.inspections, .inspections(.list), inYear),
                    tile(
                        "inspectionsWithViolations", counts.inspectionsWithViolations, .inspections(.list),
                        inYear.merging(["violations": "1"]) { first, _ in first }),
                    tile("followUpsOverdue", counts.followUpsOverdue, .inspections(.list), overdue, warning: true),
                ]),
        ]
        safetyHref = SiteURL.communeWork(.safety(.list)).link(inYear)
    }
}
