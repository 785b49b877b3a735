import Foundation

/// The addresses of the audit trail.
// TODO(shape): list this capability's places and register its routes from them.
enum AuditURL: SitePlace {
    var segments: [PathSegment] {
        switch self {}
    }
}
