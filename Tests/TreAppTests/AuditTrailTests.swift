import Fluent
import SQLKit
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct AuditTrailTests {
    /// Logs in, creates and re-scopes accounts: every step leaves an entry, sealed into one chain.
    private func recordSomeWork(_ app: Application) async throws {
        try await makeAccount(app, "quantri", role: .admin)
        let officer = try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
        let admin = WebClient(app)
        try await admin.signIn("quantri")
        try await admin.get("/admin/users/\(try officer.requireID())")
        try await admin.post(
            "/admin/users/\(try officer.requireID())/scope", ["role": "commune_officer", "communeCode": "8"])
        try await WebClient(app).signIn("xa4", "sai-mat-khau-roi")
        try await AuditSealer.sealAll(on: app.db)
    }

    @Test func everyChangeIsRecordedAndTheSealedChainVerifies() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let actions = try await AuditEntry.query(on: app.db).sort(\.$sequence).all(\.$action)
            #expect(actions.contains("account.created"))
            #expect(actions.contains("login.succeeded"))
            #expect(actions.contains("account.rescoped"))
            #expect(actions.contains("login.failed"))
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.firstBreak == nil)
            #expect(report.checked == actions.count)
            #expect(report.unsealed == 0)
        }
    }

    @Test func anEditedEntryIsFound() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(AuditEntry.schema).set("actor_username", to: "ai-do-khac").where("sequence", .equal, 3)
                .run()
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.firstBreak == .altered(sequence: 3))
        }
    }

    @Test func aDeletedEntryIsFound() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.delete(from: AuditEntry.schema).where("sequence", .equal, 2).run()
            #expect(try await AuditVerification.verify(on: app.db).firstBreak == .missing(after: 1, next: 3))
        }
    }

    @Test func deletingTheNewestEntriesIsFound() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let last = try #require(try await AuditEntry.query(on: app.db).max(\.$sequence) ?? nil)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.delete(from: AuditEntry.schema).where("sequence", .equal, last).run()
            #expect(
                try await AuditVerification.verify(on: app.db).firstBreak == .truncated(lastFound: last - 1, head: last)
            )
        }
    }

    @Test func aProvinceReadsOnlyItsOwnPartOfTheTrail() async throws {
        try await withTreApp { app in
            let caoBangCommune = try await Places.communeOfCaoBang(app)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "xacaobang", role: .communeOfficer, commune: caoBangCommune)
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
            let browser = WebClient(app)
            try await browser.signIn("tinh4")
            let page = try await browser.get("/audit?per=200")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("tinh4"))
            #expect(!page.body.string.contains("xa4"))
        }
    }
}
