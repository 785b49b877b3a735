import TreDomain
import Vapor

/// What every page's layout needs: language, words, who is signed in, navigation and the CSRF token.
struct LayoutModel: Encodable {
    /// The addresses every page's frame links to.
    struct Links: Encodable {
        var home = SiteURL.home.path
        var stylesheet = SiteURL.stylesheet.path
        var signOut = SiteURL.accounts(.logout).path
    }

    struct NavItem: Encodable {
        var href: String
        var label: String
        var current: Bool
    }

    var lang: String
    var t: [String: String]
    var title: String
    var csrf: String
    var userName: String?
    var roleLabel: String?
    var nav: [NavItem]
    var links: Links
    var otherLanguageHref: String
    var notice: String?
    /// Seconds after which the page reloads itself (progress pages), or nil.
    var refreshSeconds: Int?
}

/// A page: the layout's model plus the page's own model, rendered by one Leaf template.
struct Page<Content: Encodable>: Encodable {
    var layout: LayoutModel
    var page: Content
}

extension Request {
    func layout(title: String, notice: String? = nil) -> LayoutModel {
        let language = self.language
        let t = UIStrings.table(language)
        var nav: [LayoutModel.NavItem] = []
        if let principal, !principal.mustChangePassword, !principal.needsSecondFactor {
            nav.append(
                .init(href: Paths.home, label: UIStrings.text("home", language), current: url.path == Paths.home))
            if AccessPolicy.allows(principal.role, .viewChildren) {
                nav.append(
                    .init(
                        href: Paths.children, label: UIStrings.text("children", language),
                        current: url.path.hasPrefix(Paths.children)))
            }
            if AccessPolicy.allows(principal.role, .viewCases) {
                nav.append(
                    .init(
                        href: Paths.cases, label: UIStrings.text("cases", language),
                        current: url.path.hasPrefix(Paths.cases)))
                nav.append(
                    .init(
                        href: Paths.notifications, label: UIStrings.text("notifications", language),
                        current: url.path == Paths.notifications))
            }
            if AccessPolicy.allows(principal.role, .logContacts) {
                nav.append(
                    .init(
                        href: "/hotline", label: UIStrings.text("hotlineConsole", language),
                        current: url.path == "/hotline" || url.path.hasPrefix("/hotline/contacts")))
            }
            if AccessPolicy.allows(principal.role, .viewHotlineStatistics) {
                nav.append(
                    .init(
                        href: "/hotline/statistics", label: UIStrings.text("hotlineStatistics", language),
                        current: url.path.hasPrefix("/hotline/statistics")))
            }
            if AccessPolicy.allows(principal.role, .viewIndicators) {
                nav.append(
                    .init(
                        href: "/indicators", label: UIStrings.text("indicators", language),
                        current: url.path.hasPrefix("/indicators") && !url.path.hasPrefix("/indicators/reports")))
            }
            if AccessPolicy.allows(principal.role, .viewInjuries) {
                nav.append(
                    .init(
                        href: "/injuries", label: UIStrings.text("injuries", language),
                        current: url.path.hasPrefix("/injuries")))
            }
            if AccessPolicy.allows(principal.role, .viewChildFriendly) {
                nav.append(
                    .init(
                        href: "/child-friendly", label: UIStrings.text("childFriendlyCommunes", language),
                        current: url.path.hasPrefix("/child-friendly")))
            }
            if AccessPolicy.allows(principal.role, .viewCommuneWork) {
                nav.append(
                    .init(
                        href: "/commune-work", label: UIStrings.text("communeWork", language),
                        current: ["/commune-work", "/forums", "/campaigns", "/inspections", "/safety"].contains {
                            url.path.hasPrefix($0)
                        }))
            }
            if AccessPolicy.allows(principal.role, .reportIndicators) {
                nav.append(
                    .init(
                        href: "/indicators/reports", label: UIStrings.text("periodicReport", language),
                        current: url.path.hasPrefix("/indicators/reports")))
            }
            if AccessPolicy.allows(principal.role, .manageAccounts) {
                nav.append(
                    .init(
                        href: Paths.adminUsers, label: UIStrings.text("accounts", language),
                        current: url.path.hasPrefix(Paths.adminUsers)))
            }
            if AccessPolicy.allows(principal.role, .manageReferenceData) {
                nav.append(
                    .init(
                        href: "/admin/days-off", label: UIStrings.text("daysOff", language),
                        current: url.path.hasPrefix("/admin/days-off")))
                nav.append(
                    .init(
                        href: "/admin/topics", label: UIStrings.text("contactTopics", language),
                        current: url.path.hasPrefix("/admin/topics")))
            }
            if AccessPolicy.allows(principal.role, .viewAudit) {
                nav.append(
                    .init(
                        href: Paths.audit, label: UIStrings.text("auditTrail", language),
                        current: url.path == Paths.audit))
            }
        }
        let other = language == .vi ? "en" : "vi"
        return LayoutModel(
            lang: language.rawValue, t: t, title: title, csrf: csrfToken, userName: principal?.fullName,
            roleLabel: principal.map { $0.role.label(language) }, nav: nav, links: LayoutModel.Links(),
            otherLanguageHref: AccountURL.language(other, back: url.string), notice: notice, refreshSeconds: nil)
    }

    func render<Content: Encodable>(
        _ template: String, title: String, _ content: Content, status: HTTPStatus = .ok, notice: String? = nil,
        refreshSeconds: Int? = nil
    ) async throws -> Response {
        var layout = layout(title: title, notice: notice)
        layout.refreshSeconds = refreshSeconds
        let view = try await self.view.render(template, Page(layout: layout, page: content))
        let response = try await view.encodeResponse(for: self)
        response.status = status
        return response
    }
}

struct NoContent: Encodable {}

enum ErrorPage {
    static func render(status: HTTPStatus, message: LocalizedText, on request: Request) async throws -> Response {
        struct Model: Encodable {
            var status: Int
            var message: String
        }
        let language = request.language
        return try await request.render(
            "errors/error", title: UIStrings.text("errorTitle", language),
            Model(status: Int(status.code), message: message(language)), status: status)
    }
}
