import Foundation

/// How failed sign-ins slow whoever makes them. Failures are counted per (username, client address)
/// and per client address, never per account alone: an attacker's failures slow the attacker's
/// address, while the owner signing in from anywhere else is not held up. Nothing is ever locked;
/// each failure beyond the free ones doubles the wait before the next attempt is even checked.
public struct SignInThrottle: Sendable, Equatable {
    /// Failures allowed before the first wait.
    public var freeFailures: Int
    /// The first wait; each further failure doubles it.
    public var firstDelay: TimeInterval
    public var maximumDelay: TimeInterval
    /// A count untouched this long starts again from zero.
    public var forgetAfter: TimeInterval

    /// One person mistyping: three tries at once, then 5 s, 10 s, 20 s … up to 15 minutes.
    public static let perAccountAndAddress = SignInThrottle(
        freeFailures: 3, firstDelay: 5, maximumDelay: 15 * 60, forgetAfter: 3600)
    /// One address trying many usernames. An office behind one address gets more free failures.
    public static let perAddress = SignInThrottle(
        freeFailures: 10, firstDelay: 5, maximumDelay: 15 * 60, forgetAfter: 3600)

    public init(freeFailures: Int, firstDelay: TimeInterval, maximumDelay: TimeInterval, forgetAfter: TimeInterval) {
        self.freeFailures = freeFailures
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.forgetAfter = forgetAfter
    }

    /// The wait after this many consecutive failures.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        let doublings = min(failures - freeFailures, 30)
        return min(firstDelay * pow(2, Double(doublings)), maximumDelay)
    }

    /// The count after one more failure, given the count and when the previous failure was.
    public func failuresAfterOneMore(previous: Int, lastFailureAt: Date?, now: Date) -> Int {
        guard let lastFailureAt, now.timeIntervalSince(lastFailureAt) < forgetAfter else { return 1 }
        return previous + 1
    }
}

/// The address a request comes from. Behind a reverse proxy the peer is the proxy, so the client's
/// own address is taken from `X-Forwarded-For`, but only when the peer is a proxy Tre was told to
/// trust: anyone else could write any address there and escape the throttle.
public enum ClientAddress {
    public static func resolve(peer: String?, forwardedFor: String?, trustedProxies: Set<String>) -> String {
        let peer = peer ?? ""
        guard trustedProxies.contains(peer), let forwardedFor else { return peer.isEmpty ? "unknown" : peer }
        // The proxy appends the address it saw, so the last entry is the one to believe.
        let last = forwardedFor.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !last.isEmpty, last.count <= 45, last.allSatisfy({ $0.isHexDigit || ".:".contains($0) }) else {
            return peer.isEmpty ? "unknown" : peer
        }
        return last
    }
}
