import Foundation

/// One household as the paper household book ("sổ theo dõi trẻ em") records it: the place and the parents or
/// guardians once, then one line per child (full name, sex, date of birth, ethnicity, personal ID). Each
/// written line becomes a `ChildDraft` sharing the household's part; empty lines are left out.
public struct HouseholdDraft: Equatable, Sendable {
    /// One child's line of the book, as typed.
    public struct Line: Equatable, Sendable {
        public var fullName: String
        public var sex: String
        /// A date as on the child form, or only a year when the book has no more (an estimated year).
        public var dateOfBirth: String
        public var ethnicityCode: String
        public var personalID: String

        public init(
            fullName: String = "", sex: String = "", dateOfBirth: String = "", ethnicityCode: String = "",
            personalID: String = ""
        ) {
            self.fullName = fullName
            self.sex = sex
            self.dateOfBirth = dateOfBirth
            self.ethnicityCode = ethnicityCode
            self.personalID = personalID
        }

        /// Nothing written on it: the line is left out, not refused.
        public var isEmpty: Bool {
            [fullName, sex, dateOfBirth, ethnicityCode, personalID].allSatisfy {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
        }
    }

    /// A household book's page is entered at once; more children than this are a second entry.
    public static let maximumChildren = 20

    public var communeCode: Int?
    public var address: String
    public var caregivers: [ChildDraft.Caregiver]
    public var lines: [Line]

    public init(
        communeCode: Int? = nil, address: String = "", caregivers: [ChildDraft.Caregiver] = [], lines: [Line] = []
    ) {
        self.communeCode = communeCode
        self.address = address
        self.caregivers = caregivers
        self.lines = lines
    }

    /// The place in `lines` of each line a child was written on, in the book's order.
    public var writtenLines: [Int] { lines.indices.filter { !lines[$0].isEmpty } }

    /// One draft per written line, in the order of `writtenLines`, each with the household's place and caregivers.
    public var drafts: [ChildDraft] {
        writtenLines.map { index in
            let line = lines[index]
            var draft = ChildDraft()
            draft.fullName = line.fullName
            draft.sex = line.sex
            let born = line.dateOfBirth.trimmingCharacters(in: .whitespaces)
            if born.count == 4, born.allSatisfy(\.isASCII), born.allSatisfy(\.isNumber) {
                draft.estimatedBirthYear = born
            } else {
                draft.dateOfBirth = born
            }
            draft.ethnicityCode = line.ethnicityCode
            draft.personalID = line.personalID
            draft.communeCode = communeCode
            draft.address = address
            draft.caregivers = caregivers
            return draft
        }
    }

    /// What is wrong with the household as a whole: no child written, or more than a page holds.
    public func check() throws(FieldErrors) {
        let count = writtenLines.count
        if count == 0 {
            throw FieldErrors(errors: [
                FieldError(
                    field: "lines", code: "no_children",
                    message: LocalizedText(
                        vi: "Chưa có trẻ nào: hãy ghi ít nhất một dòng.",
                        en: "No child yet: fill in at least one line."))
            ])
        }
        if count > Self.maximumChildren { throw Self.tooManyChildren(count) }
    }

    /// More children than one entry takes.
    public static func tooManyChildren(_ count: Int) -> FieldErrors {
        FieldErrors(errors: [
            FieldError(
                field: "lines", code: "too_many_children",
                message: LocalizedText(
                    vi:
                        "Mỗi lần nhập tối đa \(maximumChildren) trẻ (đang có \(count)). Hãy lưu \(maximumChildren) trẻ trước rồi nhập tiếp các trẻ còn lại.",
                    en:
                        "At most \(maximumChildren) children at a time (there are \(count)). Save \(maximumChildren) first, then enter the others."
                ))
        ])
    }

    /// The fields of a child's draft that the household gives every child: a problem with one of them is the
    /// household's, shown once.
    public static func isHouseholdField(_ field: String) -> Bool {
        field == "communeCode" || field == "address" || field.hasPrefix("caregivers")
    }

    /// Where a problem reported for `children[i].field` (the i-th of `drafts`) belongs on the form: the
    /// household's own field, or `lines[n].field` for the n-th line. An estimated year is the line's date.
    public func formField(_ reported: String) -> String {
        guard reported.hasPrefix("children["), let close = reported.firstIndex(of: "]"),
            let position = Int(reported[reported.index(reported.startIndex, offsetBy: 9)..<close])
        else { return reported }
        var field = String(reported[close...].dropFirst())
        if field.hasPrefix(".") { field.removeFirst() }
        if Self.isHouseholdField(field) { return field }
        let written = writtenLines
        guard written.indices.contains(position) else { return "lines" }
        if field == "estimatedBirthYear" || field == "givenName" {
            field = field == "estimatedBirthYear" ? "dateOfBirth" : "fullName"
        }
        return "lines[\(written[position])].\(field)"
    }
}
