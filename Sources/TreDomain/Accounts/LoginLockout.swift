import Foundation

/// How repeated failed logins lock an account: enough to stop guessing, short enough that a
/// counsellor who mistypes on a night shift is not locked out until morning.
public struct LoginLockout: Sendable, Equatable {
    public var maximumFailures: Int
    public var lockDuration: TimeInterval

    public static let standard = LoginLockout(maximumFailures: 5, lockDuration: 15 * 60)

    public init(maximumFailures: Int, lockDuration: TimeInterval) {
        self.maximumFailures = maximumFailures
        self.lockDuration = lockDuration
    }

    /// The state after one more failed attempt: the count grows, and reaching the maximum locks.
    public func afterFailure(failures: Int, now: Date) -> (failures: Int, lockedUntil: Date?) {
        let count = failures + 1
        return count >= maximumFailures ? (0, now.addingTimeInterval(lockDuration)) : (count, nil)
    }

    public func isLocked(lockedUntil: Date?, now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return lockedUntil > now
    }
}
