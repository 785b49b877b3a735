import Foundation

/// Reading a commune's existing list of children (CSV rows) into drafts: columns are recognised by
/// their Vietnamese or English names, however they are accented or spaced, and every row keeps its
/// line number so each problem can be shown where it is in the file.
public enum ChildImportFile {
    public struct Row: Sendable {
        /// The line in the file (the header is line 1).
        public var line: Int
        public var draft: ChildDraft
        /// Tre's code of the record the row is about, as the list for the commune police carries it.
        public var recordCode = ""
        /// The police's answer about the personal ID ("Khớp", "Đã cấp số", "Không tìm thấy").
        public var verification = ""

        public init(line: Int, draft: ChildDraft, recordCode: String = "", verification: String = "") {
            self.line = line
            self.draft = draft
            self.recordCode = recordCode
            self.verification = verification
        }
    }

    public enum Column: String, CaseIterable, Sendable {
        case fullName, sex, dateOfBirth, estimatedBirthYear, ethnicity, personalID, communeCode, address
        case schoolStatus, healthInsuranceCard, nutritionStatus, disabilityLevel
        case caregiverName, caregiverRelation, caregiverPhone, notes
        case recordCode, verification

        /// Columns of the police's answer to the list Tre prepared for them, not of a commune's own list.
        public var isPoliceAnswer: Bool { self == .recordCode || self == .verification }

        /// Header spellings, folded and without spaces or punctuation.
        var names: Set<String> {
            switch self {
            case .fullName: ["hoten", "hovaten", "fullname", "ten", "hotentre", "hovatentre", "name", "childname"]
            case .sex: ["gioitinh", "gioi", "phai", "sex", "gender"]
            case .dateOfBirth: ["ngaysinh", "ngaythangnamsinh", "dateofbirth", "dob", "birthdate"]
            case .estimatedBirthYear: ["namsinhuoctinh", "namsinh", "estimatedbirthyear", "birthyear"]
            case .ethnicity: ["madantoc", "dantoc", "ethnicity", "ethnicitycode", "ethnicgroup"]
            case .personalID:
                [
                    "sodinhdanh", "sodinhdanhcanhan", "madinhdanh", "madinhdanhcanhan", "personalid", "cccd", "socccd",
                    "personalidnumber",
                ]
            case .communeCode: ["maxa", "communecode"]
            case .address: ["diachi", "noio", "address"]
            case .schoolStatus: ["hoctap", "tinhtranghoctap", "schoolstatus"]
            case .healthInsuranceCard: ["thebhyt", "sothebhyt", "healthinsurancecard"]
            case .nutritionStatus: ["dinhduong", "nutritionstatus"]
            case .disabilityLevel: ["khuyettat", "mucdokhuyettat", "disabilitylevel"]
            case .caregiverName: ["nguoichamsoc", "hotennguoichamsoc", "caregiver", "caregivername"]
            case .caregiverRelation: ["quanhe", "quanhevoitre", "relation", "relationship", "caregiverrelation"]
            case .caregiverPhone: ["dienthoai", "sodienthoai", "sdt", "phone", "phonenumber", "caregiverphone"]
            case .notes: ["ghichu", "notes", "note"]
            case .recordCode: ["mahoso", "mahosotre", "matre", "recordcode", "treid", "trerecordcode"]
            case .verification:
                ["ketquaxacminh", "ketqua", "xacminh", "verification", "verificationresult", "policeanswer"]
            }
        }
    }

    public enum FileError: Error, Equatable, Sendable, LocalizedFailure {
        case empty
        case missingColumns([String])

        public var code: String {
            switch self {
            case .empty: "empty_file"
            case .missingColumns: "missing_columns"
            }
        }

        public var message: LocalizedText {
            switch self {
            case .empty:
                LocalizedText(vi: "Tệp không có dòng dữ liệu nào.", en: "The file has no data rows.")
            case .missingColumns(let columns):
                LocalizedText(
                    vi:
                        "Tệp thiếu cột: \(columns.joined(separator: ", ")). Một dòng trong 20 dòng đầu phải ghi tên cột, ví dụ ho_ten, gioi_tinh, ngay_sinh (xem tệp mẫu).",
                    en:
                        "The file lacks the columns: \(columns.joined(separator: ", ")). One of the first 20 rows must name the columns, e.g. ho_ten, gioi_tinh, ngay_sinh (see the template)."
                )
            }
        }
    }

