import Fluent
import SQLKit

extension Database {
    /// A transaction that writes. On SQLite, Tre's write transactions take turns in the order they
    /// arrive, before they begin, instead of meeting at SQLite's lock: there a waiting writer sleeps
    /// 1, 2, 5… up to 100 ms between tries, so under load some waited seconds while later ones went
    /// first (bench/run: requests past wrk's 2-second limit at 16 connections), and one waiting behind
    /// the indicator refresh failed after the busy timeout. PostgreSQL locks rows, not the database,
    /// and needs no turn. A transaction inside another one is already in its turn.
    func writeTransaction<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, treDialect.writesTakeTurns else {
            return try await transaction(work)
        }
        await SQLiteWriteTurns.shared.wait()
        do {
            let result = try await transaction(work)
            await SQLiteWriteTurns.shared.done()
            return result
        } catch {
            await SQLiteWriteTurns.shared.done()
            throw error
        }
    }
}

/// First come, first served: one SQLite write transaction of this process at a time.
actor SQLiteWriteTurns {
    static let shared = SQLiteWriteTurns()
    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard taken else {
            taken = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func done() {
        if waiting.isEmpty {
            taken = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
