import Testing

@testable import TreDomain

/// A household book's page: the household's part given to every child, empty lines left out, a year alone
/// read as an estimated year, and each child's problem put back at its line.
@Suite struct HouseholdDraftTests {
    static let household = HouseholdDraft(
        communeCode: 4, address: "Thôn Đông", caregivers: [.init(relation: "mother", fullName: "Mai", phone: "")],
        lines: [
            .init(fullName: "Lê Thị Hoa", sex: "female", dateOfBirth: "05/09/2015"),
            .init(),
            .init(fullName: " ", sex: "", dateOfBirth: "  "),
            .init(fullName: "Lê Văn Bình", sex: "male", dateOfBirth: " 2018 ", personalID: "001218000001"),
        ])

    @Test func everyWrittenLineIsAChildOfTheHousehold() {
        let household = Self.household
        #expect(household.writtenLines == [0, 3])
        let drafts = household.drafts
        #expect(drafts.map(\.fullName) == ["Lê Thị Hoa", "Lê Văn Bình"])
        #expect(drafts.allSatisfy { $0.communeCode == 4 && $0.address == "Thôn Đông" && $0.caregivers.count == 1 })
        #expect(drafts[0].dateOfBirth == "05/09/2015" && drafts[0].estimatedBirthYear.isEmpty)
        #expect(drafts[1].dateOfBirth.isEmpty && drafts[1].estimatedBirthYear == "2018", "a year alone is estimated")
        #expect(drafts[1].personalID == "001218000001")
    }

    @Test func aHouseholdHasAtLeastOneChildAndAtMostAPagesWorth() {
        #expect(throws: Never.self) { try Self.household.check() }
        let none = HouseholdDraft(communeCode: 4, lines: [.init(), .init()])
        #expect(throws: FieldErrors.self) { try none.check() }
        let many = HouseholdDraft(
            communeCode: 4,
            lines: (0...HouseholdDraft.maximumChildren).map { .init(fullName: "Trẻ \($0)", sex: "female") })
        do {
            try many.check()
            Issue.record("21 children are refused")
        } catch {
            #expect(error.errors.first?.code == "too_many_children")
            #expect(error.errors.first?.field == "lines")
            #expect(error.message.vi.contains("tối đa 20 trẻ (đang có 21)"))
        }
    }

    @Test func aChildsProblemIsShownAtItsLineAndTheHouseholdsOnce() {
        let household = Self.household
        #expect(household.formField("children[0].dateOfBirth") == "lines[0].dateOfBirth")
        #expect(household.formField("children[1].personalId") == "lines[3].personalId", "the second written line")
        #expect(household.formField("children[1].estimatedBirthYear") == "lines[3].dateOfBirth")
        #expect(household.formField("children[1].address") == "address")
        #expect(household.formField("children[0].caregivers[0].phone") == "caregivers[0].phone")
        #expect(household.formField("children[7].fullName") == "lines", "a draft the form does not have")
        #expect(household.formField("communeCode") == "communeCode")
    }

    @Test func eachWrittenLineIsCheckedByTheChildRules() {
        var household = Self.household
        household.lines[0].dateOfBirth = "30/02/2019"
        let results = household.drafts.map { $0.validate(today: (2026, 11, 29)) }
        guard case .failure(let errors) = results[0] else {
            Issue.record("30/02/2019 is refused")
            return
        }
        #expect(errors.errors.map(\.field) == ["dateOfBirth"])
        guard case .success(let valid) = results[1] else {
            Issue.record("the second line is valid")
            return
        }
        #expect(valid.birthDate == nil && valid.birthYear == 2018)
    }
}
