import Testing

@testable import TreDomain

@Suite struct PopulationRecordCheckTests {
    /// A girl born in Hà Nội in 2015 with everything the population database needs.
    static let complete = PopulationRecordFacts(
        fullName: "Nguyễn Thị Hằng", familyName: "Nguyễn", givenName: "Hằng", sex: "female",
        birthDate: "2015-09-05", birthYear: 2015, ethnicityCode: "01", personalID: "001315012345", caregiverCount: 1)

    func problems(_ change: (inout PopulationRecordFacts) -> Void) -> [DataQualityProblem] {
        var record = Self.complete
        change(&record)
        return PopulationRecordCheck.problems(of: record).map(\.problem)
    }

    @Test func aCompleteRecordHasNoProblem() {
        #expect(PopulationRecordCheck.problems(of: Self.complete).isEmpty)
    }

    @Test func aMissingPersonalIDIsNamed() {
        #expect(problems { $0.personalID = nil } == [.personalIDMissing])
        #expect(problems { $0.personalID = "  " } == [.personalIDMissing])
    }

    @Test(arguments: [
        ("00131501234", "12 chữ số"),  // eleven digits
        ("003315012345", "mã tỉnh"),  // 003 is no birth-registration province
        ("001215012345", "giới tính"),  // the 4th digit says a boy born in the 2000s
        ("001316012345", "2016"),  // the number says 2016
        ("001115012345", "1915"),  // the 4th digit says the 1900s
        ("001715012345", "12 chữ số"),  // no century is 7
    ])
    func anInconsistentPersonalIDSaysWhatDisagrees(id: String, words: String) {
        var record = Self.complete
        record.personalID = id
        let found = PopulationRecordCheck.problems(of: record)
        #expect(found.map(\.problem) == [.personalIDInconsistent])
        #expect(found.first?.message.vi.contains(words) == true)
    }

    @Test func anEstimatedYearIsCheckedAgainstTheNumberToo() {
        #expect(
            problems {
                $0.birthDate = nil
                $0.birthYear = 2014
            } == [.personalIDInconsistent, .birthDateMissing])
        #expect(problems { $0.birthDate = nil } == [.birthDateMissing])
    }

    @Test func aNameNeedsAFamilyAndAGivenName() {
        #expect(
            problems {
                $0.fullName = ""
                $0.familyName = ""
                $0.givenName = ""
            } == [.nameIncomplete])
        #expect(
            problems {
                $0.fullName = "Hằng"
                $0.familyName = ""
            } == [.nameIncomplete])
        let message = PopulationRecordCheck.problems(
            of: PopulationRecordFacts(
                fullName: "", familyName: "", givenName: "", sex: "female", birthDate: "2015-09-05", birthYear: 2015,
                ethnicityCode: "01", personalID: "001315012345", caregiverCount: 1))
        #expect(message.first?.message.en == "No full name.")
    }

    @Test func sexEthnicityAndCaregiverAreEachNamed() {
        #expect(problems { $0.sex = "" } == [.sexMissing])
        #expect(problems { $0.ethnicityCode = nil } == [.ethnicityMissing])
        #expect(problems { $0.ethnicityCode = " " } == [.ethnicityMissing])
        #expect(problems { $0.caregiverCount = 0 } == [.caregiverMissing])
    }

    @Test func withoutASexOnlyTheCenturyOfTheNumberIsChecked() {
        #expect(
            problems {
                $0.sex = ""
                $0.personalID = "001215012345"
            } == [.sexMissing])
    }

    @Test func everyProblemIsFoundAtOnceInItsOrder() {
        let found = PopulationRecordCheck.problems(
            of: PopulationRecordFacts(
                fullName: "", familyName: "", givenName: "", sex: "", birthDate: nil, birthYear: 2015,
                ethnicityCode: nil, personalID: nil, caregiverCount: 0, idVerification: "not_found"))
        #expect(found.map(\.problem) == DataQualityProblem.allCases.filter { $0 != .personalIDInconsistent })
        #expect(Set(DataQualityProblem.allCases.map(\.code)).count == DataQualityProblem.allCases.count)
    }
}
