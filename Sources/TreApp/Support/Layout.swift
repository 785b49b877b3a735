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
            nav = SiteNavigation.entries.filter {
                $0.permission.map { AccessPolicy.allows(principal.role, $0) } ?? true
            }
            .map {
                .init(href: $0.place.path, label: UIStrings.text($0.label, language), current: $0.isCurrent(url.path))
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
