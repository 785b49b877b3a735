import Testing

@testable import TreDomain

@Suite struct SupportDraftTests {
    static let today = (year: 2026, month: 11, day: 23)

    @Test func amountsAreReadAsVietnameseWriteThem() throws {
        var draft = SupportDraft()
        draft.kind = "monthly_allowance"
        draft.date = "01/10/2025"
        draft.source = "children_fund"
        draft.amount = "1.500.000"
        let support = try draft.validate(today: Self.today).get()
        #expect(support.amountVND == 1_500_000)
        #expect(support.date == "2025-10-01")
        draft.amount = "-200"
        #expect(throws: FieldErrors.self) { try draft.validate(today: Self.today).get() }
        draft.amount = "1,5 triệu"
        #expect(throws: FieldErrors.self) { try draft.validate(today: Self.today).get() }
    }

    @Test func aCircumstanceNeedsAKnownSubgroupAndOrderedDates() throws {
        let subgroups = [
            CircumstanceSubgroup(
                groupCode: "đ", groupName: LocalizedText(vi: "HIV", en: "HIV"), number: 1,
                name: LocalizedText(vi: "x", en: "x"), source: "")
        ]
        var draft = CircumstanceDraft()
        draft.groupCode = "Đ"
        draft.subgroupNumber = "1"
        draft.startDate = "2024-01-01"
        draft.reviewDate = "01/01/2027"
        let valid = try draft.validate(subgroups: subgroups, today: Self.today).get()
        #expect(valid.groupCode == "đ")
        #expect(valid.reviewDate == "2027-01-01")
        draft.endDate = "2023-12-31"
        guard case .failure(let failure) = draft.validate(subgroups: subgroups, today: Self.today) else {
            Issue.record("accepted an end before the start")
            return
        }
        #expect(failure.fields == ["endDate"])
    }
}
