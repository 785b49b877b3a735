import Fluent
import TreDomain
import Vapor

/// The home page, shaped by role: each person sees their jurisdiction and the work open to them.
struct HomeController {
    struct Link: Encodable {
        var href: String
        var label: String
    }

    struct HomePage: Encodable {
        var greeting: String
        var role: String
        var jurisdiction: String
        var roleIntro: String
        var links: [Link]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(access: .signedIn, use: home)
        routes.get("healthz", access: .everyone, use: health)
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let names = try await JurisdictionNames.load(for: [principal.jurisdiction], on: request.db)
        var links: [Link] = []
        if AccessPolicy.allows(principal.role, .manageAccounts) {
            links.append(Link(href: Paths.adminUsers, label: UIStrings.text("accounts", language)))
            links.append(Link(href: Paths.adminNewUser, label: UIStrings.text("newAccount", language)))
        }
        if AccessPolicy.allows(principal.role, .viewAudit) {
            links.append(Link(href: Paths.audit, label: UIStrings.text("auditTrail", language)))
        }
        links.append(Link(href: Paths.changePassword, label: UIStrings.text("changePassword", language)))
        links.append(Link(href: Paths.secondFactor, label: UIStrings.text("secondFactor", language)))
        links.append(Link(href: Paths.accountSessions, label: UIStrings.text("mySessions", language)))
        let page = HomePage(
            greeting: "\(UIStrings.text("welcome", language)), \(principal.fullName)",
            role: principal.role.label(language), jurisdiction: names.describe(principal.jurisdiction, language),
            roleIntro: Self.intro(for: principal.role)(language), links: links)
        return try await request.render("home/home", title: UIStrings.text("home", language), page)
    }

    /// What each role will do here, in a sentence; the links grow as capabilities land.
    static func intro(for role: Role) -> LocalizedText {
        switch role {
        case .admin:
            LocalizedText(
                vi: "Quản lý tài khoản, phạm vi truy cập và nhật ký của hệ thống.",
                en: "Manage accounts, their access and the audit trail.")
        case .nationalAnalyst:
            LocalizedText(
                vi: "Theo dõi số liệu, chỉ tiêu và chỉ số của cả nước.",
                en: "Follow national figures, indicators and targets.")
        case .provincialOfficer:
            LocalizedText(
                vi: "Giám sát công tác bảo vệ trẻ em của các xã trong tỉnh.",
                en: "Oversee child protection in the communes of your province.")
        case .communeOfficer:
            LocalizedText(
                vi: "Quản lý trẻ em, tin báo và hồ sơ trường hợp của xã.",
                en: "Keep the commune's children, reports and cases.")
        case .communeChair:
            LocalizedText(
                vi: "Quyết định và phê duyệt kế hoạch hỗ trợ, can thiệp của xã.",
                en: "Decide and approve the commune's support and intervention plans.")
        case .hotlineCounsellor:
            LocalizedText(
                vi: "Ghi nhận cuộc gọi, tư vấn và chuyển tin báo đến xã.",
                en: "Log contacts, counsel, and forward reports to communes.")
        }
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    /// 200 with the database kind when the database answers, 503 otherwise (for load balancers).
    @Sendable func health(_ request: Request) async throws -> Response {
        let kind = request.application.treDatabaseKind
        do {
            _ = try await Province.query(on: request.db).count()
            return try await Health(status: "ok", database: kind).encodeResponse(for: request)
        } catch {
            return try await Health(status: "unavailable", database: kind).encodeResponse(
                status: .serviceUnavailable, for: request)
        }
    }
}
