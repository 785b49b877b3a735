import Fluent
import Foundation
import TreDomain

/// The year's counts of the commune registers inside a jurisdiction, for the overview.
enum CommuneWorkQueries {
    struct Counts: Sendable {
        var forums = 0
        var forumReportsOverdue = 0
        var questionsDue = 0
        var questionsAnsweredOnTime = 0
        var questionsOverdue = 0
        var activities = 0
        var childrenReached = 0
        var actionMonthReportsOverdue = 0
        var inspections = 0
        var inspectionsWithViolations = 0
        var followUpsOverdue = 0
    }

    static func counts(year: Int, in jurisdiction: Jurisdiction, on database: any Database) async throws -> Counts {
        let inYear = RegisterFilter(year: year)
        let overdue = RegisterFilter(overdue: true)
        var counts = Counts()
        counts.forums = try await ForumQueries.forums(inYear, in: jurisdiction, on: database).count()
        counts.forumReportsOverdue = try await ForumQueries.forums(overdue, in: jurisdiction, on: database).count()
        counts.questionsDue = try await ForumQueries.questions(inYear, in: jurisdiction, on: database).count()
        counts.questionsAnsweredOnTime = try await ForumQueries.questions(inYear, in: jurisdiction, on: database)
            .filter(\.$answeredOn, .lessThanOrEqual, \.$due).count()
        counts.questionsOverdue = try await ForumQueries.questions(overdue, in: jurisdiction, on: database).count()
        let campaigns = try await CampaignQueries.matching(.init(year: year), in: jurisdiction, on: database)
        counts.activities = try await campaigns.copy().count()
        counts.childrenReached = try await campaigns.copy().sum(\.$children) ?? 0
        counts.actionMonthReportsOverdue = try await CampaignQueries.matching(
            .init(overdue: true), in: jurisdiction, on: database
        ).count()
        counts.inspections = try await InspectionQueries.matching(.init(year: year), in: jurisdiction, on: database)
            .count()
        counts.inspectionsWithViolations = try await InspectionQueries.matching(
            .init(year: year, withViolations: true), in: jurisdiction, on: database
        ).count()
        counts.followUpsOverdue = try await InspectionQueries.matching(
            .init(overdue: true), in: jurisdiction, on: database
        ).count()
        return counts
    }
}
