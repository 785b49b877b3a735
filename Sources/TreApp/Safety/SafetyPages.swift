import Foundation
import TreDomain

/// `/safety`: the communes of the reader's jurisdiction with their safe homes, schools and communities.
struct SafetyListPage: Encodable {
    struct Row: Encodable {
        var name: String
        var href: String
        var homes: String
        var schools: String
        var communities: String
    }

    var register: RegisterPage
    var communeWorkHref = SiteURL.communeWork(.overview).path
    var rows: [Row]

    init(_ listing: SafetyQueries.Listing, year: Int, filter: RegisterFilter, paging: Paging) {
        let shown = RegisterFilter(year: year, q: filter.q)
        register = RegisterPage(
            name: "safety", item: "safety", list: .communeWork(.safety(.list)),
            export: .communeWork(.safety(.export)), recordLabel: "", canRecord: false, filter: shown,
            query: shown.query, paging: paging, total: listing.total, refusal: nil, notice: nil,
            heading: String(year))
        rows = listing.communes.map { commune in
            let counts = listing.counts[commune.code] ?? SafetyCounts()
            return Row(
                name: commune.name,
                href: SiteURL.communeWork(.safety(.commune(.value(commune.code), year: .value(year)))).path,
                homes: Self.share(counts.safeHomes, of: counts.homesAssessed),
                schools: Self.share(counts.safeSchools, of: counts.schools),
                communities: Self.share(counts.safeCommunities, of: counts.communities))
        }
    }

    static func share(_ safe: Int, of all: Int) -> String { all == 0 ? "—" : "\(safe)/\(all)" }

    static func csv(_ listing: SafetyQueries.Listing, year: Int) -> [[String]] {
        listing.communes.map { commune in
            let c = listing.counts[commune.code] ?? SafetyCounts()
            return [String(commune.code), commune.name, String(year)]
                + [c.homesAssessed, c.safeHomes, c.schools, c.safeSchools, c.communities, c.safeCommunities]
                .map(String.init)
        }
    }
}

/// `/safety/{commune}/{year}`: a commune's counts of the year and its household "safe home" checks.
struct SafetyCommunePage: Encodable {
    struct CheckRow: Encodable {
        var household: String
        var criteriaMet: Int
        var mandatoryMet: Int
        var injuryAtHome: Bool
        var safe: Bool
        var shortfalls: [String]
    }

    var commune: String
    var code: Int
    var year: Int
    var counts: [String: String]
    var homesFromChecks: Bool
    var checks: [CheckRow]
    var checksPager: PagerModel
    /// The household form as typed, given back when it was refused.
    var household: SafetyController.CheckInput
    var canRecord: Bool
    var rule: String
    var listHref: String
    var saveAction: String
    var checkAction: String
    var error: String?
    var notice: String?

    init(
        _ file: SafetyQueries.CommuneFile, paging: Paging, reader: Principal, language: Language,
        typed: [String: String]? = nil, household: SafetyController.CheckInput = .init(), refusal: Refusal? = nil,
        notice: String? = nil
    ) {
        let saved = file.saved
        let place = SiteURL.communeWork(.safety(.commune(.value(file.commune.code), year: .value(file.year))))
        commune = file.commune.name
        code = file.commune.code
        year = file.year
        let stored: [String: String] = [
            "homesAssessed": String(saved.homesAssessed), "safeHomes": String(saved.safeHomes),
            "schools": String(saved.schools), "safeSchools": String(saved.safeSchools),
            "communities": String(saved.communities), "safeCommunities": String(saved.safeCommunities),
        ]
        counts = stored.merging(typed ?? [:]) { _, typed in typed }
        homesFromChecks = file.checksTotal > 0
        checks = file.checks.map {
            CheckRow(
                household: $0.household, criteriaMet: $0.criteriaMet, mandatoryMet: $0.mandatoryMet,
                injuryAtHome: $0.injuryAtHome, safe: $0.safe, shortfalls: $0.check.shortfalls.map { $0(language) })
        }
        checksPager = PagerModel(paging, total: file.checksTotal, path: place.path, query: [:])
        self.household = household
        canRecord = AccessPolicy.allows(reader.role, .recordCommuneWork) && reader.jurisdiction.level != .nation
        rule = SafeHomeCheck.ruleText(language)
        listHref = SiteURL.communeWork(.safety(.list)).link(["year": String(file.year)])
        saveAction = place.path
        checkAction = SiteURL.communeWork(.safety(.homes(.value(file.commune.code), year: .value(file.year)))).path
        error = refusal?.message
        self.notice = notice
    }
}
