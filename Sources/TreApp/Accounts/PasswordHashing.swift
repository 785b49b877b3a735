import Vapor

/// Bcrypt on the thread pool, so hashing (about a quarter of a second at cost 12) never blocks an
/// event loop. Tests use a lower cost; the production cost is fixed here, not configurable.
struct PasswordHashing: Sendable {
    static let productionCost = 12

    var cost: Int
    var threadPool: NIOThreadPool

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// A hash to verify against when the username is unknown, so that a wrong username takes as
    /// long as a wrong password and does not reveal which accounts exist.
    func dummyHash() async throws -> String {
        try await hash("not-a-real-password")
    }
}

extension Application {
    private struct PasswordHashingKey: StorageKey {
        typealias Value = PasswordHashing
    }

    var passwordHashing: PasswordHashing {
        get {
            storage[PasswordHashingKey.self]
                ?? PasswordHashing(cost: PasswordHashing.productionCost, threadPool: threadPool)
        }
        set { storage[PasswordHashingKey.self] = newValue }
    }
}
