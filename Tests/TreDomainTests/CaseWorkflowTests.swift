import Foundation
import Testing
import TreDomain

@Suite struct CaseWorkflowTests {
    let officer = CaseActor(role: .communeOfficer, jurisdiction: .commune(provinceCode: 1, communeCode: 4))
    let chair = CaseActor(role: .communeChair, jurisdiction: .commune(provinceCode: 1, communeCode: 4))
    let otherChair = CaseActor(role: .communeChair, jurisdiction: .commune(provinceCode: 1, communeCode: 8))

    func facts(_ status: CaseStatus, abuserIsCarer: Bool = false, seriousThreat: Bool? = nil) -> CaseFacts {
        CaseFacts(
            status: status, provinceCode: 1, communeCode: 4, abuserIsCarer: abuserIsCarer, seriousThreat: seriousThreat)
    }

    let views = DetailedAssessment(
        risk: .medium, findings: "Bị đánh nhiều lần", childViews: "Muốn ở với bà", parentViews: "Mẹ đồng ý",
        needs: "Tâm lý")
    let item = PlanItem(
        kind: .psychological, description: "Tư vấn tâm lý", provider: "Trung tâm CTXH", responsible: "Cán bộ xã",
        start: CivilDate(2026, 12, 1), end: CivilDate(2026, 12, 31), costVND: 2_000_000)

    @Test func aCaseGoesFromReportToClosure() throws {
        var status = CaseStatus.received
        let steps: [(CaseStep, CaseActor)] = [
            (.initialAssessment(.init(risk: .medium, reasons: "Có dấu hiệu bạo lực", seriousThreat: false)), officer),
            (.detailedAssessment(views), officer),
            (
                .conference(
                    .init(heldOn: CivilDate(2026, 11, 25), participants: "Chủ tịch, công an, mẹ", conclusions: "")),
                chair
            ),
            (.plan([item]), officer),
            (.approval(note: ""), chair),
            (.implementation, officer),
            (.review(.init(outcome: .close, notes: "An toàn, ổn định")), officer),
            (.closure(note: ""), chair),
        ]
        var visited: [CaseStatus] = []
        for (step, actor) in steps {
            status = try CaseWorkflow.apply(step, to: facts(status), by: actor)
            visited.append(status)
        }
        #expect(
            visited == [
                .initiallyAssessed, .detailedAssessed, .planning, .planDrafted, .planApproved, .inProgress, .reviewed,
                .closed,
            ])
    }

    @Test func whenTheCarerIsTheAbuserEmergencyMeasuresComeBeforeTheDetailedAssessment() throws {
        let assessed = facts(.initiallyAssessed, abuserIsCarer: true, seriousThreat: false)
        #expect(CaseWorkflow.nextSteps(from: assessed) == [.emergencyMeasures])
        #expect(throws: CaseRuleError.self) {
            try CaseWorkflow.apply(.detailedAssessment(views), to: assessed, by: officer)
        }
        let separation = Separation(
            place: "Nhà bà ngoại", start: CivilDate(2026, 11, 24), end: CivilDate(2026, 12, 5))
        let refused = #expect(throws: CaseRuleError.self) {
            try CaseWorkflow.apply(
                .emergencyMeasures(.init(measures: "Công an can thiệp", separation: separation)), to: assessed,
                by: officer)
        }
        #expect(refused?.code == "chair_only", "only the chairperson decides a separation")
        let acted = try CaseWorkflow.apply(
            .emergencyMeasures(.init(measures: "Công an can thiệp", separation: separation)), to: assessed, by: chair)
        #expect(acted == .emergencyActed)
        // The parents' views are not required from the suspected abusers.
        var withoutParents = views
        withoutParents.parentViews = ""
        let next = try CaseWorkflow.apply(
            .detailedAssessment(withoutParents), to: facts(acted, abuserIsCarer: true), by: officer)
        #expect(next == .detailedAssessed)
    }

    @Test func refusedStepsSayWhy() {
        func code(_ step: CaseStep, _ facts: CaseFacts, _ actor: CaseActor) -> String? {
            do {
                _ = try CaseWorkflow.apply(step, to: facts, by: actor)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(.approval(note: ""), facts(.planDrafted), officer) == "chair_only")
        #expect(code(.approval(note: ""), facts(.planDrafted), otherChair) == "not_your_case")
        #expect(code(.approval(note: ""), facts(.planning), chair) == "out_of_order")
        #expect(code(.plan([]), facts(.planning), officer) == "plan_needs_service")
        var backwards = item
        backwards.end = CivilDate(2026, 11, 1)
        #expect(code(.plan([backwards]), facts(.planning), officer) == "end_before_start")
        var noChildViews = views
        noChildViews.childViews = "  "
        #expect(code(.detailedAssessment(noChildViews), facts(.initiallyAssessed), officer) == "missing_field")
        var noParentViews = views
        noParentViews.parentViews = ""
        #expect(code(.detailedAssessment(noParentViews), facts(.initiallyAssessed), officer) == "missing_field")
        let long = Separation(place: "Nhà tạm lánh", start: CivilDate(2026, 11, 1), end: CivilDate(2026, 11, 20))
        #expect(
            code(.emergencyMeasures(.init(measures: "x", separation: long)), facts(.initiallyAssessed), chair)
                == "separation_too_long")
        var extended = long
        extended.extendedBy = "Quyết định 12/QĐ-UBND của UBND tỉnh"
        #expect(
            code(.emergencyMeasures(.init(measures: "x", separation: extended)), facts(.initiallyAssessed), chair)
                == nil)
        let analyst = CaseActor(role: .nationalAnalyst, jurisdiction: .nation)
        #expect(code(.implementation, facts(.planApproved), analyst) == "not_your_case")
    }

    @Test func aReviewCanSendTheCaseBackToPlanning() throws {
        let next = try CaseWorkflow.apply(
            .review(.init(outcome: .replan, notes: "Trẻ chưa đi học lại")), to: facts(.inProgress), by: officer)
        #expect(next == .planning)
    }

    @Test func theMessageIsInBothLanguages() {
        do {
            _ = try CaseWorkflow.apply(.approval(note: ""), to: facts(.planDrafted), by: officer)
        } catch {
            #expect(error.message.vi.contains("Chủ tịch UBND xã"))
            #expect(error.message.en.contains("chairperson"))
        }
    }
}

