import TreDomain

/// A write aimed at a place the writer may not act in, or at no place at all. Every register throws these.
enum JurisdictionError: Error, LocalizedFailure {
    case outsideJurisdiction
    case unknownCommune

    var code: String {
        switch self {
        case .outsideJurisdiction: "outside_jurisdiction"
        case .unknownCommune: "unknown_commune"
        }
    }

    var message: LocalizedText {
        switch self {
        case .outsideJurisdiction:
            LocalizedText(
                vi: "Xã này nằm ngoài phạm vi của bạn: bạn không thể ghi hồ sơ ở đó.",
                en: "This commune is outside your jurisdiction: you cannot record anything there.")
        case .unknownCommune:
            LocalizedText(vi: "Không có xã, phường với mã này.", en: "There is no commune with this code.")
        }
    }
}
