import TreDomain
import Vapor

extension Request {
    /// The reader's language: the remembered choice (cookie), else Vietnamese. The browser's own
    /// Accept-Language is deliberately not used: officials share phones and expect Vietnamese first.
    var language: Language {
        Language(preference: cookies[LanguageCookie.name]?.string)
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
