import Foundation
import Testing
import TreDomain

@testable import TreApp

/// The household form's page model, built from a posted form without a database: where each problem is
/// shown, the commune implied or chosen, and how many lines may still be added.
@Suite struct HouseholdPageTests {
    static let today = (year: 2026, month: 11, day: 29)

    static func commune(_ code: Int, _ name: String) -> Commune {
        let commune = Commune()
        commune.code = code
        commune.name = name
        commune.provinceCode = 1
        return commune
    }

    static func form() -> HouseholdForm {
        HouseholdForm(fields: [
            "communeCode": "4", "address": "Thôn Đông", "caregiver0Relation": "mother", "caregiver0Phone": "12",
            "child0FullName": "Lê Thị Hoa", "child2FullName": "Lê Văn Bình", "child2DateOfBirth": "31/04/2018",
            "child2EthnicityCode": "02", "lines": "5",
        ])
    }

    @Test func eachProblemIsShownAtItsLineAndTheHouseholdsOnce() {
        let refusal = Refusal(
            FieldErrors(errors: [
                FieldError(
                    field: "children[1].dateOfBirth", code: "impossible_birth_date",
                    message: LocalizedText(vi: "Ngày sinh không có thật trên lịch.", en: "Not a real date.")),
                FieldError(
                    field: "children[0].caregivers[0].phone", code: "invalid_phone",
                    message: LocalizedText(vi: "Số điện thoại sai.", en: "Wrong phone.")),
                FieldError(
                    field: "children[1].caregivers[0].phone", code: "invalid_phone",
                    message: LocalizedText(vi: "Số điện thoại sai.", en: "Wrong phone.")),
            ]), language: .vi)
        let page = HouseholdPage(
            form: Self.form(), communes: [Self.commune(4, "Phường Ba Đình")], refusal: refusal, duplicates: [:],
            duplicateCommunes: [:], saved: [], language: .vi, today: Self.today)

        #expect(page.lines.count == 5)
        #expect(page.lines[2].errors == ["dateOfBirth": "Ngày sinh không có thật trên lịch."], "the 2nd written line")
        #expect(page.lines[2].form.dateOfBirth == "31/04/2018")
        #expect(page.lines[2].ethnicities.first { $0.selected }?.label == "Tày")
        #expect(page.lines[0].errors.isEmpty && !page.lines[0].hasErrors)
        #expect(page.errors == ["caregivers0phone": "Số điện thoại sai."], "a household's problem is shown once")
        #expect(page.hasErrors)
        #expect(page.fixedCommune?.label == "Phường Ba Đình", "one commune is implied")
        #expect(page.lines[0].sexes.map(\.label) == ["Nữ", "Nam"])
        #expect(page.canAddLines && page.lineCount == 5)
        #expect(page.action == "/children/household")
    }

    @Test func aProvincialOfficerChoosesAndTwentyLinesAreTheMost() {
        var form = Self.form()
        for _ in 0..<10 { form.addLines() }
        #expect(form.lines.count == HouseholdDraft.maximumChildren)
        let page = HouseholdPage(
            form: form, communes: [Self.commune(4, "Phường Ba Đình"), Self.commune(8, "Phường Ngọc Hà")],
            refusal: nil, duplicates: [:], duplicateCommunes: [:], saved: [], language: .en, today: Self.today)
        #expect(page.fixedCommune == nil)
        #expect(page.communes.first { $0.selected }?.label == "Phường Ba Đình")
        #expect(!page.canAddLines)
        #expect(page.lines[0].sexes.map(\.label) == ["Female", "Male"])
        #expect(page.relations0.first { $0.selected }?.label == "Mother")
    }
}
