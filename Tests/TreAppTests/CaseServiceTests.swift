import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// The case service's writes are kept with their audit entry or not at all, and a step the procedure does not
/// know has no address.
@Suite struct CaseServiceTests {
    private struct Counts: Equatable {
        var reports, cases, steps, referrals, visits, daysOff, audit: Int
    }

    private func counts(_ app: Application) async throws -> Counts {
        Counts(
            reports: try await AbuseReport.query(on: app.db).count(),
            cases: try await ProtectionCase.query(on: app.db).count(),
            steps: try await CaseStepRecord.query(on: app.db).count(),
            referrals: try await CaseReferral.query(on: app.db).count(),
            visits: try await CaseFollowUp.query(on: app.db).count(),
            daysOff: try await DayOff.query(on: app.db).count(),
            audit: try await AuditEntry.query(on: app.db).count())
    }

    private func service(_ app: Application, _ username: String) async throws -> CaseService {
        let account = try #require(try await UserAccount.query(on: app.db).filter(\.$username == username).first())
        let principal = try Principal(account)
        return CaseService(
            database: app.db, principal: principal, actor: AuditActor(id: principal.userID, username: username))
    }

    private static let draft = ReportDraft(
        channel: "phone_111", receivedAt: nil, anonymous: false, reporterName: "Trần Văn Bình",
        reporterPhone: "0912345678", reporterAgreesToContact: false, communeCode: Places.baDinh, childIDs: [],
        abuseForms: ["violence"], abuserIsCarer: false, description: "Hàng xóm nghe tiếng trẻ khóc")

    @Test func everyCaseWriteIsKeptWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = try await service(app, "xa4")
            let opened = try await officer.open(Self.draft)
            let id = try opened.requireID()
            let referral = try await officer.refer(
                id,
                ReferralDraft(
                    providerKind: .health, providerName: "Trạm y tế", reason: "Khám",
                    sentOn: VietnamDay.containing(Date())))
            let before = try await counts(app)
            let assessment = CaseStep.initialAssessment(
                InitialAssessment(risk: .low, reasons: "Trẻ ổn", seriousThreat: false))

            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { try await officer.open(Self.draft) }
                await #expect(throws: (any Error).self) {
                    try await officer.take(assessment, on: id, seenVersion: opened.version)
                }
                await #expect(throws: (any Error).self) {
                    try await officer.refer(
                        id,
                        ReferralDraft(
                            providerKind: .health, providerName: "Bệnh viện", reason: "Khám lại",
                            sentOn: VietnamDay.containing(Date())))
                }
                await #expect(throws: (any Error).self) {
                    try await officer.answerReferral(
                        id, referral: try referral.requireID(), status: .accepted, reply: "Đã nhận")
                }
                await #expect(throws: (any Error).self) {
                    try await officer.recordVisit(
                        id, FollowUpDraft(visitedOn: VietnamDay.containing(Date()), childSeen: true, notes: "Ổn"))
                }
                await #expect(throws: (any Error).self) {
                    try await DaysOffService(database: app.db, actor: officer.actor)
                        .add(date: "04/11/2026", name: "Nghỉ bù")
                }
            }

            #expect(try await counts(app) == before, "neither a record nor an audit entry was kept")
            let stored = try #require(try await ProtectionCase.find(id, on: app.db))
            #expect(stored.status == CaseStatus.received.rawValue && stored.version == opened.version)
            let answered = try #require(try await CaseReferral.find(try referral.requireID(), on: app.db))
            #expect(answered.status == ReferralStatus.sent.rawValue && answered.reply.isEmpty)
        }
    }

    @Test func aDayOffIsRemovedWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            let days = DaysOffService(database: app.db, actor: .system("test"))
            try await days.add(date: "04/11/2026", name: "Nghỉ bù")
            let added = try #require(try await DayOff.query(on: app.db).first())
            let before = try await counts(app)
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { try await days.remove(try added.requireID()) }
            }
            #expect(try await counts(app) == before)
        }
    }

    @Test func anEscalationIsKeptWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            var late = Self.draft
            late.receivedAt = Date().addingTimeInterval(-30 * 3600)
            late.abuserIsCarer = true  // the 12-hour emergency clock has passed
            let opened = try await service(app, "xa4").open(late)
            let audit = try await AuditEntry.query(on: app.db).count()
            let told = try await CaseNotification.query(on: app.db).count()  // the new report's
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { try await CaseEscalation.run(on: app.db) }
            }
            #expect(try await CaseNotification.query(on: app.db).count() == told)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
            #expect(try await ProtectionCase.find(try opened.requireID(), on: app.db)?.escalatedAt == nil)
            #expect(try await CaseEscalation.run(on: app.db) == 1, "escalated once the audit can be written")
        }
    }

    @Test func aStepTheProcedureDoesNotKnowIsNotFoundAndChangesNothing() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let opened = try await service(app, "xa4").open(Self.draft)
            let id = try opened.requireID()
            let token = try await apiToken(app, "xa4")
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            try await browser.get(SiteURL.cases(.show(.value(id))).path)
            let before = try await counts(app)

            let api = try await app.testing().sendRequest(
                .POST, "/api/v1/cases/\(id)/skip-to-closure", headers: bearer(token, json: true),
                body: ByteBuffer(string: #"{"version":\#(opened.version),"form":{"note":"x"}}"#))
            #expect(api.status == .notFound)
            #expect(api.body.string.contains(TreError.notFound.code))

            let page = try await browser.post(
                "/cases/\(id)/skip-to-closure", ["version": String(opened.version), "note": "x"])
            #expect(page.status == .notFound)

            #expect(try await counts(app) == before)
            let stored = try #require(try await ProtectionCase.find(id, on: app.db))
            #expect(stored.status == CaseStatus.received.rawValue && stored.version == opened.version)
        }
    }
}
