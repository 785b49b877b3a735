/// Small, stable lists a child's record draws on. The 14 statutory groups of special circumstances and
/// their sub-groups are data (Resources/Data/special-circumstances.csv), since a decree may change them.

import Foundation

/// The 54 ethnic groups of Vietnam with the General Statistics Office codes (Danh mục các dân tộc Việt Nam).
public enum EthnicGroup {
    public static let all: [(code: String, name: String)] = [
        ("01", "Kinh"), ("02", "Tày"), ("03", "Thái"), ("04", "Hoa"), ("05", "Khơ Me"), ("06", "Mường"),
        ("07", "Nùng"), ("08", "Mông"), ("09", "Dao"), ("10", "Gia Rai"), ("11", "Ngái"), ("12", "Ê Đê"),
        ("13", "Ba Na"), ("14", "Xơ Đăng"), ("15", "Sán Chay"), ("16", "Cơ Ho"), ("17", "Chăm"), ("18", "Sán Dìu"),
        ("19", "Hrê"), ("20", "Mnông"), ("21", "Ra Glai"), ("22", "Xtiêng"), ("23", "Bru Vân Kiều"), ("24", "Thổ"),
        ("25", "Giáy"), ("26", "Cơ Tu"), ("27", "Giẻ Triêng"), ("28", "Mạ"), ("29", "Khơ Mú"), ("30", "Co"),
        ("31", "Tà Ôi"), ("32", "Chơ Ro"), ("33", "Kháng"), ("34", "Xinh Mun"), ("35", "Hà Nhì"), ("36", "Chu Ru"),
        ("37", "Lào"), ("38", "La Chí"), ("39", "La Ha"), ("40", "Phù Lá"), ("41", "La Hủ"), ("42", "Lự"),
        ("43", "Lô Lô"), ("44", "Chứt"), ("45", "Mảng"), ("46", "Pà Thẻn"), ("47", "Cờ Lao"), ("48", "Cống"),
        ("49", "Bố Y"), ("50", "Si La"), ("51", "Pu Péo"), ("52", "Brâu"), ("53", "Ơ Đu"), ("54", "Rơ Măm"),
    ]

    public static func name(of code: String) -> String? {
        all.first { $0.code == code }?.name
    }

    /// The code for a name as people write it ("kinh", "H'Mông", "Ê Đê"), ignoring accents, case and dashes.
    public static func code(forName name: String) -> String? {
        let wanted = comparable(name)
        return all.first { comparable($0.name) == wanted }?.code
    }

    private static func comparable(_ text: String) -> String {
        VietnameseText.folded(text).filter { $0.isLetter }
    }
}

/// Where a child stands with school.
public enum SchoolStatus: String, CaseIterable, Codable, Sendable {
    case notYetInSchool = "not_yet_in_school"
    case preschool
    case inSchool = "in_school"
    case outOfSchool = "out_of_school"

    public var label: LocalizedText {
        switch self {
        case .notYetInSchool: LocalizedText(vi: "Chưa đến tuổi đi học", en: "Not yet of school age")
        case .preschool: LocalizedText(vi: "Mầm non", en: "Preschool")
        case .inSchool: LocalizedText(vi: "Đang đi học", en: "In school")
        case .outOfSchool: LocalizedText(vi: "Bỏ học / không đi học", en: "Out of school")
        }
    }
}

/// Nutrition as recorded at the last weighing.
public enum NutritionStatus: String, CaseIterable, Codable, Sendable {
    case normal, underweight, stunted, wasted, overweight

    public var label: LocalizedText {
        switch self {
        case .normal: LocalizedText(vi: "Bình thường", en: "Normal")
        case .underweight: LocalizedText(vi: "Suy dinh dưỡng thể nhẹ cân", en: "Underweight")
        case .stunted: LocalizedText(vi: "Suy dinh dưỡng thể thấp còi", en: "Stunted")
        case .wasted: LocalizedText(vi: "Suy dinh dưỡng thể gầy còm", en: "Wasted")
        case .overweight: LocalizedText(vi: "Thừa cân", en: "Overweight")
        }
    }
}

/// The three statutory severity levels of disability (Law on Persons with Disabilities, Art. 3).
public enum DisabilityLevel: String, CaseIterable, Codable, Sendable {
    case mild, severe, verySevere = "very_severe"

    public var label: LocalizedText {
        switch self {
        case .mild: LocalizedText(vi: "Khuyết tật nhẹ", en: "Mild disability")
        case .severe: LocalizedText(vi: "Khuyết tật nặng", en: "Severe disability")
        case .verySevere: LocalizedText(vi: "Khuyết tật đặc biệt nặng", en: "Very severe disability")
        }
    }
}

/// Who cares for the child.
public enum CaregiverRelation: String, CaseIterable, Codable, Sendable {
    case mother, father, grandparent, sibling, relative, guardian, fosterCarer = "foster_carer", other

    public var label: LocalizedText {
        switch self {
        case .mother: LocalizedText(vi: "Mẹ", en: "Mother")
        case .father: LocalizedText(vi: "Cha", en: "Father")
        case .grandparent: LocalizedText(vi: "Ông, bà", en: "Grandparent")
        case .sibling: LocalizedText(vi: "Anh, chị", en: "Sibling")
        case .relative: LocalizedText(vi: "Người thân khác", en: "Other relative")
        case .guardian: LocalizedText(vi: "Người giám hộ", en: "Guardian")
        case .fosterCarer: LocalizedText(vi: "Người chăm sóc thay thế", en: "Foster carer")
        case .other: LocalizedText(vi: "Khác", en: "Other")
        }
    }
}

/// Phone numbers as stored and compared: digits only, +84 written as the leading 0.
public enum PhoneNumber {
    public static func normalized(_ text: String) -> String {
        var digits = text.filter { $0.isASCII && $0.isNumber }
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("+84") || (digits.hasPrefix("84") && digits.count == 11)
        {
            digits = "0" + digits.dropFirst(2)
        }
        return digits
    }

    /// Vietnamese numbers have 10 digits (mobile) or 10–11 (landline with area code).
    public static func isPlausible(_ normalized: String) -> Bool {
        normalized.hasPrefix("0") && (10...11).contains(normalized.count)
    }
}
