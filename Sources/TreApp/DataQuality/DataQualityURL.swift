import Foundation

/// The data-quality loop's addresses (Đề án 06; Decision 3978/QĐ-BYT): the unit's figures, and the
/// commune's worklist of records to fix with its export. The police exchange and the re-check ("phúc tra")
/// rounds take their places here too.
enum DataQualityURL: SitePlace {
    case overview
    case worklist
    case worklistExport

    var segments: [PathSegment] {
        let root = PathSegment.fixed("data-quality")
        switch self {
        case .overview: return [root]
        case .worklist: return [root, .fixed("worklist")]
        case .worklistExport: return [root, .fixed("worklist.csv")]
        }
    }
}
