import Foundation
import TreDomain
import Vapor

/// `/commune-work`: the year's forums, questions, campaigns and inspections of the reader's jurisdiction
/// on one page, with what is overdue first and a link to each list.
struct CommuneWorkController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.communeWork(.overview), access: .permission(.viewCommuneWork), use: overview)
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let year = (try? request.query.get(Int.self, at: "year")) ?? ChildAge.todayInVietnam().year
        let counts = try await CommuneWorkQueries.counts(
            year: year, in: try request.requirePrincipal().jurisdiction, on: request.db)
        let page = CommuneWorkPage(counts, year: year, language: request.language)
        return try await request.render(
            "commune-work/overview", title: UIStrings.text("communeWork", request.language), page)
    }
}
