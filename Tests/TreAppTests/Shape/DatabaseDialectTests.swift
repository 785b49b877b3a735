import Fluent
import Foundation
import SQLKit
import Testing

@testable import TreApp

/// Each database's differences, run on the database the suite runs on (SQLite, or PostgreSQL with
/// `DATABASE_URL`): CI runs the suite on both, so both implementations are tested.
@Suite struct DatabaseDialectTests {
    @Test func theDialectIsTheDatabasesOwnAndDoesWhatItSays() async throws {
        try await withTreApp { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let onPostgreSQL = ProcessInfo.processInfo.environment["DATABASE_URL"].map { !$0.isEmpty } ?? false
            let dialect = app.db.treDialect
            #expect((dialect is PostgreSQLDialect) == onPostgreSQL)
            #expect(dialect.writesTakeTurns == !onPostgreSQL)
            #expect(dialect.usefulParallelWriters == (onPostgreSQL ? 8 : 1))

            // The lock is taken inside a transaction and let go when it ends: a second transaction can take it.
            for _ in 0..<2 {
                try await app.db.writeTransaction { database in
                    let sql = try #require(database as? any SQLDatabase)
                    try await database.treDialect.lockUntilTransactionEnds("tre-test-key", on: sql)
                }
            }
            try await dialect.settleAfterBulkWrite(table: AuditEntry.schema, on: sql)
        }
    }

    /// On PostgreSQL the lock really holds: a second connection cannot take it while the first holds it.
    @Test func onPostgreSQLTheLockHoldsAgainstAnotherConnection() async throws {
        guard ProcessInfo.processInfo.environment["DATABASE_URL"].map({ !$0.isEmpty }) == true else { return }
        try await withTreApp { app in
            try await app.db.transaction { first in
                let sql = try #require(first as? any SQLDatabase)
                try await PostgreSQLDialect().lockUntilTransactionEnds("tre-held", on: sql)
                // Another pool, so another connection: the request pool has one connection per event loop, and
                // asking it again here could wait for the very connection this transaction holds.
                let other = try #require(app.db(.background) as? any SQLDatabase)
                let row = try await other.raw("SELECT pg_try_advisory_xact_lock(hashtext('tre-held')) AS taken")
                    .first()
                #expect(try row?.decode(column: "taken", as: Bool.self) == false)
            }
        }
    }
}
