import Foundation

/// The addresses of administrative units: the API, and the communes of a province for the account form.
enum UnitURL: SitePlace {
    /// The communes of a province as JSON for the account form's commune list (signed-in pages).
    case communeOptions(RouteValue<Int>)
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
        case .communeOptions(let code): return [units, provinces, code.named("code"), .fixed("communes")]
        case .communeSearch: return [units, .fixed("communes")]
        case .api(.provinces): return SiteURL.api + [units, provinces]
        case .api(.communes(let code)): return SiteURL.api + [units, provinces, code.named("code"), .fixed("communes")]
        }
    }
}
