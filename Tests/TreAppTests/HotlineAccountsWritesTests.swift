import Fluent
import Foundation
import Testing
import TreDomain
import Vapor

@testable import TreApp

/// Each write of the hotline and the accounts is kept with its audit entry or not at all: with the audit
/// trail unwritable the write throws, and neither the record nor an entry is left behind.
@Suite struct HotlineAccountsWritesTests {
    static func counsellor(_ app: Application) async throws -> (Principal, AuditActor) {
        let account = try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
        let principal = try Principal(account)
        return (principal, AuditActor(id: principal.userID, username: principal.username, address: nil))
    }

    static func draft() -> ContactDraft {
        ContactDraft(
            channel: ContactChannel.phone111.rawValue, startedAt: Date(), endedAt: Date(),
            callerType: CallerType.anonymous.rawValue, callerIdentifier: "0912345678", childSex: "", childAgeBand: "",
            provinceCode: nil, topicCodes: ["violence.physical"], outcome: ContactOutcome.counselled.rawValue,
            notes: "", followUpOn: "")
    }

    @Test func aContactIsNotLoggedWithoutItsAuditEntry() async throws {
        try await withTreApp { app in
            let (principal, actor) = try await Self.counsellor(app)
            let service = ContactService(database: app.db, principal: principal, actor: actor)
            let entries = try await AuditEntry.query(on: app.db).count()
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { try await service.log(Self.draft()) }
            }
            #expect(try await HotlineContact.query(on: app.db).count() == 0)
            #expect(try await HotlineContactTopic.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == entries)

            let logged = try await service.log(Self.draft())
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "contact.logged").count() == 1)
            let before = try await AuditEntry.query(on: app.db).count()
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { try await service.followedUp(logged) }
            }
            let stored = try #require(try await HotlineContact.find(logged.requireID(), on: app.db))
            #expect(stored.followedUpAt == nil, "the follow-up was not kept")
            #expect(try await AuditEntry.query(on: app.db).count() == before)
        }
    }

    @Test func aTopicIsNeitherAddedNorRetiredWithoutItsAuditEntry() async throws {
        try await withTreApp { app in
            let service = TopicService(database: app.db, actor: .system("test"))
            let topics = try await ContactTopicRecord.query(on: app.db).count()
            let entries = try await AuditEntry.query(on: app.db).count()
            let new = TopicService.NewTopic(
                category: "violence", suffix: "doxxing", nameVI: "Bạo lực trên mạng", nameEN: "", abuseForm: "")
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { try await service.add(new) }
                await #expect(throws: (any Error).self) { try await service.retire(code: "violence.physical") }
            }
            #expect(try await ContactTopicRecord.query(on: app.db).count() == topics)
            let physical = try #require(
                try await ContactTopicRecord.query(on: app.db).filter(\.$code == "violence.physical").first())
            #expect(physical.retiredIn == nil)
            #expect(try await AuditEntry.query(on: app.db).count() == entries)

            let version = TopicService.currentVersion(try await ContactTopicRecord.query(on: app.db).all())
            let added = try await service.add(new)
            #expect(added.nameEN == "Bạo lực trên mạng", "an English name left out is the Vietnamese one")
            #expect(added.version == version + 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "topic.added").count() == 1)
            await #expect(throws: ContactTopicRules.Refusal.self) { try await service.add(new) }
        }
    }

    @Test func anAccountIsNotCreatedWithoutItsAuditEntry() async throws {
        try await withTreApp { app in
            let service = AccountService(database: app.db, hashing: app.passwordHashing)
            let accounts = try await UserAccount.query(on: app.db).count()
            let entries = try await AuditEntry.query(on: app.db).count()
            let input = NewAccount(
                username: "tinh.caobang", password: testPassword, fullName: "Lê Văn Tỉnh", role: .provincialOfficer,
                provinceCode: Places.caoBang, communeCode: nil)
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { try await service.create(input, by: .system("test")) }
            }
            #expect(try await UserAccount.query(on: app.db).count() == accounts)
            #expect(try await AuditEntry.query(on: app.db).count() == entries)
            try await service.create(input, by: .system("test"))
            #expect(try await UserAccount.query(on: app.db).count() == accounts + 1)
        }
    }

    @Test func aProvinceSeesItsOwnAccountsAndAuditEntriesOnly() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh.hanoi", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "tinh.caobang", role: .provincialOfficer, province: Places.caoBang)
            try await makeAccount(
                app, "xa.badinh", role: .communeOfficer, province: Places.haNoi, commune: Places.baDinh)
            let listing = try await AccountQueries.listing(
                in: .province(provinceCode: Places.haNoi), search: "", paging: Paging(page: 1, per: 50), on: app.db)
            #expect(listing.items.map(\.username).sorted() == ["tinh.hanoi", "xa.badinh"])
            let commune = try await AccountQueries.listing(
                in: .commune(provinceCode: Places.haNoi, communeCode: Places.baDinh), search: "",
                paging: Paging(page: 1, per: 50), on: app.db)
            #expect(commune.items.map(\.username) == ["xa.badinh"])

            let trail = try await AuditQueries.trail(
                within: .province(provinceCode: Places.caoBang), search: "", paging: Paging(page: 1, per: 50),
                on: app.db)
            #expect(trail.entries.map(\.recordType) == ["account"], "the Cao Bằng account's creation only")
            #expect(trail.total == 1)
        }
    }
}
