import Testing
import TreDomain

/// Each reader is offered only the steps they may take; a chairperson's step is named to the others instead.
@Suite struct CaseNextStepsTests {
    let officer = CaseActor(role: .communeOfficer, jurisdiction: .commune(provinceCode: 1, communeCode: 4))
    let chair = CaseActor(role: .communeChair, jurisdiction: .commune(provinceCode: 1, communeCode: 4))
    let otherChair = CaseActor(role: .communeChair, jurisdiction: .commune(provinceCode: 1, communeCode: 8))
    let province = CaseActor(role: .provincialOfficer, jurisdiction: .province(provinceCode: 1))

    func facts(_ status: CaseStatus) -> CaseFacts {
        CaseFacts(status: status, provinceCode: 1, communeCode: 4, abuserIsCarer: false, seriousThreat: nil)
    }

    @Test func onlyTheCasesChairpersonIsOfferedTheApprovalAndTheClosure() {
        for status in [CaseStatus.planDrafted, .reviewed] {
            let step = CaseWorkflow.nextSteps(from: facts(status)).first
            #expect(CaseWorkflow.nextSteps(from: facts(status), for: chair) == [step].compactMap { $0 })
            for actor in [officer, otherChair, province] {
                #expect(CaseWorkflow.nextSteps(from: facts(status), for: actor).isEmpty)
                #expect(CaseWorkflow.waitingForChair(facts(status), for: actor) == step)
            }
            #expect(CaseWorkflow.waitingForChair(facts(status), for: chair) == nil)
        }
    }

    @Test func theOfficersOwnStepsAreOfferedAsBefore() {
        for status in [CaseStatus.received, .initiallyAssessed, .planning, .planApproved, .inProgress] {
            #expect(
                CaseWorkflow.nextSteps(from: facts(status), for: officer) == CaseWorkflow.nextSteps(from: facts(status))
            )
            #expect(CaseWorkflow.waitingForChair(facts(status), for: officer) == nil)
        }
    }
}
