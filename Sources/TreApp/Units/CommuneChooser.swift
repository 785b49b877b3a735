import Fluent
import Foundation
import TreDomain
import Vapor

/// Choosing a commune by typing part of its name, as people say it ("ba dinh", "phuong 4"): the units that
/// match, each with its province, narrowed to a province when one is known (the province of a call). It works
/// as a server-side search step (the form is posted with its "find" button and comes back with the matches,
/// every field kept), and a small script (`commune-chooser.js`) shows the same matches as the person types.
struct CommuneChooser: Encodable {
    /// The form fields the chooser posts (shared with the script and the forms that read them).
    static let codeField = "communeCode"
    static let queryField = "communeQuery"
    static let provinceField = "communeProvince"
    static let findButton = "findCommune"
    /// No more matches than a phone shows at once; a longer list means the search should be more precise.
    static let limit = 20

    struct Match: Content {
        var code: Int
        var name: String
        var province: String
    }

    var query: String
    var provinces: [Choice]
    /// The commune chosen (or offered, for a reader with one commune), shown first and checked.
    var chosen: Match?
    /// Matches of the search, without the chosen one.
    var matches: [Match]
    var searched: Bool
    /// More matched than are shown.
    var more: Bool
    var searchHref: String
    var script: String

    /// - Parameters:
    ///   - provinceCode: the province to look in (chosen in the form, or the call's), nil for all.
    init(
        query: String, provinceCode: Int?, chosen: Match?, matches: [Match], searched: Bool,
        provinces: [Province], language: Language
    ) {
        self.query = query
        self.provinces =
            [Choice(value: "", label: UIStrings.text("allProvinces", language), selected: provinceCode == nil)]
            + provinces.map { Choice(value: String($0.code), label: $0.name, selected: $0.code == provinceCode) }
        self.chosen = chosen
        let shown = matches.filter { $0.code != chosen?.code }
        self.matches = Array(shown.prefix(Self.limit))
        more = shown.count > Self.limit
        self.searched = searched
        searchHref = SiteURL.units(.communeSearch).path
        script = SiteURL.script(.communeChooser).path
    }
}

extension UnitQueries {
    /// Communes in force whose name contains the typed words (accents, case and Đ ignored), in a province or
    /// the whole country, one more than the chooser shows (to know there are more). Each with its province.
    static func communesNamed(_ typed: String, provinceCode: Int?, on database: any Database) async throws
        -> [CommuneChooser.Match]
    {
        let words = VietnameseText.folded(typed).split(separator: " ").map(String.init).prefix(6)
        guard !words.isEmpty else { return [] }
        let query = Commune.query(on: database).filter(\.$validTo == nil)
        if let provinceCode { query.filter(\.$provinceCode == provinceCode) }
        for word in words { query.filter(\.$nameFolded, .contains(inverse: false, .anywhere), word) }
        let communes = try await query.sort(\.$provinceCode).sort(\.$code).limit(CommuneChooser.limit + 1).all()
        return try await matches(communes, on: database)
    }

    /// A commune in force as the chooser shows it, or nil for a code that is no commune.
    static func chooserMatch(code: Int?, on database: any Database) async throws -> CommuneChooser.Match? {
        guard let code, let commune = try await commune(code: code, on: database) else { return nil }
        return try await matches([commune], on: database).first
    }

    private static func matches(_ communes: [Commune], on database: any Database) async throws
        -> [CommuneChooser.Match]
    {
        let provinces = Dictionary(
            try await provincesInForce(on: database).map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }
        )
        return communes.map {
            CommuneChooser.Match(code: $0.code, name: $0.name, province: provinces[$0.provinceCode] ?? "")
        }
    }
}

/// What a form using the chooser posted: the chosen code, the search typed, the province, the find button.
struct CommuneChoice: Sendable {
    var code: Int?
    var query: String
    var provinceCode: Int?
    var findPressed: Bool

    /// Reads the chooser's fields; a code or province that is not a number is simply not chosen.
    init(code: String?, query: String?, province: String?, find: String?) {
        self.code = code.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        self.query = VietnameseText.normalized(query ?? "")
        provinceCode = province.flatMap { Int($0) }
        findPressed = find != nil
    }

    /// Loads what the chooser shows: the chosen commune and, when a search was typed, its matches.
    func load(provinces: [Province], language: Language, on database: any Database) async throws -> CommuneChooser {
        let searched = !query.isEmpty
        return CommuneChooser(
            query: query, provinceCode: provinceCode,
            chosen: try await UnitQueries.chooserMatch(code: code, on: database),
            matches: searched
                ? try await UnitQueries.communesNamed(query, provinceCode: provinceCode, on: database) : [],
            searched: searched, provinces: provinces, language: language)
    }
}

/// The chooser's script asks here as the person types (`GET /units/communes?q=ba+dinh&province=1`).
struct CommuneSearchController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.units(.communeSearch), access: .signedIn, use: search)
    }

    @Sendable func search(_ request: Request) async throws -> [CommuneChooser.Match] {
        let typed = String(((try? request.query.get(String.self, at: "q")) ?? "").prefix(100))
        let province = (try? request.query.get(String.self, at: "province")).flatMap { Int($0) }
        return Array(
            try await UnitQueries.communesNamed(typed, provinceCode: province, on: request.db).prefix(
                CommuneChooser.limit))
    }
}
