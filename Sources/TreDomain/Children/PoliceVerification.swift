/// The commune police's answer about a child's personal identification number, returned on the list Tre
/// prepares for them (Đề án 06: every child's ID is checked against the population database).
public enum PoliceVerification: String, CaseIterable, Sendable {
    /// The number is right, was assigned, or was corrected: the record now agrees with the population database.
    case confirmed = "confirmed"
    /// The police found no such person: the record goes back on the commune's worklist.
    case notFound = "not_found"

    /// What an officer or the police write in the answer column, however accented.
    public init?(written text: String) {
        switch VietnameseText.folded(text).filter({ $0.isLetter || $0 == " " }) {
        case "khop", "dung", "da cap", "da cap so", "cap so", "cap moi", "da sua", "sua", "xac nhan", "co",
            "confirmed", "match", "matched", "assigned", "corrected":
            self = .confirmed
        case "khong tim thay", "khong co", "khong co thong tin", "khong thay", "not found", "notfound":
            self = .notFound
        default: return nil
        }
    }

    public var label: LocalizedText {
        switch self {
        case .confirmed: LocalizedText(vi: "Công an đã xác nhận", en: "Confirmed by the police")
        case .notFound: LocalizedText(vi: "Công an không tìm thấy", en: "Not found by the police")
        }
    }
}
