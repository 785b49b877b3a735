import Foundation

/// The addresses of commune work: forums, campaigns, inspections, safety.
// TODO(shape): list this capability's places and register its routes from them.
enum CommuneWorkURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
