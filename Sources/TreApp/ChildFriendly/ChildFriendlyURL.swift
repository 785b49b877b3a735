import Foundation

/// The addresses of child-friendly commune assessments and criteria.
// TODO(shape): list this capability's places and register its routes from them.
enum ChildFriendlyURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
