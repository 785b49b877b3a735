import Foundation

/// The addresses of administrative units: the API, and the commune chooser's search.
enum UnitURL: SitePlace {
    /// Communes whose name matches what is typed, as JSON, for the commune chooser's script.
    case communeSearch
    case api(API)

    enum API: Sendable, Hashable {
        case provinces
        case communes(RouteValue<Int>)
    }

    var segments: [PathSegment] {
        let units = PathSegment.fixed("units")
        let provinces = PathSegment.fixed("provinces")
        switch self {
        case .communeSearch: return [units, .fixed("communes")]
        case .api(.provinces): return SiteURL.api + [units, provinces]
        case .api(.communes(let code)): return SiteURL.api + [units, provinces, code.named("code"), .fixed("communes")]
        }
    }
}
