import Foundation

/// The site's addresses, used both to register routes and to build links, so the two never drift.
enum Paths {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let changePassword = "/account/password"
    static let adminUsers = "/admin/users"
    static let adminUsersExport = "/admin/users.csv"
    static let adminNewUser = "/admin/users/new"
    static let audit = "/audit"
    static let children = "/children"
    static let childrenExport = "/children.csv"
    static let newChild = "/children/new"
    static let newReport = "/reports/new"
    static let cases = "/cases"
    static let casesExport = "/cases.csv"
    static let notifications = "/notifications"
    static let health = "/healthz"
    static let openAPI = "/api/openapi.json"
    static let signInCode = "/login/code"
    static let secondFactor = "/account/second-factor"
    static let accountSessions = "/account/sessions"
    static let signedOut = "/login?signedOut=1"

    static func adminUser(_ id: UUID) -> String { "/admin/users/\(id.uuidString)" }
    static func child(_ id: UUID) -> String { "/children/\(id.uuidString)" }
    static func editChild(_ id: UUID) -> String { "/children/\(id.uuidString)/edit" }
    static func `case`(_ id: UUID) -> String { "/cases/\(id.uuidString)" }
    static func importProgress(_ id: UUID) -> String { "/children/import/\(id.uuidString)" }

    static func language(_ code: String, back: String) -> String {
        "/lang/\(code)?back=\(back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")"
    }

    static func login(next: String) -> String {
        guard next != home, isLocal(next) else { return login }
        return login + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
    }

    /// Only same-site paths may be used as a redirect target ("//evil.example" is another site). Browsers drop
    /// tabs and line breaks inside a URL and read a backslash as a slash, so "/\t/evil.example" is another site
    /// too: a target holding any control character, space or backslash is refused outright.
    static func isLocal(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), path.utf8.count <= 2048 else { return false }
        return !path.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" }
    }

    /// A path with its query, keys in order (for export links that keep a list's filters).
    static func link(_ path: String, _ query: [String: String]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? path
    }
}
