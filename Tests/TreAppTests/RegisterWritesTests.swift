import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Every write of the commune registers keeps its record and its audit entry together: when the audit
/// trail cannot be written the write fails whole, and neither the record nor an entry is left.
@Suite struct RegisterWritesTests {
    static let today = VietnamDay.containing(Date())
    static func typed(_ day: CivilDate) -> String { String(format: "%02d/%02d/%04d", day.day, day.month, day.year) }

    /// A commune officer of Phường Ba Đình, as the services see them.
    static func officer(_ app: Application, role: Role = .communeOfficer) async throws -> Principal {
        try Principal(try await makeAccount(app, "canbo.\(role.rawValue)", role: role, commune: Places.baDinh))
    }

    /// Runs `write` while the audit trail cannot be written and checks that it failed and left no row of
    /// `Record` and no audit entry (and whatever `unchanged` checks); then runs it again with the trail back,
    /// so the failure was the audit's and not a refusal of the input: it succeeds and writes its entry.
    static func refusedWhole<Record: Model>(
        _ app: Application, _: Record.Type, sourceLocation: SourceLocation = #_sourceLocation,
        unchanged: () async throws -> Void = {}, _ write: () async throws -> Void
    ) async throws {
        let records = try await Record.query(on: app.db).count()
        let entries = try await AuditEntry.query(on: app.db).count()
        try await whileAuditCannotBeWritten(app) {
            await #expect(throws: (any Error).self, sourceLocation: sourceLocation) { try await write() }
        }
        #expect(try await Record.query(on: app.db).count() == records, sourceLocation: sourceLocation)
        #expect(try await AuditEntry.query(on: app.db).count() == entries, sourceLocation: sourceLocation)
        try await unchanged()
        try await write()
        #expect(try await AuditEntry.query(on: app.db).count() > entries, sourceLocation: sourceLocation)
    }

    @Test func aRegisterRecordIsSavedWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            let principal = try await Self.officer(app)
            let service = CampaignService(database: app.db, principal: principal, actor: .system("test"))
            var draft = CampaignDraft()
            draft.kind = "contest"
            draft.startDate = Self.typed(Self.today.adding(days: -3))
            draft.children = "40"
            try await Self.refusedWhole(app, CampaignRecord.self) {
                _ = try await service.record(draft, communeCode: nil)
            }
            // Saved once the trail is back, with its one entry (`CommuneScope.save`).
            let saved = try #require(try await CampaignRecord.query(on: app.db).first())
            #expect(try await AuditEntry.query(on: app.db).filter(\.$recordID == saved.id?.uuidString).count() == 1)
        }
    }

    @Test func aForumAndTheQuestionsRoutedFromItKeepTheirAuditEntries() async throws {
        try await withTreApp { app in
            let service = ForumService(database: app.db, principal: try await Self.officer(app), actor: .system("test"))
            var draft = ForumDraft()
            draft.level = "commune"
            draft.date = Self.typed(Self.today.adding(days: -5))
            draft.place = "Nhà văn hóa"
            draft.children = "35"
            draft.consents = "35"
            try await Self.refusedWhole(app, ChildrenForumRecord.self) {
                _ = try await service.record(draft, communeCode: nil)
            }
            let forum = try #require(try await ChildrenForumRecord.query(on: app.db).first())
            var question = ForumQuestionDraft()
            question.text = "Sân chơi của phường ở đâu?"
            question.agency = "UBND xã"
            question.due = Self.typed(Self.today.adding(days: 20))
            try await Self.refusedWhole(app, ForumQuestionRecord.self) { try await service.ask(question, at: forum) }
            try await Self.refusedWhole(
                app, ChildrenForumRecord.self,
                unchanged: {
                    let reloaded = try await ChildrenForumRecord.find(forum.id, on: app.db)
                    #expect(reloaded?.reportSubmittedOn == nil, "the report is not marked sent without its entry")
                }
            ) {
                try await service.reportSubmitted(forum, on: "")
            }
        }
    }

    @Test func anInspectionAndTheChildLinkedToItKeepTheirAuditEntries() async throws {
        try await withTreApp { app in
            let service = InspectionService(
                database: app.db, principal: try await Self.officer(app), actor: .system("test"))
            var draft = InspectionDraft()
            draft.date = Self.typed(Self.today.adding(days: -2))
            draft.placeKind = "business"
            draft.placeName = "Xưởng may"
            draft.violations = "1"
            draft.childrenFound = "1"
            draft.followUp = "Kiểm tra lại"
            draft.followUpDue = Self.typed(Self.today.adding(days: 30))
            try await Self.refusedWhole(app, InspectionRecord.self) {
                _ = try await service.record(draft, communeCode: nil)
            }
            let inspection = try #require(try await InspectionRecord.query(on: app.db).first())
            let child = try await makeChild(app, "Nguyễn Văn An")
            try await Self.refusedWhole(app, InspectionChildRecord.self) {
                try await service.link(child: child.id, to: inspection)
            }
        }
    }

    @Test func anInjuryIsRecordedWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            let service = InjuryService(
                database: app.db, principal: try await Self.officer(app), actor: .system("test"))
            var draft = InjuryDraft()
            draft.date = Self.typed(Self.today.adding(days: -1))
            draft.cause = "fall"
            draft.place = "home"
            draft.outcome = "injured"
            draft.communeCode = Places.baDinh
            try await Self.refusedWhole(app, ChildInjuryRecord.self) {
                _ = try await service.record(draft, childID: nil)
            }
        }
    }

    @Test func safetyCountsAndHouseholdChecksKeepTheirAuditEntries() async throws {
        try await withTreApp { app in
            let service = SafetyService(
                database: app.db, principal: try await Self.officer(app), actor: .system("test"))
            try await Self.refusedWhole(app, SafetyCountsRecord.self) {
                try await service.save(["schools": "3", "safeSchools": "2"], communeCode: Places.baDinh, year: 2026)
            }
            try await Self.refusedWhole(app, SafeHomeCheckRecord.self) {
                _ = try await service.check(
                    household: "Hộ ông Ba", criteriaMet: "25", mandatoryMet: "15", injuryAtHome: false,
                    communeCode: Places.baDinh, year: 2026)
            }
        }
    }

    @Test func aChildFriendlySelfAssessmentIsSavedWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            let service = ChildFriendlyService(
                database: app.db, principal: try await Self.officer(app), actor: .system("test"))
            let entries = [1: AssessmentEntry(reportedFigure: nil, points: "10", met: "yes")]
            try await Self.refusedWhole(app, FriendlyAssessmentRecord.self) {
                _ = try await service.save(
                    communeCode: Places.baDinh, year: Self.today.year, category: "city_ward", entries: entries,
                    submit: false)
            }
            #expect(try await FriendlyAssessmentEventRecord.query(on: app.db).count() == 1, "saved once, not twice")
        }
    }

    @Test func answersReportsAndFollowUpsAreMarkedWithTheirAuditEntriesOrNotAtAll() async throws {
        try await withTreApp { app in
            let principal = try await Self.officer(app)
            let forums = ForumService(database: app.db, principal: principal, actor: .system("test"))
            var forum = ForumDraft()
            forum.level = "commune"
            forum.date = Self.typed(Self.today.adding(days: -5))
            forum.children = "35"
            forum.consents = "35"
            let held = try await forums.record(forum, communeCode: nil)
            var question = ForumQuestionDraft()
            question.text = "Sân chơi ở đâu?"
            question.agency = "UBND xã"
            question.due = Self.typed(Self.today.adding(days: 20))
            try await forums.ask(question, at: held)
            let asked = try #require(try await ForumQuestionRecord.query(on: app.db).first())
            var answer = ForumAnswerDraft()
            answer.answer = "Đang xây"
            answer.answeredOn = Self.typed(Self.today)
            try await Self.refusedWhole(
                app, ForumQuestionRecord.self,
                unchanged: {
                    let stored = try await ForumQuestionRecord.find(asked.id, on: app.db)
                    #expect(stored?.answer == nil)
                }
            ) {
                try await forums.answer(answer, question: asked.requireID(), at: held)
            }

            let campaigns = CampaignService(database: app.db, principal: principal, actor: .system("test"))
            var month = CampaignDraft()
            month.kind = "action_month"
            month.startDate = "01/06/\(Self.today.year - 1)"
            month.endDate = "30/06/\(Self.today.year - 1)"
            month.children = "100"
            let campaign = try await campaigns.record(month, communeCode: nil)
            try await Self.refusedWhole(
                app, CampaignRecord.self,
                unchanged: {
                    let stored = try await CampaignRecord.find(campaign.id, on: app.db)
                    #expect(stored?.reportSubmittedOn == nil)
                }
            ) {
                try await campaigns.reportSubmitted(campaign.requireID(), on: "")
            }

            let inspections = InspectionService(database: app.db, principal: principal, actor: .system("test"))
            var visit = InspectionDraft()
            visit.date = Self.typed(Self.today.adding(days: -2))
            visit.placeKind = "business"
            visit.placeName = "Xưởng may"
            visit.violations = "1"
            visit.followUp = "Kiểm tra lại"
            visit.followUpDue = Self.typed(Self.today.adding(days: 30))
            let inspection = try await inspections.record(visit, communeCode: nil)
            try await Self.refusedWhole(
                app, InspectionRecord.self,
                unchanged: {
                    let stored = try await InspectionRecord.find(inspection.id, on: app.db)
                    #expect(stored?.followUpDoneOn == nil)
                }
            ) {
                try await inspections.followUpDone(inspection, on: "")
            }
        }
    }

    @Test func evidenceAndCriteriaChangesKeepTheirAuditEntries() async throws {
        try await withTreApp { app in
            let service = ChildFriendlyService(
                database: app.db, principal: try await Self.officer(app), actor: .system("test"))
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 100)
            try await Self.refusedWhole(app, AssessmentEvidenceRecord.self) {
                try await service.attach(
                    fileName: "bien-ban.png", data: png, criterion: 11, communeCode: Places.baDinh,
                    year: Self.today.year)
            }

            let criteria = CriteriaSetService(database: app.db, actor: .system("test"))
            let before = try await ChildFriendlyService.currentSet(on: app.db).set.criterion(2)?.maxPoints
            try await Self.refusedWhole(
                app, CriteriaSetRecord.self,
                unchanged: {
                    let now = try await ChildFriendlyService.currentSet(on: app.db).set.criterion(2)?.maxPoints
                    #expect(now == before, "the weight is not changed without its entry")
                }
            ) {
                try await criteria.update([2: .init(points: "100", confirmed: true)])
            }
        }
    }
}
