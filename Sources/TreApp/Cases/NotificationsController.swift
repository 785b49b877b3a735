import Fluent
import Foundation
import TreDomain
import Vapor

/// `/notifications`: the signed-in person's messages, newest first; opening the page marks them read.
struct NotificationsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.cases(.notifications), access: .permission(.viewCases), use: list)
    }

    struct Row: Encodable {
        var message: String
        var href: String
        var at: String
        var unread: Bool
    }

    struct ListPage: Encodable {
        var rows: [Row]
        var pager: PagerModel
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let query = CaseNotification.query(on: request.db).filter(\.$userID == principal.userID)
        let total = try await query.count()
        let notes = try await query.sort(\.$createdAt, .descending)
            .range(paging.range).all()
        let rows = notes.map {
            Row(
                message: request.language == .vi ? $0.messageVI : $0.messageEN,
                href: SiteURL.cases(.show(.value($0.caseID))).path,
                at: $0.createdAt.map(VietnamTime.format) ?? "", unread: $0.readAt == nil)
        }
        try await CaseNotification.query(on: request.db).filter(\.$userID == principal.userID)
            .filter(\.$readAt == nil).set(\.$readAt, to: Date()).update()
        return try await request.render(
            "cases/notifications", title: UIStrings.text("notifications", request.language),
            ListPage(
                rows: rows,
                pager: PagerModel(paging, total: total, path: SiteURL.cases(.notifications).path, query: [:])))
    }
}
