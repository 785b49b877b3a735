import TreDomain
import Vapor

extension Request {
    /// The reader's language: the remembered choice (cookie), else Vietnamese. A browser's own
    /// Accept-Language is deliberately not used for pages (officials share phones and expect Vietnamese
    /// first); an API client, which has no cookie, chooses with Accept-Language.
    var language: Language {
        if let chosen = cookies[LanguageCookie.name]?.string { return Language(preference: chosen) }
        return isAPI ? Language(preference: headers.first(name: .acceptLanguage)) : .default
    }
}

enum LanguageCookie {
    static let name = "tre-lang"

    static func value(_ language: Language) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: language.rawValue, expires: Date(timeIntervalSinceNow: 365 * 24 * 3600), maxAge: nil,
            domain: nil, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .lax)
    }
}
