import Foundation

/// The addresses of the 111 console, contacts, statistics, topics, and the API.
enum HotlineURL: SitePlace {
    case console
    case callers
    case today
    case contact(RouteValue<UUID>)
    case contactFlags(RouteValue<UUID>)
    case contactFollowedUp(RouteValue<UUID>)
    case statistics
    case statisticsExport
    case topics
    case retireTopic(RouteValue<String>)
    case api(API)

    enum API: Sendable, Hashable {
        case contacts
        case contact(RouteValue<UUID>)
        case contactReport(RouteValue<UUID>)
        case statistics
    }

    var segments: [PathSegment] {
        let hotline = PathSegment.fixed("hotline")
        let contacts = PathSegment.fixed("contacts")
        let topics: [PathSegment] = [.fixed("admin"), .fixed("topics")]
        switch self {
        case .console: return [hotline]
        case .callers: return [hotline, .fixed("callers")]
        case .today: return [hotline, .fixed("today")]
        case .contact(let id): return [hotline, contacts, id.named("id")]
        case .contactFlags(let id): return [hotline, contacts, id.named("id"), .fixed("flags")]
        case .contactFollowedUp(let id): return [hotline, contacts, id.named("id"), .fixed("followed-up")]
        case .statistics: return [hotline, .fixed("statistics")]
        case .statisticsExport: return [hotline, .fixed("statistics.csv")]
        case .topics: return topics
        case .retireTopic(let code): return topics + [code.named("code"), .fixed("retire")]
        case .api(let place):
            switch place {
            case .contacts: return SiteURL.api + [contacts]
            case .contact(let id): return SiteURL.api + [contacts, id.named("id")]
            case .contactReport(let id): return SiteURL.api + [contacts, id.named("id"), .fixed("report")]
            case .statistics: return SiteURL.api + [hotline, .fixed("statistics")]
            }
        }
    }
}
