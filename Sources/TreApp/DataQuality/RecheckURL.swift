import Foundation

/// The addresses of the re-check (phúc tra): the rounds of the reader's jurisdiction (listed, and drawn, at
/// the same address), their export, one round, its printable sample sheet, its closing, and the form of
/// one sampled record.
enum RecheckURL: SitePlace {
    case list
    case export
    case show(RouteValue<UUID>)
    case sheet(RouteValue<UUID>)
    case close(RouteValue<UUID>)
    case record(RouteValue<UUID>, child: RouteValue<UUID>)

    var segments: [PathSegment] {
        let rechecks = PathSegment.fixed("rechecks")
        switch self {
        case .list: return [rechecks]
        case .export: return [.fixed("rechecks.csv")]
        case .show(let id): return [rechecks, id.named("round")]
        case .sheet(let id): return [rechecks, id.named("round"), .fixed("sheet")]
        case .close(let id): return [rechecks, id.named("round"), .fixed("close")]
        case .record(let id, let child): return [rechecks, id.named("round"), .fixed("children"), child.named("child")]
        }
    }
}
