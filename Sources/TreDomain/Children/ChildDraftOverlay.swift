import Foundation

/// A row of a list laid over the record it matches: what the row gives replaces what is registered, and a
/// blank cell keeps the registered value. A commune's monthly list often leaves out what it did not collect
/// (an insurance card, a school), and an import must not erase what an officer typed into Tre meanwhile.
extension ChildDraft {
    public func laid(over registered: ChildDraft) -> ChildDraft {
        func given(_ text: String) -> Bool { !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        var merged = registered
        if given(fullName) {
            merged.fullName = fullName
            merged.familyName = familyName
            merged.middleName = middleName
            merged.givenName = givenName
        }
        for field in [
            \ChildDraft.sex, \.ethnicityCode, \.personalID, \.address, \.schoolStatus, \.healthInsuranceCard,
            \.nutritionStatus, \.disabilityLevel, \.notes,
        ] where given(self[keyPath: field]) {
            merged[keyPath: field] = self[keyPath: field]
        }
        if let communeCode { merged.communeCode = communeCode }
        if given(dateOfBirth) {
            merged.dateOfBirth = dateOfBirth
            merged.estimatedBirthYear = ""
        } else if given(estimatedBirthYear), !registered.dateOfBirth(isIn: estimatedBirthYear) {
            // Only a year is given: a registered date of that year is more precise and stays.
            merged.dateOfBirth = ""
            merged.estimatedBirthYear = estimatedBirthYear
        }
        let caregiversGiven = caregivers.filter { given($0.relation) || given($0.fullName) || given($0.phone) }
        if !caregiversGiven.isEmpty { merged.caregivers = caregiversGiven }
        return merged
    }

    private func dateOfBirth(isIn year: String) -> Bool {
        guard let wanted = Int(year.trimmingCharacters(in: .whitespaces)) else { return false }
        if let (registeredYear, _, _) = Self.parseISODate(dateOfBirth) { return registeredYear == wanted }
        return dateOfBirth.split(separator: "/").last.flatMap { Int($0) } == wanted
    }
}
