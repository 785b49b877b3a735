import Testing
import TreDomain

@Suite struct ChildDraftOverlayTests {
    private var registered: ChildDraft {
        var draft = ChildDraft()
        draft.fullName = "Nguyễn Thị Hằng"
        draft.sex = "female"
        draft.dateOfBirth = "2016-03-04"
        draft.communeCode = 4
        draft.address = "Tổ 5"
        draft.healthInsuranceCard = "HS4010123456789"
        draft.caregivers = [.init(relation: "mother", fullName: "Trần Thị Mai", phone: "0912345678")]
        return draft
    }

    @Test func aBlankCellKeepsWhatIsRegisteredAndAGivenOneReplacesIt() {
        var row = ChildDraft()
        row.fullName = "Nguyễn Thị Hằng"
        row.address = "Tổ 7, phố Đội Cấn"
        row.communeCode = 4
        row.caregivers = [.init(relation: "", fullName: "", phone: "")]
        let merged = row.laid(over: registered)
        #expect(merged.address == "Tổ 7, phố Đội Cấn")
        #expect(merged.healthInsuranceCard == "HS4010123456789", "a card typed in Tre is not erased by a blank cell")
        #expect(merged.dateOfBirth == "2016-03-04")
        #expect(merged.caregivers == registered.caregivers, "an empty caregiver row is no caregiver")
    }

    @Test func onlyAYearKeepsARegisteredDateOfThatYearAndReplacesOneOfAnother() {
        var row = ChildDraft()
        row.estimatedBirthYear = "2016"
        #expect(row.laid(over: registered).dateOfBirth == "2016-03-04")
        row.estimatedBirthYear = "2015"
        let merged = row.laid(over: registered)
        #expect(merged.dateOfBirth.isEmpty && merged.estimatedBirthYear == "2015")
    }

    @Test func givenCaregiversReplaceTheRegisteredOnes() {
        var row = ChildDraft()
        row.caregivers = [.init(relation: "grandmother", fullName: "Lê Thị Lan", phone: "")]
        #expect(row.laid(over: registered).caregivers.map(\.fullName) == ["Lê Thị Lan"])
    }
}
