import Fluent
import SQLKit

/// What differs between Tre's two databases, in one place. Everything else is one code path through Fluent
/// and SQLKit; a capability that needs a difference asks `database.treDialect` and never compares dialect names.
protocol DatabaseDialect: Sendable {
    /// Write transactions of this process take turns before they begin (SQLite has one writer; see
    /// `writeTransaction`). PostgreSQL locks rows, not the database.
    var writesTakeTurns: Bool { get }
    /// How many writers bulk work (demo data) may run at once and go faster for it.
    var usefulParallelWriters: Int { get }
    /// Holds a lock named `key` until the surrounding transaction ends, for rows that may not exist yet
    /// (sign-in throttling). On SQLite the write turns already make the transaction the only writer.
    func lockUntilTransactionEnds(_ key: String, on sql: any SQLDatabase) async throws
    /// Lets freshly written rows be read from their indexes alone (after the indicator refresh).
    func settleAfterBulkWrite(table: String, on sql: any SQLDatabase) async throws
}

struct SQLiteDialect: DatabaseDialect {
    var writesTakeTurns: Bool { true }
    var usefulParallelWriters: Int { 1 }
    func lockUntilTransactionEnds(_ key: String, on sql: any SQLDatabase) async throws {}
    func settleAfterBulkWrite(table: String, on sql: any SQLDatabase) async throws {}
}

struct PostgreSQLDialect: DatabaseDialect {
    var writesTakeTurns: Bool { false }
    var usefulParallelWriters: Int { 8 }

    func lockUntilTransactionEnds(_ key: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: key)))").run()
    }

    /// Fresh rows are not yet marked all-visible, so PostgreSQL would read the table behind every index entry;
    /// vacuuming lets the dashboards answer from the index alone (national dashboard at a million children:
    /// 70 → 19 ms).
    func settleAfterBulkWrite(table: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("VACUUM (ANALYZE) \(ident: table)").run()
    }
}

extension Database {
    /// The dialect of this database: the one place that tells the two apart.
    var treDialect: any DatabaseDialect {
        (self as? any SQLDatabase)?.dialect.name == "postgresql" ? PostgreSQLDialect() : SQLiteDialect()
    }
}

/// A check or write that needs SQL asked of a database that is not SQL (a stand-in in a test): refused, never
/// skipped, so nothing fails open.
struct SQLRequired: Error {}

extension Database {
    /// This database's SQL side: both of Tre's databases have one.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw SQLRequired() }
        return sql
    }
}
