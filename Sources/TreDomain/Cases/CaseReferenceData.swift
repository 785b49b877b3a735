/// How a report reached a receiving point (Mẫu 01).
public enum ReportChannel: String, CaseIterable, Codable, Sendable {
    case phone111 = "phone_111"
    case app, zalo, facebook, web
    case walkIn = "walk_in"
    case police, letter, petition, press

    public var label: LocalizedText {
        switch self {
        case .phone111: LocalizedText(vi: "Tổng đài 111", en: "Hotline 111")
        case .app: LocalizedText(vi: "Ứng dụng Tổng đài 111", en: "111 app")
        case .zalo: LocalizedText(vi: "Zalo", en: "Zalo")
        case .facebook: LocalizedText(vi: "Facebook", en: "Facebook")
        case .web: LocalizedText(vi: "Trang web", en: "Website")
        case .walkIn: LocalizedText(vi: "Trực tiếp", en: "In person")
        case .police: LocalizedText(vi: "Công an", en: "Police")
        case .letter: LocalizedText(vi: "Công văn", en: "Official letter")
        case .petition: LocalizedText(vi: "Đơn thư", en: "Petition")
        case .press: LocalizedText(vi: "Báo chí", en: "Press")
        }
    }
}

/// The forms of abuse of the Law on Children, Art. 4, and online harm.
public enum AbuseForm: String, CaseIterable, Codable, Sendable {
    case violence, exploitation
    case sexualAbuse = "sexual_abuse"
    case trafficking, abandonment, neglect
    case onlineHarm = "online_harm"
    case other

    public var label: LocalizedText {
        switch self {
        case .violence: LocalizedText(vi: "Bạo lực", en: "Violence")
        case .exploitation:
            LocalizedText(vi: "Bóc lột (kể cả lao động trẻ em)", en: "Exploitation (incl. child labour)")
        case .sexualAbuse: LocalizedText(vi: "Xâm hại tình dục", en: "Sexual abuse")
        case .trafficking: LocalizedText(vi: "Mua bán", en: "Trafficking")
        case .abandonment: LocalizedText(vi: "Bỏ rơi", en: "Abandonment")
        case .neglect: LocalizedText(vi: "Bỏ mặc", en: "Neglect")
        case .onlineHarm: LocalizedText(vi: "Xâm hại trên mạng", en: "Online harm")
        case .other: LocalizedText(vi: "Khác", en: "Other")
        }
    }
}

/// Mẫu 02/03: Cao / Trung bình / Thấp.
public enum RiskLevel: String, CaseIterable, Codable, Sendable {
    case high, medium, low

    public var label: LocalizedText {
        switch self {
        case .high: LocalizedText(vi: "Cao", en: "High")
        case .medium: LocalizedText(vi: "Trung bình", en: "Medium")
        case .low: LocalizedText(vi: "Thấp", en: "Low")
        }
    }
}

/// The services a support/intervention plan (Mẫu 04) arranges.
public enum ServiceKind: String, CaseIterable, Codable, Sendable {
    case health, psychological
    case legalAid = "legal_aid"
    case education
    case alternativeCare = "alternative_care"
    case financial, other

    public var label: LocalizedText {
        switch self {
        case .health: LocalizedText(vi: "Y tế", en: "Health")
        case .psychological: LocalizedText(vi: "Tâm lý", en: "Psychological")
        case .legalAid: LocalizedText(vi: "Trợ giúp pháp lý", en: "Legal aid")
        case .education: LocalizedText(vi: "Giáo dục", en: "Education")
        case .alternativeCare: LocalizedText(vi: "Chăm sóc thay thế", en: "Alternative care")
        case .financial: LocalizedText(vi: "Hỗ trợ tài chính", en: "Financial")
        case .other: LocalizedText(vi: "Khác", en: "Other")
        }
    }
}
