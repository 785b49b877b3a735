import FluentSQLiteDriver
import SQLKit

extension SQLDatabase {
    /// Hands each row to `onRow` as the database produces it, one at a time.
    ///
    /// On SQLite, SQLKit's `run { row in }` goes through SQLiteNIO's future-based query, which queues
    /// every row on the event loop as its own task while the reading thread races ahead: reading the 1.25
    /// million stored indicator figures at a million children held most of them in memory at once (the
    /// server's peak grew by 200 MiB). SQLiteNIO's async query on the connection calls back in step.
    func streamRows(_ query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard let sqlite = self as? any SQLiteDatabase else {
            try await execute(sql: query, onRow)
            return
        }
        let (text, binds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        let values = try binds.map { try encoder.encode($0) }
        let decoder = SQLiteDataDecoder()
        try await sqlite.withConnection { connection in
            try await connection.query(text, values) { row in onRow(row.sql(decoder: decoder)) }
        }
    }
}

extension SQLDatabase {
    /// `streamRows` for a body that may throw: after the first error the remaining rows are skipped and the
    /// error is thrown when the reading ends. The body runs for one row at a time, in order.
    func forEachRow(_ query: any SQLExpression, _ body: @escaping (any SQLRow) throws -> Void) async throws {
        let failure = FirstFailure()
        nonisolated(unsafe) let body = body
        try await streamRows(query) { row in
            guard failure.error == nil else { return }
            do { try body(row) } catch { failure.error = error }
        }
        if let error = failure.error { throw error }
    }
}

/// Rows are handed over one after another, never at once, so the first error needs no lock.
private final class FirstFailure: @unchecked Sendable {
    var error: (any Error)?
}
