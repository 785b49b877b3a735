import Foundation
import TreDomain

/// The form to register a child or correct a record: every problem marked at its field, what was typed kept,
/// and probable duplicates shown before a new record is made. Built without a database.
struct ChildFormPage: Encodable {
    var action: String
    var isNew: Bool
    var form: ChildForm
    var errors: [String: String]
    var sexes: [Choice]
    var ethnicities: [Choice]
    var communes: [Choice]
    var schoolStatuses: [Choice]
    var nutritionStatuses: [Choice]
    var disabilityLevels: [Choice]
    var relations0: [Choice]
    var relations1: [Choice]
    var duplicates: [ChildRecordPage.Duplicate]

    /// `child` is the record being corrected (nil for a new one); `communes` those the reader may choose.
    init(
        form: ChildForm, child: Child?, communes: [Commune], duplicates: [Child], duplicateCommunes: [Int: String],
        refusal: Refusal?, language: Language, today: (year: Int, month: Int, day: Int)
    ) {
        action = child?.id.map { SiteURL.children(.edit(.value($0))).path } ?? SiteURL.children(.new).path
        isNew = child == nil
        self.form = form
        var errors: [String: String] = [:]
        for (field, message) in refusal?.fields ?? [:] {
            // "caregivers[0].phone" is marked at the form's "caregivers0phone".
            errors[field.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "].", with: "")] = message
        }
        if let refusal, refusal.fields.isEmpty { errors["general"] = refusal.message }
        self.errors = errors
        sexes = Choice.sexes(selected: form.sex, language: language)
        ethnicities = EthnicGroup.all.map {
            Choice(value: $0.code, label: $0.name, selected: $0.code == form.ethnicityCode)
        }
        self.communes = CommuneChoices.choices(communes, selected: Int(form.communeCode ?? ""))
        schoolStatuses = Choice.list(SchoolStatus.self, selected: form.schoolStatus, language: language) { $0.label }
        nutritionStatuses = Choice.list(NutritionStatus.self, selected: form.nutritionStatus, language: language) {
            $0.label
        }
        disabilityLevels = Choice.list(DisabilityLevel.self, selected: form.disabilityLevel, language: language) {
            $0.label
        }
        relations0 = Choice.list(CaregiverRelation.self, selected: form.caregiver0Relation, language: language) {
            $0.label
        }
        relations1 = Choice.list(CaregiverRelation.self, selected: form.caregiver1Relation, language: language) {
            $0.label
        }
        self.duplicates = duplicates.map {
            let id = $0.id ?? UUID()
            return ChildRecordPage.Duplicate(
                id: id.uuidString, href: SiteURL.children(.show(.value(id))).path, fullName: $0.fullName,
                age: ChildRecordPage.ageText($0, today, language), commune: duplicateCommunes[$0.communeCode] ?? "")
        }
    }
}
