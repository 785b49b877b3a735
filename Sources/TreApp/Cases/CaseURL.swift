import Foundation

/// The addresses of reports, the case inbox, a case and its steps, notifications, days off, and the API.
// TODO(shape): list this capability's places and register its routes from them.
enum CaseURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
