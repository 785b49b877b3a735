import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Every write to a child's record is committed with its audit entry or not at all: with the trail unable to
/// take an entry, the write fails and leaves nothing behind.
@Suite struct ChildServiceAuditTests {
    static func service(_ app: Application) -> ChildService {
        let principal = Principal(
            userID: UUID(), username: "xa4", fullName: "Cán bộ xã", role: .communeOfficer,
            jurisdiction: .commune(provinceCode: Places.haNoi, communeCode: Places.baDinh), mustChangePassword: false)
        return ChildService(database: app.db, principal: principal, actor: .system("test"))
    }

    static func counts(_ app: Application) async throws -> [Int] {
        [
            try await Child.query(on: app.db).count(), try await ChildCaregiver.query(on: app.db).count(),
            try await ChildCircumstance.query(on: app.db).count(), try await ChildSupport.query(on: app.db).count(),
        ]
    }

    @Test func noWriteToAChildIsKeptWithoutItsAuditEntry() async throws {
        try await withTreApp { app in
            let service = Self.service(app)
            let child = try await makeChild(app, "Đỗ Thị Lan", caregiverPhone: "0912345678")
            let other = try await makeChild(app, "Đỗ Thị Lan Anh")
            let before = try await Self.counts(app)
            let entries = try await AuditEntry.query(on: app.db).count()
            var draft = ChildDraft()
            draft.fullName = "Vũ Văn Minh"
            draft.sex = "male"
            draft.dateOfBirth = "2018-03-02"
            draft.communeCode = Places.baDinh
            var correction = draft
            correction.fullName = "Đỗ Thị Lan (sửa)"
            var circumstance = CircumstanceDraft()
            circumstance.groupCode = "a"
            circumstance.subgroupNumber = "1"
            circumstance.startDate = "01/02/2026"
            var support = SupportDraft()
            support.kind = "monthly_allowance"
            support.date = "01/02/2026"
            support.amount = "500000"
            support.source = "state_budget"

            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { _ = try await service.create(draft) }
                await #expect(throws: (any Error).self) { try await service.update(child, with: correction) }
                await #expect(throws: (any Error).self) { try await service.merge(other, into: child) }
                await #expect(throws: (any Error).self) {
                    _ = try await service.addCircumstance(to: child, circumstance)
                }
                await #expect(throws: (any Error).self) { _ = try await service.recordSupport(for: child, support) }
                // A sensitive read that cannot be audited is not shown either.
                await #expect(throws: (any Error).self) { try await service.recordView(of: child) }
            }

            #expect(try await Self.counts(app) == before)
            #expect(try await AuditEntry.query(on: app.db).count() == entries)
            let stored = try #require(try await Child.find(child.id, on: app.db))
            #expect(stored.fullName == "Đỗ Thị Lan")
            #expect(try await Child.find(other.id, on: app.db)?.mergedInto == nil)

            // The same writes go through once the trail takes entries again: they failed for the audit alone.
            _ = try await service.create(draft)
            try await service.update(child, with: correction)
            _ = try await service.addCircumstance(to: child, circumstance)
            _ = try await service.recordSupport(for: child, support)
            try await service.merge(other, into: child)
            try await service.recordView(of: child)
            #expect(try await AuditEntry.query(on: app.db).count() >= entries + 6)
        }
    }
}
