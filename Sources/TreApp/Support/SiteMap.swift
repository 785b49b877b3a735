import Foundation

/// The one site map: every address Tre answers, gathered from each capability's own enum. Routes are
/// registered from it (`routes.get(.children(.show(.pattern)), …)`) and every link and redirect is built
/// from it (`SiteURL.children(.show(.value(id))).path`), so the two cannot drift. No other Swift file and no
/// template holds a literal path: templates receive their links from the page model (`SiteMapTests`).
enum SiteURL: SitePlace {
    case home
    case health
    case openAPI
    /// The one stylesheet (a static file in Public/, not a route).
    case stylesheet
    /// A small script (a static file in Public/js/).
    case script(Script)
    case accounts(AccountURL)
    case audit(AuditURL)
    case units(UnitURL)
    case children(ChildURL)
    case cases(CaseURL)
    case hotline(HotlineURL)
    case indicators(IndicatorURL)
    case injuries(InjuryURL)
    case childFriendly(ChildFriendlyURL)
    case communeWork(CommuneWorkURL)
    case dataQuality(DataQualityURL)
    case recheck(RecheckURL)

    var segments: [PathSegment] {
        switch self {
        case .home: []
        case .health: [.fixed("healthz")]
        case .openAPI: [.fixed("api"), .fixed("openapi.json")]
        case .stylesheet: [.fixed("css"), .fixed("tre.css")]
        case .script(let script): [.fixed("js"), .fixed(script.rawValue)]
        case .accounts(let place): place.segments
        case .audit(let place): place.segments
        case .units(let place): place.segments
        case .children(let place): place.segments
        case .cases(let place): place.segments
        case .hotline(let place): place.segments
        case .indicators(let place): place.segments
        case .injuries(let place): place.segments
        case .childFriendly(let place): place.segments
        case .communeWork(let place): place.segments
        case .dataQuality(let place): place.segments
        case .recheck(let place): place.segments
        }
    }

    enum Script: String, Sendable, CaseIterable {
        case communeChooser = "commune-chooser.js"
        case contactConsole = "contact-console.js"
        case print = "print.js"
        case signedOut = "signed-out.js"
        case household = "household.js"
    }

    /// Every API address starts with this.
    static let apiPrefix = "/api/"
    /// Static files (the stylesheet, scripts), served from Public/ without a route.
    static let staticPrefixes = ["/css/", "/js/"]

    /// Where the API's addresses start.
    static let api: [PathSegment] = [.fixed("api"), .fixed("v1")]

    /// Only same-site paths may be used as a redirect target ("//evil.example" is another site). Browsers drop
    /// tabs and line breaks inside a URL and read a backslash as a slash, so "/\t/evil.example" is another site
    /// too: a target holding any control character, space or backslash is refused outright.
    static func isLocal(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), path.utf8.count <= 2048 else { return false }
        return !path.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" }
    }
}
