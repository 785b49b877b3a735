import TreDomain

/// Words the commune registers' pages share (forums, campaigns, inspections, injuries, safety,
/// child-friendly communes) beyond those of `UIStrings.communeWork`.
extension UIStrings {
    static let registers: [String: LocalizedText] = [
        "datePlaceholder": .init(vi: "dd/mm/yyyy", en: "dd/mm/yyyy")
    ]
}
