import Fluent
import Foundation
import TreDomain
import Vapor

/// `/notifications`: the signed-in person's messages, newest first; opening the page marks them read.
struct NotificationsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.cases(.notifications), access: .permission(.viewCases), use: list)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let loaded = try await CaseQueries.notifications(of: principal.userID, paging: paging, on: request.db)
        // Read once shown: marked after the page's rows were loaded, so this page still shows them as new.
        try await CaseNotifications(database: request.db).markRead(of: principal.userID)
        return try await request.render(
            "cases/notifications", title: UIStrings.text("notifications", request.language),
            NotificationsPage(loaded, paging: paging, language: request.language))
    }
}

/// The notifications page (cases/notifications.leaf).
struct NotificationsPage: Encodable {
    struct Row: Encodable {
        var message: String
        var href: String
        var at: String
        var unread: Bool
    }

    var rows: [Row]
    var pager: PagerModel

    init(_ loaded: (notes: [CaseNotification], total: Int), paging: Paging, language: Language) {
        rows = loaded.notes.map {
            Row(
                message: language == .vi ? $0.messageVI : $0.messageEN,
                href: SiteURL.cases(.show(.value($0.caseID))).path, at: $0.createdAt.map(VietnamTime.format) ?? "",
                unread: $0.readAt == nil)
        }
        pager = PagerModel(paging, total: loaded.total, path: SiteURL.cases(.notifications).path, query: [:])
    }
}

extension CaseQueries {
    /// A page of one person's notifications, newest first, and how many there are.
    static func notifications(of userID: UUID, paging: Paging, on database: any Database) async throws
        -> (notes: [CaseNotification], total: Int)
    {
        let query = CaseNotification.query(on: database).filter(\.$userID == userID)
        let total = try await query.count()
        let notes = try await query.sort(\.$createdAt, .descending).range(paging.range).all()
        return (notes, total)
    }
}

/// Marking one's own notifications read: not a record of a case, so not audited.
struct CaseNotifications {
    let database: any Database

    func markRead(of userID: UUID, now: Date = Date()) async throws {
        try await CaseNotification.query(on: database).filter(\.$userID == userID).filter(\.$readAt == nil)
            .set(\.$readAt, to: now).update()
    }
}
