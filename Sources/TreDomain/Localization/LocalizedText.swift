/// The languages Tre speaks. Vietnamese comes first: it is the default for every person and page.
public enum Language: String, CaseIterable, Codable, Sendable {
    case vi, en

    public static let `default` = Language.vi

    /// The language from an `Accept-Language`-style or cookie value; anything unknown means Vietnamese.
    public init(preference: String?) {
        let code = preference?.split(separator: ",").first?.split(separator: "-").first.map { $0.lowercased() }
        self = code.flatMap(Language.init(rawValue:)) ?? .default
    }
}

/// A sentence in both languages, chosen at the edge (page or API answer) by the reader's language.
public struct LocalizedText: Hashable, Codable, Sendable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func callAsFunction(_ language: Language) -> String {
        language == .vi ? vi : en
    }
}

/// A failure a person can act on: a stable code for programs and a message in their language.
public protocol LocalizedFailure: Error {
    var code: String { get }
    var message: LocalizedText { get }
}
