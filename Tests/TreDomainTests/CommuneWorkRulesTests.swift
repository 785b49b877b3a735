import Foundation
import Testing
import TreDomain

/// The rules of the commune's year of work: forum questions, deadlines, inspections, campaigns, safe homes
/// and evidence files.
@Suite struct CommuneWorkRulesTests {
    let today = (year: 2026, month: 6, day: 15)

    @Test func aQuestionNeedsItsAgencyAndCannotFallDueBeforeTheForum() throws {
        var draft = ForumQuestionDraft()
        draft.text = "  Xin làm   sân chơi cho thôn 3 "
        draft.agency = "UBND xã"
        draft.due = "30/06/2026"
        let question = try draft.validate(forumDate: "2026-06-01").get()
        #expect(question.text == "Xin làm sân chơi cho thôn 3" && question.due == "2026-06-30")
        draft.agency = " "
        draft.due = "31/05/2026"
        guard case .failure(let errors) = draft.validate(forumDate: "2026-06-01") else {
            Issue.record("accepted")
            return
        }
        #expect(errors.errors.map(\.code) == ["agency_required", "due_before_forum"])
        #expect(errors.errors[1].message.vi == "Hạn trả lời không thể trước ngày diễn đàn.")
    }

    @Test func workIsOverdueTheDayAfterItsDueDateAndLateWhenDoneAfterIt() {
        let due = "2026-07-20"
        #expect(DueStatus(due: due, doneOn: nil, today: CivilDate(2026, 7, 20)) == .due)
        #expect(DueStatus(due: due, doneOn: nil, today: CivilDate(2026, 7, 21)) == .overdue)
        #expect(DueStatus(due: due, doneOn: "2026-07-20", today: CivilDate(2026, 8, 1)) == .done)
        #expect(DueStatus(due: due, doneOn: "2026-07-22", today: CivilDate(2026, 8, 1)) == .doneLate)
        #expect(DueStatus.doneDay("", field: "x", today: today) == .success("2026-06-15"))
        guard case .failure = DueStatus.doneDay("16/06/2026", field: "x", today: today) else {
            Issue.record("a report sent tomorrow was accepted")
            return
        }
    }

    @Test func anInspectionThatFindsAViolationNeedsAFollowUpWithADeadline() throws {
        var draft = InspectionDraft()
        draft.date = "10/06/2026"
        draft.placeKind = "craft_village"
        draft.placeName = "Hộ bà Trần Thị Hoa, làng nghề mây tre"
        draft.violations = "2"
        draft.childrenFound = "3"
        guard case .failure(let missing) = draft.validate(today: today) else {
            Issue.record("a violation without a follow-up was accepted")
            return
        }
        #expect(missing.errors.map(\.code) == ["follow_up_required"])
        draft.followUp = "Yêu cầu chấm dứt sử dụng lao động trẻ em"
        draft.followUpDue = "01/06/2026"
        guard case .failure(let early) = draft.validate(today: today) else {
            Issue.record("a follow-up due before the inspection was accepted")
            return
        }
        #expect(early.errors.map(\.code) == ["due_before_inspection"])
        draft.followUpDue = "10/07/2026"
        let valid = try draft.validate(today: today).get()
        #expect(valid.violations == 2 && valid.followUpDue == "2026-07-10" && valid.placeKind == .craftVillage)
        var clean = InspectionDraft()
        clean.date = "10/06/2026"
        clean.placeKind = "business"
        clean.placeName = "Xưởng may Hòa Bình"
        #expect(try clean.validate(today: today).get().followUpDue == nil)
    }

    @Test func theActionMonthReportIsDueOnTwentiethJulyAndOtherActivitiesHaveNone() throws {
        var draft = CampaignDraft()
        draft.kind = "action_month"
        draft.startDate = "01/06/2026"
        draft.endDate = "30/06/2026"
        draft.children = "1.250"
        draft.budget = "12.000.000"
        let month = try draft.validate().get()
        #expect(month.reportDue == "2026-07-20" && month.children == 1250 && month.budget == 12_000_000)
        #expect(month.name == "Tháng hành động vì trẻ em")
        draft.kind = "mid_autumn"
        draft.endDate = ""
        #expect(try draft.validate().get().reportDue == nil)
        draft.endDate = "31/05/2026"
        guard case .failure(let errors) = draft.validate() else {
            Issue.record("an activity ending before it starts was accepted")
            return
        }
        #expect(errors.errors.map(\.code) == ["end_before_start"])
    }

    @Test func aSafeHomeMeetsTwentyThreeCriteriaAllFifteenMandatoryAndHadNoInjury() throws {
        #expect(SafeHomeCheck(criteriaMet: 23, mandatoryMet: 15, injuryAtHome: false).isSafe)
        let few = SafeHomeCheck(criteriaMet: 22, mandatoryMet: 15, injuryAtHome: false)
        #expect(!few.isSafe && few.shortfalls.map(\.vi) == ["Mới đạt 22/33 tiêu chí, cần ít nhất 23."])
        #expect(!SafeHomeCheck(criteriaMet: 30, mandatoryMet: 14, injuryAtHome: false).isSafe)
        #expect(!SafeHomeCheck(criteriaMet: 33, mandatoryMet: 15, injuryAtHome: true).isSafe)
        guard
            case .failure(let errors) = SafeHomeCheck.parse(criteriaMet: "10", mandatoryMet: "12", injuryAtHome: false)
        else {
            Issue.record("more mandatory criteria than criteria were accepted")
            return
        }
        #expect(errors.errors.map(\.code) == ["mandatory_above_met"])
        guard case .failure(let over) = SafeHomeCheck.parse(criteriaMet: "34", mandatoryMet: "15", injuryAtHome: false)
        else {
            Issue.record("34 of 33 criteria were accepted")
            return
        }
        #expect(over.errors.map(\.field) == ["criteriaMet"])
        guard case .failure(let counts) = SafetyCounts.parse(["schools": "3", "safeSchools": "4"]) else {
            Issue.record("more safe schools than schools were accepted")
            return
        }
        #expect(counts.errors.map(\.code) == ["more_safe_than_assessed"])
    }

    @Test func evidenceOfAForbiddenTypeOrSizeIsRefusedWithTheLimitNamed() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        #expect(EvidenceRule.check(fileName: "anh.PNG", size: 1000, head: png, filesAlready: 0) == .success(.png))
        guard
            case .failure(let large) = EvidenceRule.check(
                fileName: "bien-ban.pdf", size: 6 * 1024 * 1024, head: Array("%PDF".utf8), filesAlready: 0)
        else {
            Issue.record("a 6 MB file was accepted")
            return
        }
        #expect(large.message.vi == "Tệp bien-ban.pdf quá lớn: tối đa 5 MB mỗi tệp.")
        // A program renamed to .pdf is not a PDF.
        guard
            case .failure(let renamed) = EvidenceRule.check(
                fileName: "bien-ban.pdf", size: 1000, head: [0x4D, 0x5A, 0x90, 0x00], filesAlready: 0)
        else {
            Issue.record("a renamed program was accepted")
            return
        }
        #expect(renamed.message.vi.contains("chỉ nhận PDF, JPG, PNG, DOCX, XLSX"))
        guard
            case .failure(let many) = EvidenceRule.check(
                fileName: "anh.png", size: 1000, head: png, filesAlready: EvidenceRule.maximumFiles)
        else {
            Issue.record("a 61st file was accepted")
            return
        }
        #expect(many.code == "evidence_too_many")
    }
}