@Suite struct CaseClockTests {
    let clock = CaseClock()

    func at(_ day: CivilDate, hour: Int) -> Date {
        VietnamDay.start(of: day).addingTimeInterval(TimeInterval(hour * 3600))
    }

    func facts(_ status: CaseStatus, abuserIsCarer: Bool = false) -> CaseFacts {
        CaseFacts(status: status, provinceCode: 1, communeCode: 4, abuserIsCarer: abuserIsCarer, seriousThreat: nil)
    }

    @Test func theEmergencyClockRunsTwelveHoursFromTheReport() {
        let received = at(CivilDate(2026, 11, 27), hour: 22)  // Friday 22:00 in Vietnam
        let deadline = clock.nextDeadline(
            facts: facts(.received, abuserIsCarer: true), receivedAt: received, planSubmittedAt: nil,
            separationEnd: nil)
        #expect(deadline?.kind == .emergency)
        #expect(deadline?.due == at(CivilDate(2026, 11, 28), hour: 10), "weekends do not stop it")
    }

    @Test func thePlanIsDueFiveWorkingDaysAfterTheReportSkippingTet() {
        let received = at(CivilDate(2027, 2, 3), hour: 9)
        let deadline = clock.nextDeadline(
            facts: facts(.received), receivedAt: received, planSubmittedAt: nil, separationEnd: nil)
        #expect(deadline?.kind == .plan)
        #expect(deadline?.due == VietnamDay.end(of: CivilDate(2027, 2, 17)))
    }

    @Test func approvalIsDueTwoWorkingDaysAfterThePlanSkippingTheWeekend() {
        let deadline = clock.nextDeadline(
            facts: facts(.planDrafted), receivedAt: at(CivilDate(2026, 11, 16), hour: 8),
            planSubmittedAt: at(CivilDate(2026, 11, 20), hour: 16), separationEnd: nil)
        #expect(deadline?.kind == .approval)
        #expect(deadline?.due == VietnamDay.end(of: CivilDate(2026, 11, 24)))
    }

    @Test func aClosedCaseHasNoClock() {
        #expect(
            clock.nextDeadline(
                facts: facts(.closed), receivedAt: Date(), planSubmittedAt: nil, separationEnd: CivilDate(2026, 12, 1))
                == nil)
    }

    @Test func vietnamDaysStartAtSevenHoursUTC() {
        let instant = Date(timeIntervalSince1970: 1_795_798_800)  // 2026-11-27 17:00 UTC = 28th 00:00 in Vietnam
        #expect(VietnamDay.containing(instant) == CivilDate(2026, 11, 28))
        #expect(VietnamDay.containing(instant.addingTimeInterval(-1)) == CivilDate(2026, 11, 27))
    }
}
