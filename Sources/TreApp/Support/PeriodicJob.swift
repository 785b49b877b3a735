import Fluent
import Vapor

/// Background work the server repeats while it runs (sealing the audit trail, escalating passed
/// deadlines). A failed turn is logged and retried at the next; `onShutdown` runs once at the end.
final class PeriodicJob: LifecycleHandler, @unchecked Sendable {
    private let name: String
    private let interval: Duration
    private let work: @Sendable (any Database) async throws -> Void
    private let onShutdown: (@Sendable (any Database) async throws -> Void)?
    private let databaseID: DatabaseID?
    private var task: Task<Void, Never>?

    /// - Parameter databaseID: a pool of its own for long work, so that requests never wait for its
    ///   connection; nil for the application's pool.
    init(
        _ name: String, every interval: Duration, on databaseID: DatabaseID? = nil,
        work: @escaping @Sendable (any Database) async throws -> Void,
        onShutdown: (@Sendable (any Database) async throws -> Void)? = nil
    ) {
        self.databaseID = databaseID
        self.name = name
        self.interval = interval
        self.work = work
        self.onShutdown = onShutdown
    }

    func didBootAsync(_ application: Application) async throws {
        let database = application.db(databaseID)
        let logger = application.logger
        let (name, interval, work) = (self.name, self.interval, self.work)
        task = Task {
            while !Task.isCancelled {
                do {
                    try await work(database)
                } catch {
                    // Another node did the same work first, or the database is away: the next turn retries.
                    logger.debug("\(name) deferred: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
        try? await onShutdown?(application.db)
    }
}
