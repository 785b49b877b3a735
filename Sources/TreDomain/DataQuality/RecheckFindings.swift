import Foundation

/// The fields of a record a re-check compares with what is found at the household: what the population
/// database needs (Đề án 06) and what a visit can see.
public enum RecheckField: String, CaseIterable, Codable, Sendable {
    case fullName = "full_name"
    case dateOfBirth = "date_of_birth"
    case sex
    case ethnicity
    case personalID = "personal_id"
    case address
    case caregiver

    public var label: LocalizedText {
        switch self {
        case .fullName: LocalizedText(vi: "Họ và tên", en: "Full name")
        case .dateOfBirth: LocalizedText(vi: "Ngày sinh", en: "Date of birth")
        case .sex: LocalizedText(vi: "Giới tính", en: "Sex")
        case .ethnicity: LocalizedText(vi: "Dân tộc", en: "Ethnicity")
        case .personalID: LocalizedText(vi: "Số định danh cá nhân", en: "Personal ID number")
        case .address: LocalizedText(vi: "Địa chỉ", en: "Address")
        case .caregiver: LocalizedText(vi: "Cha, mẹ hoặc người chăm sóc", en: "Parent or caregiver")
        }
    }
}

/// What the household visit found for one field.
public enum RecheckFinding: String, CaseIterable, Codable, Sendable {
    case agrees
    case differs
    case notChecked = "not_checked"

    public var label: LocalizedText {
        switch self {
        case .agrees: LocalizedText(vi: "Khớp", en: "Agrees")
        case .differs: LocalizedText(vi: "Sai khác", en: "Differs")
        case .notChecked: LocalizedText(vi: "Chưa kiểm tra", en: "Not checked")
        }
    }
}

/// One field's finding, with what was found when it differs.
public struct RecheckFieldFinding: Codable, Equatable, Sendable {
    public var finding: RecheckFinding
    public var found: String

    public init(_ finding: RecheckFinding, found: String = "") {
        self.finding = finding
        self.found = found
    }
}

/// One sampled record's findings, checked from a form: every field's choice must be one of the three, and
/// a note stays within bounds.
public struct RecheckRecordFindings: Equatable, Sendable {
    public var fields: [RecheckField: RecheckFieldFinding]

    public init(_ fields: [RecheckField: RecheckFieldFinding] = [:]) {
        self.fields = fields
    }

    public static let maximumNoteLength = 500

    public func finding(_ field: RecheckField) -> RecheckFinding { fields[field]?.finding ?? .notChecked }

    /// From a form's values (`finding` and `found` by field): blank is "not checked".
    public static func validate(findings: [RecheckField: String], notes: [RecheckField: String])
        -> Result<RecheckRecordFindings, FieldErrors>
    {
        var errors: [FieldError] = []
        var fields: [RecheckField: RecheckFieldFinding] = [:]
        for field in RecheckField.allCases {
            let text = (findings[field] ?? "").trimmingCharacters(in: .whitespaces)
            let note = VietnameseText.normalized(notes[field] ?? "")
            guard let finding = text.isEmpty ? .notChecked : RecheckFinding(rawValue: text) else {
                errors.append(
                    FieldError(
                        field: field.rawValue, code: "invalid_finding",
                        message: LocalizedText(
                            vi: "Chọn khớp, sai khác hoặc chưa kiểm tra.",
                            en: "Choose agrees, differs or not checked.")))
                continue
            }
            guard note.count <= maximumNoteLength else {
                errors.append(
                    FieldError(
                        field: field.rawValue, code: "note_too_long",
                        message: LocalizedText(
                            vi: "Ghi chú dài quá \(maximumNoteLength) ký tự.",
                            en: "The note is longer than \(maximumNoteLength) characters.")))
                continue
            }
            fields[field] = RecheckFieldFinding(finding, found: note)
        }
        return errors.isEmpty ? .success(RecheckRecordFindings(fields)) : .failure(FieldErrors(errors: errors))
    }
}

/// A round's arithmetic: the error rate is the fields found to differ over the fields checked; the share of
/// records with a difference is over the records with at least one field checked. Nothing checked is no
/// rate at all (nil, shown as "—"), never a division by zero.
public struct RecheckTally: Equatable, Sendable {
    public var fieldsChecked = 0
    public var fieldsDiffering = 0
    public var recordsChecked = 0
    public var recordsDiffering = 0

    public init(fieldsChecked: Int = 0, fieldsDiffering: Int = 0, recordsChecked: Int = 0, recordsDiffering: Int = 0) {
        self.fieldsChecked = fieldsChecked
        self.fieldsDiffering = fieldsDiffering
        self.recordsChecked = recordsChecked
        self.recordsDiffering = recordsDiffering
    }

    public init(_ records: [RecheckRecordFindings]) {
        for record in records {
            let checked = RecheckField.allCases.filter { record.finding($0) != .notChecked }.count
            let differing = RecheckField.allCases.filter { record.finding($0) == .differs }.count
            fieldsChecked += checked
            fieldsDiffering += differing
            if checked > 0 { recordsChecked += 1 }
            if differing > 0 { recordsDiffering += 1 }
        }
    }

    /// Fields that differ over fields checked; nil when nothing was checked.
    public var errorRate: Double? { Self.share(fieldsDiffering, of: fieldsChecked) }
    /// Records with at least one difference over records checked; nil when none was checked.
    public var recordShare: Double? { Self.share(recordsDiffering, of: recordsChecked) }

    static func share(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }

    /// A rate as a reader sees it: "12,5 %" in Vietnamese, "12.5%" in English, "—" for no rate.
    public static func percent(_ rate: Double?, _ language: Language) -> String {
        guard let rate, rate.isFinite else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        let text = "\(tenths / 10)" + (tenths % 10 == 0 ? "" : (language == .vi ? "," : ".") + "\(tenths % 10)")
        return language == .vi ? text + " %" : text + "%"
    }
}

/// A round is open while findings are recorded; once closed its figures are final.
public enum RecheckStatus: String, CaseIterable, Codable, Sendable {
    case open
    case closed

    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(vi: "Đang phúc tra", en: "Open")
        case .closed: LocalizedText(vi: "Đã kết thúc", en: "Closed")
        }
    }
}
