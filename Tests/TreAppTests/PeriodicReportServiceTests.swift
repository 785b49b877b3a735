import Fluent
import Foundation
import SQLKit
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Every write of indicators is kept with its audit entry or not at all, and an approved period refuses an
/// edit until the province reopens it.
@Suite struct PeriodicReportServiceTests {
    static let year = VietnamDay.containing(Date()).year

    static let commune = Principal(
        userID: UUID(), username: "xa4", fullName: "Xã Ba Đình", role: .communeOfficer,
        jurisdiction: .commune(provinceCode: Places.haNoi, communeCode: Places.baDinh), mustChangePassword: false)
    static let province = Principal(
        userID: UUID(), username: "tinh1", fullName: "Tỉnh Hà Nội", role: .provincialOfficer,
        jurisdiction: .province(provinceCode: Places.haNoi), mustChangePassword: false)

    private func service(_ app: Application, _ principal: Principal) -> PeriodicReportService {
        PeriodicReportService(database: app.db, principal: principal, actor: .system("test"))
    }

    private func auditCount(_ app: Application) async throws -> Int {
        try await AuditEntry.query(on: app.db).count()
    }

    private func lockCount(_ app: Application) async throws -> Int {
        let rows = try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM indicator_locks").all()
        return try rows[0].decode(column: "n", as: Int.self)
    }

    /// Hà Nội's TR05 target this year (the shipped data seeds national targets, not this one).
    private func haNoiTargets(_ app: Application) async throws -> [IndicatorTargetRecord] {
        try await IndicatorTargetRecord.query(on: app.db).filter(\.$unit == "01").filter(\.$indicatorCode == "TR05")
            .filter(\.$year == Self.year).all()
    }

