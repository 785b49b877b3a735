import Testing
import TreDomain

@Suite struct InjuryDraftTests {
    let today = (year: 2026, month: 6, day: 15)

    private func draft(_ change: (inout InjuryDraft) -> Void = { _ in }) -> InjuryDraft {
        var draft = InjuryDraft()
        draft.date = "02/06/2026"
        draft.cause = "drowning"
        draft.place = "water"
        draft.outcome = "died"
        draft.communeCode = 4
        draft.sex = "male"
        draft.ageYears = "9"
        draft.description = "  Tắm   sông cùng bạn  "
        change(&draft)
        return draft
    }

    @Test func aCompleteInjuryIsAccepted() throws {
        let valid = try draft().validate(today: today).get()
        #expect(valid.date == "2026-06-02")
        #expect(valid.cause == .drowning && valid.place == .water && valid.outcome == .died)
        #expect(valid.sex == "male" && valid.ageYears == 9)
        #expect(valid.description == "Tắm sông cùng bạn")
    }

    @Test func eachMissingOrWrongFieldIsNamedInBothLanguages() {
        guard
            case .failure(let failure) = draft({
                $0.date = "31/06/2026"
                $0.cause = "lightning"
                $0.place = ""
                $0.communeCode = nil
                $0.ageYears = "16"
            }).validate(today: today)
        else {
            Issue.record("an injury with five wrong fields was accepted")
            return
        }
        #expect(failure.fields == ["date", "cause", "place", "communeCode", "ageYears"])
        let age = failure.errors.first { $0.field == "ageYears" }
        #expect(age?.message.vi.contains("dưới 16 tuổi") == true)
        #expect(age?.message.en.contains("under 16") == true)
    }

    @Test func aFutureDateIsRefused() {
        guard case .failure(let failure) = draft({ $0.date = "16/06/2026" }).validate(today: today) else {
            Issue.record("an injury tomorrow was accepted")
            return
        }
        #expect(failure.errors.map(\.code) == ["date_in_future"])
    }

    @Test func aRegisteredChildsSexAndAgeComeFromTheRecordNotTheForm() throws {
        let valid = try draft({
            $0.childKnown = true
            $0.sex = "not a sex"
            $0.ageYears = "ninety"
        }).validate(today: today).get()
        #expect(valid.sex == nil && valid.ageYears == nil)
    }
}
