import Foundation

/// The addresses of indicators, targets, periodic reports, and the API.
// TODO(shape): list this capability's places and register its routes from them.
enum IndicatorURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
