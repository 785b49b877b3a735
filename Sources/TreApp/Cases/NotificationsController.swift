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
        let loaded = try await CaseQueries.notifications(of: principal, paging: paging, on: request.db)
        // Read once shown: marked after the page's rows were loaded, so this page still shows them as new.
        try await CaseNotifications(database: request.db).markRead(of: principal.userID)
        return try await request.render(
            "cases/notifications", title: UIStrings.text("notifications", request.language),
            NotificationsPage(
                loaded, cases: try await CaseQueries.caseNames(of: loaded.notes, for: principal, on: request.db),
                paging: paging, language: request.language))
    }
}

/// The notifications page (cases/notifications.leaf).
struct NotificationsPage: Encodable {
    struct Row: Encodable {
        var message: String
        /// Which case: its commune, when it was received and (for a reader who may see them) its children.
        var about: String
        var href: String
        var at: String
        var unread: Bool
    }

    var rows: [Row]
    var pager: PagerModel

    /// What a notification names its case by, loaded with the page.
    struct CaseName: Sendable {
        var number: String
        var commune: String
        var receivedAt: Date
        var children: [String]
    }

    init(
        _ loaded: (notes: [CaseNotification], total: Int), cases: [UUID: CaseName] = [:], paging: Paging,
        language: Language
    ) {
        rows = loaded.notes.map {
            let name = cases[$0.caseID]
            let about =
                name.map {
                    ([
                        $0.number.isEmpty ? "" : "\(UIStrings.text("caseNumber", language)) \($0.number)", $0.commune,
                        "\(UIStrings.text("receivedAt", language)) \(VietnamTime.format($0.receivedAt))",
                    ]
                        + [$0.children.joined(separator: ", ")]).filter { !$0.isEmpty }.joined(separator: " · ")
                } ?? ""
            return Row(
                message: language == .vi ? $0.messageVI : $0.messageEN, about: about,
                href: SiteURL.cases(.show(.value($0.caseID))).path, at: $0.createdAt.map(VietnamTime.format) ?? "",
                unread: $0.readAt == nil)
        }
        pager = PagerModel(paging, total: loaded.total, path: SiteURL.cases(.notifications).path, query: [:])
    }
}

extension CaseQueries {
    /// A page of one person's notifications, newest first, and how many there are.
    static func notifications(of reader: Principal, paging: Paging, on database: any Database) async throws
        -> (notes: [CaseNotification], total: Int)
    {
        let query = CaseNotification.query(on: database).filter(\.$userID == reader.userID)
        let total = try await query.count()
        let notes = try await query.sort(\.$createdAt, .descending).range(paging.range).all()
        return (notes, total)
    }

    /// How the notifications' cases are named: only cases the reader may see, by number, commune and children.
    static func caseNames(of notes: [CaseNotification], for reader: Principal, on database: any Database)
        async throws -> [UUID: NotificationsPage.CaseName]
    {
        let cases = try await scoped(to: reader.jurisdiction, on: database).filter(\.$id ~~ notes.map(\.caseID)).all()
        let communes = try await CommuneNames.load(cases.map(\.communeCode), on: database)
        let children = try await childNames(of: cases, for: reader, on: database)
        return Dictionary(
            cases.compactMap { found in
                found.id.map {
                    (
                        $0,
                        NotificationsPage.CaseName(
                            number: found.number, commune: communes[found.communeCode] ?? "",
                            receivedAt: found.receivedAt,
                            children: children[$0] ?? [])
                    )
                }
            }, uniquingKeysWith: { first, _ in first })
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
