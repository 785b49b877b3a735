/// Where on the administrative map an account may see and act.
///
/// Commune codes are unique nationwide, but a commune jurisdiction also carries its province so that
/// provincial scoping never needs a lookup.
public enum Jurisdiction: Hashable, Codable, Sendable {
    case nation
    case province(provinceCode: Int)
    case commune(provinceCode: Int, communeCode: Int)

    public var level: JurisdictionLevel {
        switch self {
        case .nation: .nation
        case .province: .province
        case .commune: .commune
        }
    }

    public var provinceCode: Int? {
        switch self {
        case .nation: nil
        case .province(let code), .commune(let code, _): code
        }
    }

    public var communeCode: Int? {
        if case .commune(_, let code) = self { return code }
        return nil
    }

    /// Whether a place (a province, or a commune of a province) lies inside this jurisdiction.
    public func contains(provinceCode: Int?, communeCode: Int?) -> Bool {
        switch self {
        case .nation:
            return true
        case .province(let own):
            return provinceCode == own
        case .commune(_, let own):
            return communeCode == own
        }
    }

    /// Whether another jurisdiction lies wholly inside this one (a province contains its communes).
    public func contains(_ other: Jurisdiction) -> Bool {
        switch other {
        case .nation: return self == .nation
        case .province(let code): return contains(provinceCode: code, communeCode: nil) && level != .commune
        case .commune(let province, let commune): return contains(provinceCode: province, communeCode: commune)
        }
    }
}
