import Foundation

/// The addresses of sign-in, accounts, second factor, sessions, languages and their API.
// TODO(shape): list this capability's places and register its routes from them.
enum AccountURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
