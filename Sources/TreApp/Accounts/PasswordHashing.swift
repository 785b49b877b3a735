import NIOConcurrencyHelpers
import Vapor

/// Bcrypt on the thread pool, so hashing (about a quarter of a second at cost 12) never blocks an
/// event loop. Tests use a lower cost; the production cost is fixed here, not configurable.
struct PasswordHashing: Sendable {
    static let productionCost = 12

    var cost: Int
    var threadPool: NIOThreadPool
    /// Made once at start-up with the same cost: hashing it anew for each unknown username made
    /// those answers take twice as long as a wrong password for a real account.
    var dummy: String?
    /// How many passwords were checked, so a test can see that an unknown username is checked too.
    var verifications = VerificationCount()

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        verifications.increment()
        return try await threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// A hash to verify against when the username is unknown, so that a wrong username takes as
    /// long as a wrong password and does not reveal which accounts exist.
    func dummyHash() async throws -> String {
        if let dummy { return dummy }
        return try await hash("not-a-real-password")
    }
}

final class VerificationCount: Sendable {
    private let count = NIOLockedValueBox(0)

    var value: Int { count.withLockedValue { $0 } }

    func increment() { count.withLockedValue { $0 += 1 } }
}

extension Application {
    private struct PasswordHashingKey: StorageKey {
        typealias Value = PasswordHashing
    }

    var passwordHashing: PasswordHashing {
        get {
            storage[PasswordHashingKey.self]
                ?? PasswordHashing(cost: PasswordHashing.productionCost, threadPool: threadPool, dummy: nil)
        }
        set { storage[PasswordHashingKey.self] = newValue }
    }
}
