import Crypto
import Fluent
import Foundation
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

    @Test func aChangedActorIDIsFound() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(AuditEntry.schema).set("actor_id", to: UUID()).where("sequence", .equal, 3).run()
            #expect(try await AuditVerification.verify(on: app.db).firstBreak == .altered(sequence: 3))
        }
    }

    @Test func aTimeMovedByLessThanASecondIsFound() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$sequence == 3).first())
            let seconds = entry.occurredAt.timeIntervalSince1970
            // Within the same second, which a hash of whole seconds does not see.
            let moved = entry.occurredAt + (seconds - seconds.rounded(.down) < 0.6 ? 0.3 : -0.3)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(AuditEntry.schema).set("occurred_at", to: moved).where("sequence", .equal, 3).run()
            #expect(try await AuditVerification.verify(on: app.db).firstBreak == .altered(sequence: 3))
        }
    }

    @Test func aForgedRowInsertedWithSQLIsNeverSealedAndIsReported() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let sql = try #require(app.db as? any SQLDatabase)
            let (plain, withMAC) = (UUID(), UUID())
            let backdated = Date().addingTimeInterval(-86_400)
            try await sql.insert(into: AuditEntry.schema).columns(
                "id", "occurred_at", "actor_username", "action", "record_type", "record_id", "details"
            ).values(
                SQLBind(plain), SQLBind(backdated), SQLBind("quantri"), SQLBind("child.viewed"), SQLBind("child"),
                SQLBind("42"), SQLBind("")
            ).run()
            // One who has read the code fills the new columns too, but cannot make the MAC without the key.
            let guessed = SymmetricKey(data: Data("someone else's guess at the key....".utf8))
            let micros = AuditFacts.micros(backdated)
            let facts = AuditFacts(
                entryID: withMAC.uuidString, occurredAt: backdated, actorUsername: "quantri", action: "child.viewed",
                recordType: "child", recordID: "43", provinceCode: nil, communeCode: nil, sourceAddress: nil,
                details: "", occurredMicros: micros, format: .keyed)
            try await sql.insert(into: AuditEntry.schema).columns(
                "id", "occurred_at", "actor_username", "action", "record_type", "record_id", "details",
                "occurred_micros", "format", "entry_mac"
            ).values(
                SQLBind(withMAC), SQLBind(backdated), SQLBind("quantri"), SQLBind("child.viewed"), SQLBind("child"),
                SQLBind("43"), SQLBind(""), SQLBind(micros), SQLBind(2),
                SQLBind(AuditChain.entryMAC(facts, key: guessed))
            ).run()

            try await AuditSealer.sealAll(on: app.db)
            for id in [plain, withMAC] {
                let row = try #require(try await AuditEntry.find(id, on: app.db))
                #expect(row.sequence == nil)
                #expect(row.sealRefused == true)
            }
            let report = try await AuditVerification.verify(on: app.db)
            #expect(Set(report.forged) == [plain, withMAC])
            #expect(report.firstBreak == nil)
            #expect(!report.intact)
            #expect(report.text.contains("\(plain)"))
            try await makeAccount(app, "quantri2", role: .admin)
            let browser = WebClient(app)
            try await browser.signIn("quantri2")
            let trail = try await browser.get("/audit?q=child.viewed")
            #expect(trail.body.string.components(separatedBy: "Giả mạo: không do Tre ghi").count == 3)
        }
    }

    @Test func aRowTreCannotReadNeitherStopsTheSealerNorTheCheck() async throws {
        try await withTreApp { app in
            // Only SQLite stores a value of the wrong type in a column.
            guard app.treDatabaseKind == "sqlite" else { return }
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw(
                """
                INSERT INTO audit_entries (id, occurred_at, actor_username, action, record_type, details)
                VALUES (randomblob(16), 'hôm qua', 'quantri', 'child.viewed', 'child', '')
                """
            ).run()
            try await recordSomeWork(app)
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.unreadable == 1)
            #expect(report.unsealed == 0)
            #expect(report.firstBreak == nil)
            #expect(!report.intact)
        }
    }

    @Test func verifyReadsButNeverSeals() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let pending = try await AuditEntry.query(on: app.db).filter(\.$sequence == nil).count()
            #expect(pending > 0)
            let report = try await TreCommands.verifyAudit(on: app.db, checkpoints: nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$sequence == nil).count() == pending)
            #expect(report.unsealed == pending)
            #expect(report.intact)
            let later = try await TreCommands.verifyAudit(on: app.db, checkpoints: nil, now: Date() + 120)
            #expect(later.overdue == pending)
            #expect(!later.intact)
        }
    }

    /// What someone who can write to the database does after deleting entries: renumber the rest and
    /// seal them again with the formula they can compute, then move the head.
    private func reseal(_ app: Application, format: AuditFormat, key: SymmetricKey) async throws {
        let sql = try #require(app.db as? any SQLDatabase)
        var previous = AuditChain.genesisHash
        var sequence = 0
        for entry in try await AuditEntry.query(on: app.db).filter(\.$sequence != nil).sort(\.$sequence).all() {
            sequence += 1
            var facts = entry.facts
            facts.format = format
            previous = AuditChain.seal(previous: previous, facts: facts, key: key)
            try await sql.update(AuditEntry.schema).set("sequence", to: sequence).set("seal_hash", to: previous)
                .set("format", to: format == .keyed ? format.rawValue : nil).where("id", .equal, try entry.requireID())
                .run()
        }
        try await sql.update(AuditChainHead.schema).set("sequence", to: sequence).set("hash", to: previous)
            .where("chain", .equal, AuditChainHead.mainChain).run()
    }

    @Test func aDeletionResealedWithoutTheKeyIsFound() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.delete(from: AuditEntry.schema).where("sequence", .equal, 2).run()
            try await reseal(app, format: .legacy, key: AuditKey.current)
            #expect(try await AuditVerification.verify(on: app.db).firstBreak == .downgraded(sequence: 1))
            try await reseal(
                app, format: .keyed, key: SymmetricKey(data: Data("a guess at the key, 32 bytes long".utf8)))
            #expect(try await AuditVerification.verify(on: app.db).firstBreak == .altered(sequence: 1))
        }
    }

    @Test func aCheckpointCatchesAHeadMovedBackAndADeletionResealedWithTheKey() async throws {
        try await withTreApp { app in
            try await recordSomeWork(app)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tre-\(UUID()).checkpoints").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await AuditCheckpointFile.append(to: path, on: app.db)
            let last = try #require(try await AuditEntry.query(on: app.db).max(\.$sequence) ?? nil)
            let sql = try #require(app.db as? any SQLDatabase)

            try await sql.delete(from: AuditEntry.schema).where("sequence", .greaterThan, last - 2).run()
            let kept = try #require(try await AuditEntry.query(on: app.db).filter(\.$sequence == last - 2).first())
            try await sql.update(AuditChainHead.schema).set("sequence", to: last - 2).set("hash", to: kept.sealHash)
                .where("chain", .equal, AuditChainHead.mainChain).run()
            #expect(try await TreCommands.verifyAudit(on: app.db, checkpoints: nil).intact)
            #expect(
                try await TreCommands.verifyAudit(on: app.db, checkpoints: path).firstBreak
                    == .checkpointMissing(sequence: last, lastFound: last - 2))

            // Even someone holding the key, who deletes an entry and seals the rest and new work again, is caught.
            try await sql.delete(from: AuditEntry.schema).where("sequence", .equal, 1).run()
            try await reseal(app, format: .keyed, key: AuditKey.current)
            for _ in 0..<4 {  // new work, written by Tre with the key (sign-ins would be throttled by now)
                try await AuditLog.record(
                    AuditEvent(action: "child.viewed", recordType: "child", jurisdiction: .nation), by: .system("test"),
                    on: app.db)
            }
            try await AuditSealer.sealAll(on: app.db)
            let resealedHead = try await AuditEntry.query(on: app.db).max(\.$sequence) ?? nil
            #expect((resealedHead ?? 0) >= last)
            #expect(try await TreCommands.verifyAudit(on: app.db, checkpoints: nil).intact)
            let report = try await TreCommands.verifyAudit(on: app.db, checkpoints: path)
            #expect(report.firstBreak == .checkpointDiffers(sequence: last))

            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("tre-audit-checkpoint 1 \(AuditChain.genesisHash) 0 00\n".utf8))
            try handle.close()
            #expect(try await TreCommands.verifyAudit(on: app.db, checkpoints: path).badCheckpointLines == [2])
        }
    }

    @Test func entriesSealedInTheOldFormatStillVerify() async throws {
        try await withTreApp { app in
            #expect(try await AuditEntry.query(on: app.db).count() == 0)
            // As the previous version left the trail: two entries sealed with its formula, one not yet.
            var previous = AuditChain.genesisHash
            for index in 1...3 {
                let entry = AuditEntry()
                entry.id = UUID()
                entry.occurredAt = Date().addingTimeInterval(-86_400 + Double(index))
                entry.actorUsername = "quantri"
                entry.action = "child.viewed"
                entry.recordType = "child"
                entry.recordID = "\(index)"
                entry.details = ""
                if index < 3 {
                    previous = AuditChain.hash(previous: previous, facts: entry.facts)
                    entry.sequence = index
                    entry.sealHash = previous
                }
                try await entry.create(on: app.db)
            }
            try await AuditChainHead(chain: AuditChainHead.mainChain, sequence: 2, hash: previous).create(on: app.db)
            try await AddAuditEntryIntegrity.closeLegacyEntries(on: app.db, key: AuditKey.current)

            try await recordSomeWork(app)
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.firstBreak == nil)
            #expect(report.checked == (try await AuditEntry.query(on: app.db).count()))
            #expect(report.checked > 3)

            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(AuditEntry.schema).set("format", to: SQLLiteral.null).where("sequence", .equal, 5)
                .run()
            #expect(try await AuditVerification.verify(on: app.db).firstBreak == .downgraded(sequence: 5))
        }
    }

    @Test func aNodeWithAnotherKeyIsStoppedAtStart() async throws {
        try await withTreApp { app in
            try await AuditKeyCheck.ensure(on: app.db)
            try await AuditKeyCheck.ensure(on: app.db)
            let other = SymmetricKey(data: Data("the key another node made for itself".utf8))
            await #expect(throws: CommandFailure.self) { try await AuditKeyCheck.ensure(on: app.db, key: other) }
        }
    }
}
