import Foundation
import TreDomain

/// The household form, laid out as the paper household book: where the household lives and who cares for the
/// children, then one line per child. A refused household comes back whole, each problem beside its line and
/// field; probable duplicates are shown under their line, each confirmed on its own. Built without a database.
struct HouseholdPage: Encodable {
    struct Line: Encodable {
        /// The line's place in the form (its fields are `child<index>…`), and its number as the book counts.
        var index: Int
        var number: Int
        var form: HouseholdForm.Line
        var sexes: [Choice]
        var ethnicities: [Choice]
        /// Each refused field's message, by the field's name (`fullName`, `dateOfBirth`, …).
        var errors: [String: String]
        var hasErrors: Bool
        var duplicates: [ChildRecordPage.Duplicate]
    }

    struct Saved: Encodable {
        var href: String
        var fullName: String
    }

    var action = SiteURL.children(.household).path
    var listHref = SiteURL.children(.list).path
    var newChildHref = SiteURL.children(.new).path
    var script = SiteURL.script(.household).path
    var form: HouseholdForm
    /// The household's refused fields (`communeCode`, `address`, `caregivers0phone`, …), `lines` for the
    /// children as a whole, `general` for a refusal of the whole form.
    var errors: [String: String]
    var hasErrors: Bool
    /// The reader's communes to choose from; one commune (a commune officer's) is shown, not chosen.
    var communes: [Choice]
    var fixedCommune: Choice?
    var relations0: [Choice]
    var relations1: [Choice]
    var lines: [Line]
    var lineCount: Int
    var maximumLines: Int
    var canAddLines: Bool
    var hasDuplicates: Bool
    /// The children of the household just saved, to open or check.
    var saved: [Saved]

    /// `duplicates` are by line index; `saved` the children the last entry made (empty on a new form).
    init(
        form: HouseholdForm, communes: [Commune], refusal: Refusal?, duplicates: [Int: [Child]],
        duplicateCommunes: [Int: String], saved: [Child], language: Language,
        today: (year: Int, month: Int, day: Int)
    ) {
        self.form = form
        let household = form.draft
        var errors: [String: String] = [:]
        var lineErrors: [Int: [String: String]] = [:]
        for (reported, message) in (refusal?.fields ?? [:]).sorted(by: { $0.key < $1.key }) {
            let field = household.formField(reported)
            if field.hasPrefix("lines["), let close = field.firstIndex(of: "]"),
                let index = Int(field[field.index(field.startIndex, offsetBy: 6)..<close])
            {
                let name = String(field[close...].dropFirst(2))
                lineErrors[index, default: [:]][name] = lineErrors[index]?[name] ?? message
            } else {
                // "caregivers[0].phone" is marked at the form's "caregivers0phone", as on the child form.
                let name = field.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "].", with: "")
                errors[name] = errors[name] ?? message
            }
        }
        // The refusal that asks about duplicates is said by the duplicates' own words, not as an error.
        if let refusal, refusal.fields.isEmpty, duplicates.isEmpty || refusal.status != .conflict {
            errors["general"] = refusal.message
        }
        self.errors = errors
        hasErrors = !errors.isEmpty || !lineErrors.isEmpty
        self.communes = CommuneChoices.choices(communes, selected: Int(form.communeCode))
        fixedCommune = communes.count == 1 ? self.communes.first : nil
        relations0 = Choice.list(CaregiverRelation.self, selected: form.caregiver0Relation, language: language) {
            $0.label
        }
        relations1 = Choice.list(CaregiverRelation.self, selected: form.caregiver1Relation, language: language) {
            $0.label
        }
        lines = form.lines.enumerated().map { index, line in
            let found = duplicates[index] ?? []
            return Line(
                index: index, number: index + 1, form: line,
                sexes: Choice.sexes(selected: line.sex, language: language),
                ethnicities: EthnicGroup.all.map {
                    Choice(value: $0.code, label: $0.name, selected: $0.code == line.ethnicityCode)
                }, errors: lineErrors[index] ?? [:], hasErrors: lineErrors[index] != nil,
                duplicates: found.map {
                    let id = $0.id ?? UUID()
                    return ChildRecordPage.Duplicate(
                        id: id.uuidString, href: SiteURL.children(.show(.value(id))).path, fullName: $0.fullName,
                        age: ChildRecordPage.ageText($0, today, language),
                        commune: duplicateCommunes[$0.communeCode] ?? "")
                })
        }
        lineCount = form.lines.count
        maximumLines = HouseholdForm.maximumLines
        canAddLines = form.lines.count < HouseholdForm.maximumLines
        hasDuplicates = !duplicates.isEmpty
        self.saved = saved.map {
            Saved(href: SiteURL.children(.show(.value($0.id ?? UUID()))).path, fullName: $0.fullName)
        }
    }
}
