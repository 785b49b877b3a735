import Foundation
import TreDomain

/// The addresses of reports, the case inbox, a case and its steps, notifications, days off, and the API.
enum CaseURL: SitePlace {
    /// The report form (Mẫu 01).
    case newReport
    case inbox
    case export
    case show(RouteValue<UUID>)
    /// One step of the procedure: one address per `CaseStepKind`, so an unknown step has no route.
    case step(RouteValue<UUID>, CaseStepKind)
    /// A correction of the recorded step of that kind.
    case correction(RouteValue<UUID>, CaseStepKind)
    case referrals(RouteValue<UUID>)
    case referral(RouteValue<UUID>, RouteValue<UUID>)
    case followUps(RouteValue<UUID>)
    case notifications
    case daysOff
    case removeDayOff(RouteValue<UUID>)
    case api(API)

    enum API: Sendable, Hashable {
        case reports
        case list
        case show(RouteValue<UUID>)
        case step(RouteValue<UUID>, CaseStepKind)
        case referrals(RouteValue<UUID>)
        case referral(RouteValue<UUID>, RouteValue<UUID>)
        case followUps(RouteValue<UUID>)
    }

    var segments: [PathSegment] {
        let cases = PathSegment.fixed("cases")
        switch self {
        case .newReport: return [.fixed("reports"), .fixed("new")]
        case .inbox: return [cases]
        case .export: return [.fixed("cases.csv")]
        case .show(let id): return [cases, id.named("id")]
        case .step(let id, let step): return [cases, id.named("id"), .fixed(step.rawValue)]
        case .correction(let id, let step): return [cases, id.named("id"), .fixed(step.rawValue), .fixed("correction")]
        case .referrals(let id): return [cases, id.named("id"), .fixed("referrals")]
        case .referral(let id, let referral):
            return [cases, id.named("id"), .fixed("referrals"), referral.named("referral")]
        case .followUps(let id): return [cases, id.named("id"), .fixed("follow-ups")]
        case .notifications: return [.fixed("notifications")]
        case .daysOff: return [.fixed("admin"), .fixed("days-off")]
        case .removeDayOff(let id): return [.fixed("admin"), .fixed("days-off"), id.named("id"), .fixed("delete")]
        case .api(let place):
            switch place {
            case .reports: return SiteURL.api + [.fixed("reports")]
            case .list: return SiteURL.api + [cases]
            case .show(let id): return SiteURL.api + [cases, id.named("id")]
            case .step(let id, let step): return SiteURL.api + [cases, id.named("id"), .fixed(step.rawValue)]
            case .referrals(let id): return SiteURL.api + [cases, id.named("id"), .fixed("referrals")]
            case .referral(let id, let referral):
                return SiteURL.api + [cases, id.named("id"), .fixed("referrals"), referral.named("referral")]
            case .followUps(let id): return SiteURL.api + [cases, id.named("id"), .fixed("follow-ups")]
            }
        }
    }
}