    @Test func aSubmissionIsKeptWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            let entries = try await auditCount(app)
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) {
                    try await service(app, Self.commune).submit(period: "\(Self.year)-Q1")
                }
            }
            #expect(try await PeriodicReportRecord.query(on: app.db).count() == 0)
            #expect(try await auditCount(app) == entries)
            try await service(app, Self.commune).submit(period: "\(Self.year)-Q1")
            #expect(try await PeriodicReportRecord.query(on: app.db).count() == 1)
            #expect(try await auditCount(app) == entries + 1)
        }
    }

    @Test func anApprovalIsKeptWithItsLocksAndAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            let record = try await service(app, Self.commune).submit(period: "\(Self.year)-Q1")
            let id = try record.requireID()
            let entries = try await auditCount(app)
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) {
                    try await service(app, Self.province).decide(id, .approve, comment: "")
                }
            }
            #expect(try await PeriodicReportRecord.find(id, on: app.db)?.status == "submitted")
            #expect(try await lockCount(app) == 0)
            #expect(try await auditCount(app) == entries)
            #expect(try await service(app, Self.province).decide(id, .approve, comment: "") == .approved)
            #expect(try await lockCount(app) > 0)
            #expect(try await auditCount(app) == entries + 1)
        }
    }

    @Test func aPopulationIsKeptWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            let entries = try await auditCount(app)
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) {
                    try await service(app, Self.commune).savePopulation(year: String(Self.year), children: "1.200")
                }
            }
            #expect(try await CommunePopulation.query(on: app.db).count() == 0)
            #expect(try await auditCount(app) == entries)
            let saved = try await service(app, Self.commune).savePopulation(year: String(Self.year), children: "1.200")
            #expect(saved.children == 1200)
            #expect(try await auditCount(app) == entries + 1)
        }
    }

    @Test func aTargetIsKeptWithItsAuditEntryOrNotAtAll() async throws {
        try await withTreApp { app in
            let entries = try await auditCount(app)
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) {
                    try await service(app, Self.province).saveTarget(
                        indicator: "TR05", year: String(Self.year), target: "90,5")
                }
            }
            #expect(try await haNoiTargets(app).isEmpty)
            #expect(try await auditCount(app) == entries)
            try await service(app, Self.province).saveTarget(indicator: "TR05", year: String(Self.year), target: "90,5")
            #expect(try await haNoiTargets(app).map(\.target) == [90.5])
            #expect(try await auditCount(app) == entries + 1)
            // Cleared, with its own entry; a clearing that cannot be audited leaves the target in place.
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) {
                    try await service(app, Self.province).saveTarget(
                        indicator: "TR05", year: String(Self.year), target: "")
                }
            }
            #expect(try await haNoiTargets(app).count == 1)
        }
    }

    @Test func anApprovedYearRefusesItsPopulationUntilReopened() async throws {
        try await withTreApp { app in
            let year = String(Self.year)
            try await service(app, Self.commune).savePopulation(year: year, children: "900")
            let record = try await service(app, Self.commune).submit(period: year)
            try await service(app, Self.province).decide(try record.requireID(), .approve, comment: "")
            await #expect(
                throws: PeriodicReportRules.lockedRefusal(period: IndicatorPeriod(kind: .year, year: Self.year))
            ) {
                try await service(app, Self.commune).savePopulation(year: year, children: "1000")
            }
            #expect(try await CommunePopulation.query(on: app.db).first()?.children == 900)
            try await service(app, Self.province).decide(try record.requireID(), .reopen, comment: "Sửa dân số")
            try await service(app, Self.commune).savePopulation(year: year, children: "1000")
            #expect(try await CommunePopulation.query(on: app.db).first()?.children == 1000)
        }
    }

    @Test func aReportOutsideTheProvinceIsNotFound() async throws {
        try await withTreApp { app in
            let record = try await service(app, Self.commune).submit(period: "\(Self.year)-Q1")
            let other = Principal(
                userID: UUID(), username: "tinh4", fullName: "Tỉnh Cao Bằng", role: .provincialOfficer,
                jurisdiction: .province(provinceCode: Places.caoBang), mustChangePassword: false)
            let refused = await #expect(throws: TreError.self) {
                try await service(app, other).decide(try record.requireID(), .approve, comment: "")
            }
            #expect(refused?.status == .notFound)
            #expect(try await PeriodicReportRecord.find(try record.requireID(), on: app.db)?.status == "submitted")
        }
    }

    @Test func theFormsRefuseWhatIsNotANumberWithTheReason() async throws {
        try await withTreApp { app in
            await #expect(throws: TreError.self) {
                try await service(app, Self.commune).savePopulation(year: String(Self.year), children: "nhiều")
            }
            await #expect(throws: TreError.self) {
                try await service(app, Self.province).saveTarget(indicator: "TR05", year: "3000", target: "9")
            }
            await #expect(throws: TreError.self) {
                try await service(app, Self.province).saveTarget(
                    indicator: "TR05", year: String(Self.year), target: "120")
            }
            await #expect(throws: TreError.self) {
                try await service(app, Self.commune).submit(period: "\(Self.year)-Q5")
            }
            // A province does not submit.
            let forbidden = await #expect(throws: TreError.self) {
                try await service(app, Self.province).submit(period: "\(Self.year)-Q1")
            }
            #expect(forbidden?.status == .forbidden)
            let targets = try await haNoiTargets(app)
            #expect(targets.isEmpty)
        }
    }

    @Test func onADatabaseThatIsNotSQLNothingFailsOpen() async throws {
        try await withTreApp { app in
            let record = try await service(app, Self.commune).submit(period: "\(Self.year)-Q1")
            let entries = try await auditCount(app)
            let notSQL = NotSQLDatabase(base: app.db)
            let period = IndicatorPeriod(kind: .quarter, year: Self.year, index: 1)
            // The lock check refuses rather than lets an edit through unchecked.
            await #expect(throws: SQLRequired.self) {
                try await IndicatorLocks.ensureOpen(communeCode: Places.baDinh, period: period, on: notSQL)
            }
            // An approval that cannot lock its periods is not kept.
            let approval = PeriodicReportService(database: notSQL, principal: Self.province, actor: .system("test"))
            await #expect(throws: SQLRequired.self) {
                try await approval.decide(try record.requireID(), .approve, comment: "")
            }
            #expect(try await PeriodicReportRecord.find(try record.requireID(), on: app.db)?.status == "submitted")
            #expect(try await auditCount(app) == entries)
            // Figures and what they must hide are not read as zeros and "nothing hidden".
            await #expect(throws: SQLRequired.self) {
                try await IndicatorQueries.totals(
                    [.childrenSpecial], periods: [period.description], unit: .nation, on: notSQL)
            }
            let sensitive = try #require(IndicatorCatalogueFile.shared.indicators.first { $0.sensitive })
            await #expect(throws: SQLRequired.self) {
                try await IndicatorSuppressionQueries.hidden(
                    [sensitive], unit: .province(provinceCode: Places.haNoi), years: [Self.year], on: notSQL)
            }
        }
    }
}

/// A database that answers Fluent's queries but is not SQL (as a future driver might be): the checks that need
/// SQL must refuse on it.
private struct NotSQLDatabase: Database {
    var base: any Database

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void)
        -> EventLoopFuture<Void>
    {
        base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.transaction { closure(NotSQLDatabase(base: $0)) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>)
        -> EventLoopFuture<T>
    {
        base.withConnection { closure(NotSQLDatabase(base: $0)) }
    }
}
