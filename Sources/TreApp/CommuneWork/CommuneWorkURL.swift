import Foundation

/// The addresses of commune work: the year's overview and the registers of forums, campaigns, inspections
/// and safe homes, schools and communities.
enum CommuneWorkURL: SitePlace {
    case overview
    case forums(Forums)
    case campaigns(Campaigns)
    case inspections(Inspections)
    case safety(Safety)

    /// Children's forums: the register (listed and recorded at the same address), its export, every
    /// question, and one forum with its questions, answers and report.
    enum Forums: Sendable, Hashable {
        case list
        case export
        case questions
        case questionsExport
        case show(RouteValue<UUID>)
        case ask(RouteValue<UUID>)
        case answer(RouteValue<UUID>, RouteValue<UUID>)
        case report(RouteValue<UUID>)
    }

    /// Campaigns and activities: the register, its export, and an Action Month report marked as sent.
    enum Campaigns: Sendable, Hashable {
        case list
        case export
        case report(RouteValue<UUID>)
    }

    /// Child-labour inspections: the register, its export, one inspection, the children found there and
    /// its follow-up.
    enum Inspections: Sendable, Hashable {
        case list
        case export
        case show(RouteValue<UUID>)
        case children(RouteValue<UUID>)
        case followUp(RouteValue<UUID>)
    }

    /// Safe homes, schools and communities: the communes of a year, their export, one commune's year and
    /// its household checks.
    enum Safety: Sendable, Hashable {
        case list
        case export
        case commune(RouteValue<Int>, year: RouteValue<Int>)
        case homes(RouteValue<Int>, year: RouteValue<Int>)
    }

    var segments: [PathSegment] {
        switch self {
        case .overview: return [.fixed("commune-work")]
        case .forums(let place): return Self.segments(place)
        case .campaigns(let place):
            let campaigns = PathSegment.fixed("campaigns")
            switch place {
            case .list: return [campaigns]
            case .export: return [.fixed("campaigns.csv")]
            case .report(let id): return [campaigns, id.named("campaign"), .fixed("report")]
            }
        case .inspections(let place):
            let inspections = PathSegment.fixed("inspections")
            switch place {
            case .list: return [inspections]
            case .export: return [.fixed("inspections.csv")]
            case .show(let id): return [inspections, id.named("inspection")]
            case .children(let id): return [inspections, id.named("inspection"), .fixed("children")]
            case .followUp(let id): return [inspections, id.named("inspection"), .fixed("follow-up")]
            }
        case .safety(let place):
            let safety = PathSegment.fixed("safety")
            switch place {
            case .list: return [safety]
            case .export: return [.fixed("safety.csv")]
            case .commune(let code, let year): return [safety, code.named("commune"), year.named("year")]
            case .homes(let code, let year):
                return [safety, code.named("commune"), year.named("year"), .fixed("homes")]
            }
        }
    }

    private static func segments(_ place: Forums) -> [PathSegment] {
        let forums = PathSegment.fixed("forums")
        switch place {
        case .list: return [forums]
        case .export: return [.fixed("forums.csv")]
        case .questions: return [forums, .fixed("questions")]
        case .questionsExport: return [forums, .fixed("questions.csv")]
        case .show(let id): return [forums, id.named("forum")]
        case .ask(let id): return [forums, id.named("forum"), .fixed("questions")]
        case .answer(let id, let question):
            return [forums, id.named("forum"), .fixed("questions"), question.named("question"), .fixed("answer")]
        case .report(let id): return [forums, id.named("forum"), .fixed("report")]
        }
    }
}
