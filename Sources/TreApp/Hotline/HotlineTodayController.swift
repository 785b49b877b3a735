import Foundation
import TreDomain
import Vapor

/// The supervisor's view: today's contacts by outcome, the follow-ups that are due, flagged callers.
struct HotlineTodayController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.hotline(.today), access: .permission(.logContacts), use: today)
    }

    @Sendable func today(_ request: Request) async throws -> Response {
        let day = try await HotlineQueries.today(VietnamDay.containing(Date()), on: request.db)
        let page = TodayPage(day, language: request.language)
        return try await request.render("hotline/today", title: UIStrings.text("hotlineToday", request.language), page)
    }
}
