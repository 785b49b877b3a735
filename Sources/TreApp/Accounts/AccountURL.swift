import Foundation

/// The addresses of sign-in, accounts, second factor, sessions, languages and their API.
enum AccountURL: SitePlace {
    case login
    case logout
    case signInCode
    case language(RouteValue<String>)
    case password
    case secondFactor
    case sessions
    case endOtherSessions
    case endSession(RouteValue<UUID>)
    case users
    case usersExport
    case newUser
    case user(RouteValue<UUID>)
    case userScope(RouteValue<UUID>)
    case disableUser(RouteValue<UUID>)
    case enableUser(RouteValue<UUID>)
    case userPassword(RouteValue<UUID>)
    case resetSecondFactor(RouteValue<UUID>)
    case api(API)

    enum API: Sendable, Hashable {
        case token
        case me
        case users
        case user(RouteValue<String>)
    }

    var segments: [PathSegment] {
        let login = PathSegment.fixed("login")
        let account = PathSegment.fixed("account")
        let users: [PathSegment] = [.fixed("admin"), .fixed("users")]
        switch self {
        case .login: return [login]
        case .logout: return [.fixed("logout")]
        case .signInCode: return [login, .fixed("code")]
        case .language(let code): return [.fixed("lang"), code.named("code")]
        case .password: return [account, .fixed("password")]
        case .secondFactor: return [account, .fixed("second-factor")]
        case .sessions: return [account, .fixed("sessions")]
        case .endOtherSessions: return [account, .fixed("sessions"), .fixed("end-others")]
        case .endSession(let id): return [account, .fixed("sessions"), id.named("id"), .fixed("end")]
        case .users: return users
        case .usersExport: return [.fixed("admin"), .fixed("users.csv")]
        case .newUser: return users + [.fixed("new")]
        case .user(let id): return users + [id.named("id")]
        case .userScope(let id): return users + [id.named("id"), .fixed("scope")]
        case .disableUser(let id): return users + [id.named("id"), .fixed("disable")]
        case .enableUser(let id): return users + [id.named("id"), .fixed("enable")]
        case .userPassword(let id): return users + [id.named("id"), .fixed("password")]
        case .resetSecondFactor(let id): return users + [id.named("id"), .fixed("second-factor"), .fixed("reset")]
        case .api(let place):
            switch place {
            case .token: return SiteURL.api + [.fixed("auth"), .fixed("token")]
            case .me: return SiteURL.api + [.fixed("me")]
            case .users: return SiteURL.api + [.fixed("users")]
            case .user(let username): return SiteURL.api + [.fixed("users"), username.named("username")]
            }
        }
    }

    /// The sign-in page that returns to `next` afterwards (the home page needs no `next`; another site is
    /// never a `next`).
    static func login(next: String) -> String {
        let login = SiteURL.accounts(.login).path
        guard next != SiteURL.home.path, SiteURL.isLocal(next) else { return login }
        return login + "?next=" + escaped(next)
    }

    /// The sign-in page just after signing out: it clears Tre's drafts from the browser.
    static var signedOut: String { SiteURL.accounts(.login).path + "?signedOut=1" }

    /// Switches to the language `code`, then returns to `back`.
    static func language(_ code: String, back: String) -> String {
        SiteURL.accounts(.language(.value(code))).path + "?back=" + escaped(back)
    }

    /// A redirect target taken from a query or a form: a same-site path, else the home page.
    static func localOrHome(_ target: String?) -> String {
        target.flatMap { SiteURL.isLocal($0) ? $0 : nil } ?? SiteURL.home.path
    }

    private static func escaped(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? SiteURL.home.path
    }
}
