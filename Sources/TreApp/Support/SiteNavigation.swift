import TreDomain

/// The main menu: each entry is a place of the site map, shown to the roles with its permission, and marked
/// as the current one on its own pages.
struct SiteNavigation: Sendable {
    var place: SiteURL
    var label: String
    var permission: Permission?
    /// Other places whose pages count as this entry's (a contact's page is the console's).
    var alsoUnder: [SiteURL] = []
    /// Places under this one that have their own entry (periodic reports under indicators).
    var except: [SiteURL] = []
    /// Only the place itself, not the pages below it.
    var exact = false

    func isCurrent(_ path: String) -> Bool {
        if except.contains(where: { Self.isUnder(path, $0) }) { return false }
        if exact { return path == place.path || alsoUnder.contains { Self.isUnder(path, $0) } }
        return ([place] + alsoUnder).contains { Self.isUnder(path, $0) }
    }

    /// The place itself or a page below it ("/cases/…" is under "/cases"; "/cases.csv" is not). A place's
    /// `.pattern` values match any value ("/hotline/contacts/…" is under `.hotline(.contact(.pattern))`).
    private static func isUnder(_ path: String, _ place: SiteURL) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let segments = place.segments
        guard parts.count >= segments.count else { return false }
        return zip(parts, segments).allSatisfy { part, segment in
            switch segment {
            case .fixed(let text): part == text
            case .parameter(_, nil): true
            case .parameter(_, let value?): part == value
            }
        }
    }

    static let entries: [SiteNavigation] = [
        .init(place: .home, label: "home", exact: true),
        .init(place: .children(.list), label: "children", permission: .viewChildren),
        .init(place: .cases(.inbox), label: "cases", permission: .viewCases),
        .init(place: .cases(.notifications), label: "notifications", permission: .viewCases, exact: true),
        .init(
            place: .hotline(.console), label: "hotlineConsole", permission: .logContacts,
            alsoUnder: [.hotline(.contact(.pattern))], exact: true),
        .init(place: .hotline(.statistics), label: "hotlineStatistics", permission: .viewHotlineStatistics),
        .init(
            place: .indicators(.overview), label: "indicators", permission: .viewIndicators,
            except: [.indicators(.reports)]),
        .init(place: .injuries(.list), label: "injuries", permission: .viewInjuries),
        .init(place: .childFriendly(.list), label: "childFriendlyCommunes", permission: .viewChildFriendly),
        .init(
            place: .communeWork(.overview), label: "communeWork", permission: .viewCommuneWork,
            alsoUnder: [
                .communeWork(.forums(.list)), .communeWork(.campaigns(.list)), .communeWork(.inspections(.list)),
                .communeWork(.safety(.list)),
            ]),
        .init(place: .indicators(.reports), label: "periodicReport", permission: .reportIndicators),
        .init(place: .accounts(.users), label: "accounts", permission: .manageAccounts),
        .init(place: .cases(.daysOff), label: "daysOff", permission: .manageReferenceData),
        .init(place: .hotline(.topics), label: "contactTopics", permission: .manageReferenceData),
        .init(place: .audit(.trail), label: "auditTrail", permission: .viewAudit, exact: true),
        .init(place: .dataQuality(.overview), label: "dataQuality", permission: .viewDataQuality),
        .init(place: .recheck(.list), label: "rechecks", permission: .viewRechecks),
    ]
}
