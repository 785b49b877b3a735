import Fluent
import Foundation
import TreDomain
import Vapor

/// `/commune-work`: the year's forums, questions, campaigns and inspections of the reader's jurisdiction
/// on one page, with what is overdue first and a link to each list.
struct CommuneWorkController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("commune-work", access: .permission(.viewCommuneWork), use: overview)
    }

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

    struct OverviewPage: Encodable {
        var year: Int
        var sections: [Section]
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let language = request.language
        let jurisdiction = try request.requirePrincipal().jurisdiction
        let year = (try? request.query.get(Int.self, at: "year")) ?? ChildAge.todayInVietnam().year
        let database = request.db
        func text(_ key: String) -> String { UIStrings.text(key, language) }
        func tile(_ key: String, _ value: Int, _ href: String, warning: Bool = false) -> Tile {
            Tile(label: text(key), value: value, href: href, warning: warning && value > 0)
        }
        let inYear = "year=\(year)"

        let forums = ForumQueries.Filter(year: year)
        let overdueForums = ForumQueries.Filter(overdue: true)
        let forumSection = Section(
            title: text("forums"), href: "/forums?\(inYear)",
            tiles: [
                tile(
                    "forumsHeld", try await ForumQueries.forums(forums, in: jurisdiction, on: database).count(),
                    "/forums?\(inYear)"),
                tile(
                    "forumReportsOverdue",
                    try await ForumQueries.forums(overdueForums, in: jurisdiction, on: database).count(),
                    "/forums?overdue=1", warning: true),
                tile(
                    "questionsDueThisYear",
                    try await ForumQueries.questions(forums, in: jurisdiction, on: database).count(),
                    "/forums/questions?\(inYear)"),
                tile(
                    "questionsAnsweredOnTime",
                    try await ForumQueries.questions(forums, in: jurisdiction, on: database)
                        .filter(\.$answeredOn, .lessThanOrEqual, \.$due).count(), "/forums/questions?\(inYear)"),
                tile(
                    "questionsOverdue",
                    try await ForumQueries.questions(overdueForums, in: jurisdiction, on: database).count(),
                    "/forums/questions?overdue=1", warning: true),
            ])

        let campaigns = CampaignQueries.Filter(year: year)
        let campaignSection = Section(
            title: text("campaigns"), href: "/campaigns?\(inYear)",
            tiles: [
                tile(
                    "activities", try await CampaignQueries.matching(campaigns, in: jurisdiction, on: database).count(),
                    "/campaigns?\(inYear)"),
                tile(
                    "childrenReached",
                    try await CampaignQueries.matching(campaigns, in: jurisdiction, on: database).sum(\.$children) ?? 0,
                    "/campaigns?\(inYear)"),
                tile(
                    "actionMonthReportsOverdue",
                    try await CampaignQueries.matching(
                        CampaignQueries.Filter(overdue: true), in: jurisdiction, on: database
                    ).count(), "/campaigns?overdue=1", warning: true),
            ])

        let inspections = InspectionQueries.Filter(year: year)
        let inspectionSection = Section(
            title: text("inspections"), href: "/inspections?\(inYear)",
            tiles: [
                tile(
                    "inspectionsHeld",
                    try await InspectionQueries.matching(inspections, in: jurisdiction, on: database).count(),
                    "/inspections?\(inYear)"),
                tile(
                    "inspectionsWithViolations",
                    try await InspectionQueries.matching(
                        InspectionQueries.Filter(year: year, withViolations: true), in: jurisdiction, on: database
                    ).count(), "/inspections?\(inYear)&violations=1"),
                tile(
                    "followUpsOverdue",
                    try await InspectionQueries.matching(
                        InspectionQueries.Filter(overdue: true), in: jurisdiction, on: database
                    ).count(), "/inspections?overdue=1", warning: true),
            ])

        let page = OverviewPage(year: year, sections: [forumSection, campaignSection, inspectionSection])
        return try await request.render("commune-work/overview", title: text("communeWork"), page)
    }
}