    /// Which column holds which field; fails naming the columns that every file must have.
    public static func columns(of header: [String], communeGiven: Bool) throws(FileError) -> [Column: Int] {
        var found: [Column: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = VietnameseText.folded(name).filter { $0.isLetter || $0.isNumber }
            if let column = Column.allCases.first(where: { $0.names.contains(key) }), found[column] == nil {
                found[column] = index
            }
        }
        var missing: [String] = []
        if found[.fullName] == nil { missing.append("ho_ten") }
        if found[.sex] == nil { missing.append("gioi_tinh") }
        if found[.dateOfBirth] == nil && found[.estimatedBirthYear] == nil { missing.append("ngay_sinh") }
        if found[.communeCode] == nil && !communeGiven { missing.append("ma_xa") }
        guard missing.isEmpty else { throw .missingColumns(missing) }
        return found
    }

    /// The row that names the columns, and which column holds which field: the first of the first `within` rows
    /// that names every column a file must have, so a title block above the table ("DANH SÁCH TRẺ EM…") is passed
    /// over. When none does, fails naming the columns the first non-empty row lacks.
    public static func headerRow(in rows: [[String]], communeGiven: Bool, within: Int = 20) throws(FileError) -> (
        index: Int, columns: [Column: Int]
    ) {
        var firstFailure: FileError?
        for (index, row) in rows.prefix(within).enumerated() {
            guard row.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            do {
                return (index, try columns(of: row, communeGiven: communeGiven))
            } catch {
                if firstFailure == nil { firstFailure = error }
            }
        }
        throw firstFailure ?? .empty
    }

    /// Turns data rows into drafts. Values people write ("Nữ", "Nam", "Kinh", "mẹ") become the stored codes.
    /// `firstLine` is the line in the file of the first of `rows`.
    public static func drafts(rows: [[String]], columns: [Column: Int], defaultCommune: Int?, firstLine: Int = 2)
        -> [Row]
    {
        rows.enumerated().compactMap { offset, fields in
            func value(_ column: Column) -> String {
                guard let index = columns[column], index < fields.count else { return "" }
                return fields[index].trimmingCharacters(in: .whitespaces)
            }
            guard fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
            var draft = ChildDraft()
            draft.fullName = value(.fullName)
            draft.sex = sex(value(.sex))
            draft.dateOfBirth = value(.dateOfBirth)
            draft.estimatedBirthYear = draft.dateOfBirth.isEmpty ? value(.estimatedBirthYear) : ""
            let ethnicity = value(.ethnicity)
            draft.ethnicityCode =
                ethnicity.isEmpty
                ? ""
                : EthnicGroup.name(of: ethnicity) != nil
                    ? ethnicity
                    : Int(ethnicity).map { String(format: "%02d", $0) } ?? EthnicGroup.code(forName: ethnicity)
                        ?? ethnicity
            draft.personalID = value(.personalID)
            draft.communeCode = Int(value(.communeCode)) ?? (value(.communeCode).isEmpty ? defaultCommune : nil)
            draft.address = value(.address)
            draft.schoolStatus = value(.schoolStatus)
            draft.healthInsuranceCard = value(.healthInsuranceCard)
            draft.nutritionStatus = value(.nutritionStatus)
            draft.disabilityLevel = value(.disabilityLevel)
            draft.notes = value(.notes)
            let caregiver = value(.caregiverName)
            let phone = value(.caregiverPhone)
            if !caregiver.isEmpty || !phone.isEmpty {
                draft.caregivers = [
                    .init(relation: relation(value(.caregiverRelation)), fullName: caregiver, phone: phone)
                ]
            }
            return Row(
                line: offset + firstLine, draft: draft, recordCode: value(.recordCode),
                verification: value(.verification))
        }
    }

    static func sex(_ text: String) -> String {
        switch VietnameseText.folded(text) {
        case "nu", "female", "f", "gai", "be gai": "female"
        case "nam", "male", "m", "trai", "be trai": "male"
        default: text
        }
    }

    /// Accents matter here: "bà" is a grandmother, "ba" a father (as the South says).
    static func relation(_ text: String) -> String {
        let written = VietnameseText.normalized(text).lowercased()
        let known: [String: CaregiverRelation] = [
            "mẹ": .mother, "má": .mother, "bố": .father, "cha": .father, "ba": .father, "tía": .father,
            "bà": .grandparent, "ông": .grandparent, "ông bà": .grandparent, "anh": .sibling, "chị": .sibling,
            "người giám hộ": .guardian, "giám hộ": .guardian,
        ]
        if let relation = known[written] ?? CaregiverRelation(rawValue: written) { return relation.rawValue }
        return written.isEmpty ? CaregiverRelation.other.rawValue : CaregiverRelation.relative.rawValue
    }
}
