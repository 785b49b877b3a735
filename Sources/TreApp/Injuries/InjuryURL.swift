import Foundation

/// The addresses of the injury register.
// TODO(shape): list this capability's places and register its routes from them.
enum InjuryURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
