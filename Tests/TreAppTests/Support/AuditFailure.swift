import SQLKit
import Testing
import Vapor

@testable import TreApp

/// Runs `body` while the audit trail cannot be written (its table is moved aside), so a service write that
/// records its audit entry in the same transaction must fail whole: the test then checks that neither the
/// record nor an entry was kept. The table is put back whatever happens.
func whileAuditCannotBeWritten(_ app: Application, _ body: () async throws -> Void) async throws {
    let sql = try #require(app.db as? any SQLDatabase)
    try await sql.raw("ALTER TABLE audit_entries RENAME TO audit_entries_away").run()
    do {
        try await body()
    } catch {
        try await sql.raw("ALTER TABLE audit_entries_away RENAME TO audit_entries").run()
        throw error
    }
    try await sql.raw("ALTER TABLE audit_entries_away RENAME TO audit_entries").run()
}
