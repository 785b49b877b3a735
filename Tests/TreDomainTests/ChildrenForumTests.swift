import Testing
import TreDomain

@Suite struct ChildrenForumTests {
    let today = (year: 2026, month: 6, day: 15)

    private func draft(_ change: (inout ForumDraft) -> Void = { _ in }) -> ForumDraft {
        var draft = ForumDraft()
        draft.level = "commune"
        draft.date = "01/06/2026"
        draft.place = "  Nhà văn hóa   xã "
        draft.children = "42"
        draft.chaperones = "6"
        draft.consents = "42"
        change(&draft)
        return draft
    }

    @Test func aCommuneForumIsSavedWithItsReportDueFifteenDaysLater() throws {
        let forum = try draft().validate(today: today).get()
        #expect(forum.children == 42 && forum.place == "Nhà văn hóa xã")
        #expect(forum.reportDue == "2026-06-16")
    }

    @Test func aCommuneForumBelowThirtyChildrenNeedsAnExplanation() throws {
        let small = draft {
            $0.children = "24"; $0.consents = "24"
        }
        guard case .failure(let errors) = small.validate(today: today) else {
            Issue.record("a forum of 24 was accepted without a reason")
            return
        }
        #expect(errors.errors.map(\.code) == ["below_minimum"])
        #expect(errors.errors[0].message.vi.contains("ít nhất 30 trẻ em"))
        var withReason = small
        withReason.belowMinimumReason = "Mưa lũ, nhiều em không đến được"
        #expect(try withReason.validate(today: today).get().children == 24)
        // Provincial forums have no minimum in Tre.
        #expect(
            (try? draft {
                $0.level = "province"; $0.children = "24"; $0.consents = "0"
            }.validate(today: today).get()) != nil)
    }

    @Test func wrongCountsAndDatesAreRefusedFieldByField() {
        let bad = draft {
            $0.date = "31/06/2026"; $0.children = "ba mươi"; $0.level = "district"
        }
        guard case .failure(let errors) = bad.validate(today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(Set(errors.errors.map(\.field)) == ["level", "date", "children"])
        let consents = draft { $0.consents = "50" }
        guard case .failure(let tooMany) = consents.validate(today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(tooMany.errors.map(\.code) == ["too_many_consents"])
        let future = draft { $0.date = "01/07/2026" }
        #expect((try? future.validate(today: today).get()) == nil)
    }

    @Test func aQuestionIsOverdueOnlyWhenUnansweredPastItsDueDate() {
        var question = ForumQuestion(text: "Xin làm sân chơi", agency: "UBND xã", due: "2026-07-01")
        #expect(!question.isOverdue(today: CivilDate(2026, 7, 1)))
        #expect(question.isOverdue(today: CivilDate(2026, 7, 2)))
        question.answeredOn = "2026-07-05"
        #expect(!question.isOverdue(today: CivilDate(2026, 8, 1)))
        #expect(!question.answeredOnTime)
        question.answeredOn = "2026-06-30"
        #expect(question.answeredOnTime)
    }
}
