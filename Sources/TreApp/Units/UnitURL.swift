import Foundation

/// The addresses of administrative units (API).
// TODO(shape): list this capability's places and register its routes from them.
enum UnitURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
