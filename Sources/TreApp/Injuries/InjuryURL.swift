import Foundation

/// The addresses of the injury register: the list (recorded at the same address), its export, and the API.
enum InjuryURL: SitePlace {
    case list
    case export
    case api

    var segments: [PathSegment] {
        switch self {
        case .list: [.fixed("injuries")]
        case .export: [.fixed("injuries.csv")]
        case .api: SiteURL.api + [.fixed("injuries")]
        }
    }
}
