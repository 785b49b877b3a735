import Foundation

/// The addresses of the 111 console, contacts, statistics, topics, and the API.
// TODO(shape): list this capability's places and register its routes from them.
enum HotlineURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
