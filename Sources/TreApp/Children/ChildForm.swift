import Foundation
import TreDomain
import Vapor

/// The child form as posted: every field as text, so what was typed is shown back exactly when
/// something needs correcting. Two caregiver rows cover most families; more can be added later.
struct ChildForm: Content {
    var fullName: String?
    var familyName: String?
    var middleName: String?
    var givenName: String?
    var sex: String?
    var dateOfBirth: String?
    var estimatedBirthYear: String?
    var ethnicityCode: String?
    var personalId: String?
    var communeCode: String?
    var address: String?
    var schoolStatus: String?
    var healthInsuranceCard: String?
    var nutritionStatus: String?
    var disabilityLevel: String?
    var notes: String?
    var caregiver0Relation: String?
    var caregiver0Name: String?
    var caregiver0Phone: String?
    var caregiver1Relation: String?
    var caregiver1Name: String?
    var caregiver1Phone: String?
    /// Ticked after seeing the probable duplicates: "this is another child".
    var confirmNew: String?

    var draft: ChildDraft {
        var draft = ChildDraft()
        draft.fullName = fullName ?? ""
        draft.familyName = familyName ?? ""
        draft.middleName = middleName ?? ""
        draft.givenName = givenName ?? ""
        draft.sex = sex ?? ""
        draft.dateOfBirth = dateOfBirth ?? ""
        draft.estimatedBirthYear = estimatedBirthYear ?? ""
        draft.ethnicityCode = ethnicityCode ?? ""
        draft.personalID = personalId ?? ""
        draft.communeCode = Int(communeCode?.trimmingCharacters(in: .whitespaces) ?? "")
        draft.address = address ?? ""
        draft.schoolStatus = schoolStatus ?? ""
        draft.healthInsuranceCard = healthInsuranceCard ?? ""
        draft.nutritionStatus = nutritionStatus ?? ""
        draft.disabilityLevel = disabilityLevel ?? ""
        draft.notes = notes ?? ""
        draft.caregivers = [
            .init(relation: caregiver0Relation ?? "", fullName: caregiver0Name ?? "", phone: caregiver0Phone ?? ""),
            .init(relation: caregiver1Relation ?? "", fullName: caregiver1Name ?? "", phone: caregiver1Phone ?? ""),
        ]
        return draft
    }

    /// The form filled from a stored record, for editing.
    init(_ child: Child, caregivers: [ChildCaregiver]) {
        fullName = child.fullName
        familyName = child.familyName
        middleName = child.middleName
        givenName = child.givenName
        sex = child.sex
        dateOfBirth = child.birthDate.map(VietnamTime.date)
        estimatedBirthYear = child.birthDate == nil ? String(child.birthYear) : nil
        ethnicityCode = child.ethnicityCode
        personalId = child.personalID
        communeCode = String(child.communeCode)
        address = child.address
        schoolStatus = child.schoolStatus
        healthInsuranceCard = child.healthInsuranceCard
        nutritionStatus = child.nutritionStatus
        disabilityLevel = child.disabilityLevel
        notes = child.notes
        let first = caregivers.first
        let second = caregivers.dropFirst().first
        caregiver0Relation = first?.relation
        caregiver0Name = first?.fullName
        caregiver0Phone = first?.phone
        caregiver1Relation = second?.relation
        caregiver1Name = second?.fullName
        caregiver1Phone = second?.phone
    }

    init() {}
}

/// Choices for the form's lists, in the reader's language.
struct Choice: Codable {
    var value: String
    var label: String
    var selected: Bool

    static func list<T: RawRepresentable & CaseIterable>(
        _: T.Type, selected: String?, language: Language, label: (T) -> LocalizedText
    ) -> [Choice] where T.RawValue == String {
        T.allCases.map { Choice(value: $0.rawValue, label: label($0)(language), selected: $0.rawValue == selected) }
    }

    static func sexes(selected: String?, language: Language) -> [Choice] {
        [
            Choice(value: "female", label: language == .vi ? "Nữ" : "Female", selected: selected == "female"),
            Choice(value: "male", label: language == .vi ? "Nam" : "Male", selected: selected == "male"),
        ]
    }
}
