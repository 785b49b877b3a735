import Fluent
import Vapor

/// Seals the audit trail every two seconds while the server runs, so an entry is tamper-evident
/// moments after it is written without any writer waiting for the chain.
final class AuditSealingService: LifecycleHandler, @unchecked Sendable {
    static let interval: Duration = .seconds(2)
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        let database = application.db
        let logger = application.logger
        task = Task {
            while !Task.isCancelled {
                do {
                    try await AuditSealer.sealAll(on: database)
                } catch {
                    // Another node sealed the same entries first; the next turn continues from its head.
                    logger.debug("audit sealing deferred: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
        try? await AuditSealer.sealAll(on: application.db)
    }
}
