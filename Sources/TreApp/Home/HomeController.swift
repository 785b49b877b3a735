import Fluent
import TreDomain
import Vapor

/// The home page, shaped by role: each person sees their jurisdiction and the work open to them.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.home, access: .signedIn, use: home)
        routes.get(.health, access: .everyone, use: health)
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let names = try await JurisdictionNames.load(for: [principal.jurisdiction], on: request.db)
        let work = try await HomeQueries.work(for: principal, now: Date(), on: request.db)
        let page = HomePage(
            fullName: principal.fullName, role: principal.role,
            jurisdictionName: names.describe(principal.jurisdiction, language), work: work, language: language)
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
