import Foundation

/// The addresses of child-friendly commune assessments and criteria.
enum ChildFriendlyURL: SitePlace {
    case list
    case export
    /// One commune's assessment of a year (shown, and saved or submitted at the same address).
    case assessment(RouteValue<Int>, year: RouteValue<Int>)
    case appraisal(RouteValue<Int>, year: RouteValue<Int>)
    case evidence(RouteValue<Int>, year: RouteValue<Int>)
    case evidenceFile(RouteValue<Int>, year: RouteValue<Int>, file: RouteValue<UUID>)
    case removeEvidence(RouteValue<Int>, year: RouteValue<Int>, file: RouteValue<UUID>)
    case criteria
    case criteriaDocument
    case loadCriteria

    var segments: [PathSegment] {
        let friendly = PathSegment.fixed("child-friendly")
        switch self {
        case .list: return [friendly]
        case .export: return [.fixed("child-friendly.csv")]
        case .assessment(let commune, let year): return [friendly, commune.named("commune"), year.named("year")]
        case .appraisal(let commune, let year):
            return [friendly, commune.named("commune"), year.named("year"), .fixed("appraisal")]
        case .evidence(let commune, let year):
            return [friendly, commune.named("commune"), year.named("year"), .fixed("evidence")]
        case .evidenceFile(let commune, let year, let file):
            return [friendly, commune.named("commune"), year.named("year"), .fixed("evidence"), file.named("file")]
        case .removeEvidence(let commune, let year, let file):
            return [
                friendly, commune.named("commune"), year.named("year"), .fixed("evidence"), file.named("file"),
                .fixed("delete"),
            ]
        case .criteria: return [friendly, .fixed("criteria")]
        case .criteriaDocument: return [friendly, .fixed("criteria.json")]
        case .loadCriteria: return [friendly, .fixed("criteria"), .fixed("load")]
        }
    }
}
