import Testing

@testable import TreDomain

@Suite struct ChildDraftTests {
    static let today = (year: 2026, month: 11, day: 23)

    private func draft(_ change: (inout ChildDraft) -> Void = { _ in }) -> ChildDraft {
        var draft = ChildDraft()
        draft.fullName = "Nguyễn Thị Thủy"
        draft.sex = "female"
        draft.dateOfBirth = "05/09/2015"
        draft.communeCode = 4
        change(&draft)
        return draft
    }

    @Test func aGoodDraftIsNormalisedAndSplit() throws {
        let child = try draft {
            $0.fullName = "  nguye\u{0302}\u{0303}n  Thị Thủy "
            $0.ethnicityCode = "01"
            $0.personalID = "001 315 012345"
            $0.caregivers = [.init(relation: "mother", fullName: "Trần Thị Lan", phone: "+84 912 345 678")]
        }.validate(today: Self.today).get()
        #expect(child.name.fullName == "nguyễn Thị Thủy")
        #expect(child.name.givenName == "Thủy")
        #expect(child.birthDate == "2015-09-05")
        #expect(child.personalID == "001315012345")
        #expect(child.caregivers.first?.phone == "0912345678")
        #expect(child.searchTokens == ["nguyen", "thi", "thuy"])
    }

    @Test func anEstimatedYearStandsInForAnUnknownDate() throws {
        let child = try draft {
            $0.dateOfBirth = ""
            $0.estimatedBirthYear = "2018"
        }.validate(today: Self.today).get()
        #expect(child.birthDate == nil)
        #expect(child.birthDateForAge == "2018-07-01")
    }

    @Test func everyProblemIsReportedWithItsField() {
        let result = draft {
            $0.fullName = "123"
            $0.sex = "x"
            $0.dateOfBirth = "31/02/2020"
            $0.personalID = "12345"
            $0.communeCode = nil
            $0.ethnicityCode = "99"
            $0.caregivers = [.init(relation: "mother", fullName: "Lan", phone: "12")]
        }.validate(today: Self.today)
        guard case .failure(let failure) = result else {
            Issue.record("accepted a bad draft")
            return
        }
        #expect(
            failure.fields == [
                "fullName", "sex", "dateOfBirth", "personalId", "communeCode", "ethnicityCode", "caregivers[0].phone",
            ])
        #expect(failure.errors.first { $0.field == "dateOfBirth" }?.message.vi == "Ngày sinh không có thật trên lịch.")
    }

    @Test func aFutureBirthAndAMissingBirthAreRefused() {
        #expect(throws: FieldErrors.self) {
            try draft { $0.dateOfBirth = "2027-01-01" }.validate(today: Self.today).get()
        }
        #expect(throws: FieldErrors.self) { try draft { $0.dateOfBirth = "" }.validate(today: Self.today).get() }
    }

    @Test func ethnicGroupsAreFoundAsPeopleWriteThem() {
        #expect(EthnicGroup.all.count == 54)
        #expect(Set(EthnicGroup.all.map(\.code)).count == 54)
        #expect(EthnicGroup.code(forName: "ê-đê") == "12")
        #expect(EthnicGroup.code(forName: "KINH") == "01")
    }
}
