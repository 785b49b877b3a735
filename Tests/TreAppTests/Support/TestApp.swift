import Fluent
import Foundation
import SQLKit
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Runs a test against a fresh Tre: an in-memory SQLite database, or, when `DATABASE_URL` is set,
/// a PostgreSQL schema of its own (created here, dropped afterwards), so tests run in parallel on both.
func withTreApp(_ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    let databaseURL = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let choice: DatabaseChoice = databaseURL.map { .postgres(url: $0, searchPath: schema) } ?? .sqliteInMemory
    do {
        // In-memory test requests have no peer address; trusting that empty peer as a proxy lets a
        // test say where a request comes from with X-Forwarded-For (WebClient's `address`).
        try await configure(app, AppOptions(database: choice, passwordCost: 4, trustedProxies: [""]))
        // Stopped, so that a wait the throttle imposes lasts however slowly the machine runs.
        app.signInClock.stop(at: Date())
        if databaseURL != nil {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        try await test(app)
    } catch {
        try await dropSchema(schema, app: app, databaseURL: databaseURL)
        try await app.asyncShutdown()
        throw error
    }
    try await dropSchema(schema, app: app, databaseURL: databaseURL)
    try await app.asyncShutdown()
}

private func dropSchema(_ schema: String, app: Application, databaseURL: String?) async throws {
    guard databaseURL != nil, let sql = app.db as? any SQLDatabase else { return }
    try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
}

/// Factory for accounts; the password is fixed so tests can sign in, and is not temporary unless asked.
/// A role that requires a second factor has one enrolled with `testTOTPSecret` unless told otherwise.
@discardableResult
func makeAccount(
    _ app: Application, _ username: String, role: Role, province: Int? = nil, commune: Int? = nil,
    password: String = testPassword, mustChange: Bool = false, secondFactor: Bool? = nil
) async throws -> UserAccount {
    var input = NewAccount(
        username: username, password: password, fullName: "Nguyễn Thị \(username)", role: role, provinceCode: province,
        communeCode: commune)
    input.mustChangePassword = mustChange
    let account = try await AccountService(database: app.db, hashing: app.passwordHashing).create(
        input, by: .system("test"))
    if secondFactor ?? role.requiresSecondFactor {
        account.totpSecret = testTOTPSecret
        account.totpEnrolledAt = Date()
        try await account.update(on: app.db)
    }
    return account
}

let testPassword = "mat-khau-an-toan-2026"
let testTOTPSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

/// A fresh code of `testTOTPSecret`: the app's second-factor clock moves on 30 seconds first, so
/// every call gives a code not used before, as the next half-minute would.
func nextTOTPCode(_ app: Application, secret: String = testTOTPSecret) -> String {
    app.signInClock.advance(by: TOTP.stepSeconds)
    return TOTP(base32: secret).map { $0.code(at: app.signInClock.now()) } ?? ""
}

/// Hà Nội (province 1) has Phường Ba Đình (4) and Phường Ngọc Hà (8); Cao Bằng is province 4.
enum Places {
    static let haNoi = 1
    static let caoBang = 4
    static let baDinh = 4
    static let ngocHa = 8
    /// A commune of Cao Bằng, looked up so the test does not depend on a hard-coded code.
    static func communeOfCaoBang(_ app: Application) async throws -> Int {
        try #require(try await UnitQueries.communesInForce(provinceCode: caoBang, on: app.db).first).code
    }
}
