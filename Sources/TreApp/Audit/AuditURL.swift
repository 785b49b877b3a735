import Foundation

/// The addresses of the audit trail.
enum AuditURL: SitePlace {
    case trail

    var segments: [PathSegment] {
        switch self {
        case .trail: [.fixed("audit")]
        }
    }
}
