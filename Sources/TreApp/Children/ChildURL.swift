import Foundation

/// The child registry's addresses: the register, a child's record and its forms, the import, and the API.
enum ChildURL: SitePlace {
    case list
    case export
    case new
    case show(RouteValue<UUID>)
    case edit(RouteValue<UUID>)
    case merge(RouteValue<UUID>)
    case circumstances(RouteValue<UUID>)
    case endCircumstance(RouteValue<UUID>, RouteValue<UUID>)
    case supports(RouteValue<UUID>)
    case importFile
    case importBatch(RouteValue<UUID>)
    case api(API)
    /// Another sheet of a kept workbook, checked again.
    case importSheet(RouteValue<UUID>)
    /// The list's template, with its columns named and an example row.
    case importTemplateCSV
    case importTemplateXLSX
    /// The records whose personal ID the commune police have not yet confirmed, in the layout they verify.
    case policeList
    /// Several children of one household at once, as the paper household book lists them.
    case household

    enum API: Sendable, Hashable {
        case list
        case show(RouteValue<UUID>)
        case merge(RouteValue<UUID>)
        case circumstances(RouteValue<UUID>)
        case supports(RouteValue<UUID>)
        case specialCircumstances
    }

    var segments: [PathSegment] {
        let children = PathSegment.fixed("children")
        switch self {
        case .list: return [children]
        case .export: return [.fixed("children.csv")]
        case .new: return [children, .fixed("new")]
        case .show(let id): return [children, id.named("id")]
        case .edit(let id): return [children, id.named("id"), .fixed("edit")]
        case .merge(let id): return [children, id.named("id"), .fixed("merge")]
        case .circumstances(let id): return [children, id.named("id"), .fixed("circumstances")]
        case .endCircumstance(let id, let circumstance):
            return [
                children, id.named("id"), .fixed("circumstances"), circumstance.named("circumstance"), .fixed("end"),
            ]
        case .supports(let id): return [children, id.named("id"), .fixed("supports")]
        case .importFile: return [children, .fixed("import")]
        case .importBatch(let batch): return [children, .fixed("import"), batch.named("batch")]
        case .importSheet(let batch): return [children, .fixed("import"), batch.named("batch"), .fixed("sheet")]
        case .importTemplateCSV: return [children, .fixed("import"), .fixed(ChildImportTemplate.csvName)]
        case .importTemplateXLSX: return [children, .fixed("import"), .fixed(ChildImportTemplate.xlsxName)]
        case .policeList: return [children, .fixed(ChildPoliceList.fileName)]
        case .household: return [children, .fixed("household")]
        case .api(let place):
            switch place {
            case .list: return SiteURL.api + [children]
            case .show(let id): return SiteURL.api + [children, id.named("id")]
            case .merge(let id): return SiteURL.api + [children, id.named("id"), .fixed("merge")]
            case .circumstances(let id): return SiteURL.api + [children, id.named("id"), .fixed("circumstances")]
            case .supports(let id): return SiteURL.api + [children, id.named("id"), .fixed("supports")]
            case .specialCircumstances: return SiteURL.api + [.fixed("reference"), .fixed("special-circumstances")]
            }
        }
    }
}
