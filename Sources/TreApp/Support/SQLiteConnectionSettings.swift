import Fluent
import SQLKit
import Vapor

/// Settings SQLite keeps per connection, set on each of Tre's connections once the application boots.
///
/// **busy_timeout**: a connection that finds the write lock taken sleeps and retries, rather than spins.
/// SQLiteNIO installs a busy handler that retries at once. While one connection commits, another
/// waiting to write then burns a core asking again; on two cores that took half of all CPU under
/// concurrent writes (perf: `btreeBeginTrans` 36% of `tre serve` during `POST /api/v1/contacts`).
/// `busy_timeout` replaces that handler with SQLite's own, which sleeps 1, 2, 5… ms between tries and
/// gives up after the timeout with "database is locked": a minute, longer than the indicator refresh
/// holds the lock at a million children. Tre's own write transactions take turns before they begin
/// (`writeTransaction`); this covers single statements and other processes (`tre import`).
///
/// **cache_size**: 16 MiB of pages instead of 2. An import writes all its rows in one transaction;
/// with the default cache SQLite spilled dirty pages to the log mid-transaction (`pagerStress`).
///
/// Fluent opens one connection per event loop and keeps it, so setting them on each pool once the
/// application boots reaches every connection; one reopened after an error has SQLite's defaults
/// again: slower, not wrong.
struct SQLiteConnectionSettings: LifecycleHandler {
    static let statements = ["PRAGMA busy_timeout = 60000", "PRAGMA cache_size = -16384"]
    let databaseIDs: [DatabaseID]

    func didBootAsync(_ application: Application) async throws {
        for databaseID in databaseIDs {
            for eventLoop in application.eventLoopGroup.makeIterator() {
                guard
                    let sql = application.databases.database(databaseID, logger: application.logger, on: eventLoop)
                        as? any SQLDatabase
                else { continue }
                for statement in Self.statements { try await sql.raw(SQLQueryString(statement)).run() }
            }
        }
    }
}
