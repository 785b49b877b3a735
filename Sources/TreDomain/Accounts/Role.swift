/// What a person does in Tre. The role decides what they may do; the jurisdiction decides where.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// Quản trị hệ thống — manages accounts and reference data.
    case admin
    /// Cục Bà mẹ và Trẻ em — national figures, definitions and targets.
    case nationalAnalyst = "national_analyst"
    /// Sở Y tế — oversees the communes of one province.
    case provincialOfficer = "provincial_officer"
    /// Người làm công tác bảo vệ trẻ em cấp xã.
    case communeOfficer = "commune_officer"
    /// Chủ tịch UBND cấp xã — approves plans and decisions of one commune.
    case communeChair = "commune_chair"
    /// Tư vấn viên Tổng đài 111.
    case hotlineCounsellor = "hotline_counsellor"

    /// The level of the administrative map an account with this role is attached to.
    public var jurisdictionLevel: JurisdictionLevel {
        switch self {
        case .admin, .nationalAnalyst, .hotlineCounsellor: .nation
        case .provincialOfficer: .province
        case .communeOfficer, .communeChair: .commune
        }
    }

    /// Roles that see the children of a province, the nation or the hotline: a stolen password
    /// alone must not open thousands of files, so these sign in with a second factor.
    public var requiresSecondFactor: Bool {
        switch self {
        case .admin, .nationalAnalyst, .provincialOfficer, .hotlineCounsellor: true
        case .communeOfficer, .communeChair: false
        }
    }

    public var label: LocalizedText {
        switch self {
        case .admin: LocalizedText(vi: "Quản trị hệ thống", en: "Administrator")
        case .nationalAnalyst: LocalizedText(vi: "Chuyên viên cấp quốc gia", en: "National analyst")
        case .provincialOfficer: LocalizedText(vi: "Cán bộ cấp tỉnh", en: "Provincial officer")
        case .communeOfficer: LocalizedText(vi: "Cán bộ bảo vệ trẻ em cấp xã", en: "Commune child-protection officer")
        case .communeChair: LocalizedText(vi: "Chủ tịch UBND xã", en: "Commune chairperson")
        case .hotlineCounsellor: LocalizedText(vi: "Tư vấn viên Tổng đài 111", en: "Hotline 111 counsellor")
        }
    }
}

public enum JurisdictionLevel: String, Codable, Sendable {
    case nation, province, commune
}
