import Fluent
import TreDomain
import Vapor

/// The home page, shaped by role: each person sees their jurisdiction and the work open to them.
struct HomeController {
    struct Link: Encodable {
        var href: String
        var label: String
    }

    /// The home page of one reader, built without a database from who they are and their place's name.
    struct HomePage: Encodable {
        var greeting: String
        var role: String
        var jurisdiction: String
        var roleIntro: String
        var links: [Link]

        init(fullName: String, role: Role, jurisdictionName: String, language: Language) {
            var links: [Link] = []
            func add(_ href: String, _ key: String) {
                links.append(Link(href: href, label: UIStrings.text(key, language)))
            }
            if AccessPolicy.allows(role, .manageAccounts) {
                add(SiteURL.accounts(.users).path, "accounts")
                add(SiteURL.accounts(.newUser).path, "newAccount")
            }
            if AccessPolicy.allows(role, .viewAudit) { add(SiteURL.audit(.trail).path, "auditTrail") }
            add(SiteURL.accounts(.password).path, "changePassword")
            add(SiteURL.accounts(.secondFactor).path, "secondFactor")
            add(SiteURL.accounts(.sessions).path, "mySessions")
            greeting = "\(UIStrings.text("welcome", language)), \(fullName)"
            self.role = role.label(language)
            jurisdiction = jurisdictionName
            roleIntro = HomeController.intro(for: role)(language)
            self.links = links
        }
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(.home, access: .signedIn, use: home)
        routes.get(.health, access: .everyone, use: health)
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let names = try await JurisdictionNames.load(for: [principal.jurisdiction], on: request.db)
        let page = HomePage(
            fullName: principal.fullName, role: principal.role,
            jurisdictionName: names.describe(principal.jurisdiction, language), language: language)
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
