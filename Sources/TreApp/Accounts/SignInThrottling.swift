import Fluent
import Foundation
import NIOConcurrencyHelpers
import TreDomain
import Vapor

/// A sign-in attempt refused unchecked because too many failed from the same place.
struct SignInThrottled: Error, LocalizedFailure {
    var retryAfterSeconds: Int

    var code: String { "too_many_attempts" }
    var message: LocalizedText {
        LocalizedText(
            vi:
                "Đã nhập sai nhiều lần từ máy này. Hãy chờ \(retryAfterSeconds) giây rồi thử lại; lần thử này chưa được kiểm tra.",
            en:
                "Too many failed attempts from this device. Wait \(retryAfterSeconds) seconds and try again; this attempt was not checked."
        )
    }

    /// The answer: 429 with `Retry-After`, JSON for the API.
    func response(for request: Request) throws -> Response {
        let response = try jsonError(status: .tooManyRequests, code: code, message: message(request.language))
        response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfterSeconds))
        return response
    }
}

/// Counts failed sign-ins per (username, address) and per address, in the database, and says how
/// long an address must wait. See `SignInThrottle` for why there is no per-account lock.
struct SignInThrottling: Sendable {
    var database: any Database
    var pair = SignInThrottle.perAccountAndAddress
    var perAddress = SignInThrottle.perAddress

    private func keys(username: String, address: String) -> [(String, SignInThrottle)] {
        let username = String(username.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
        return [("pair:\(username)|\(address)", pair), ("address:\(address)", perAddress)]
    }

    /// Throws `SignInThrottled` when either count still asks this address to wait.
    func check(username: String, address: String, now: Date = Date()) async throws {
        let names = keys(username: username, address: address).map(\.0)
        let records = try await SignInThrottleRecord.query(on: database).filter(\.$key ~~ names).all()
        let wait = (records.map(\.blockedUntil).max() ?? now).timeIntervalSince(now)
        // Stored dates may come back a hair later than written (SQLite keeps them as floating point).
        if wait > 0.01 {
            throw SignInThrottled(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
        }
    }

    func recordFailure(username: String, address: String, now: Date = Date()) async throws {
        for (key, rule) in keys(username: username, address: address) {
            try await database.writeTransaction { database in
                if let record = try await SignInThrottleRecord.query(on: database).filter(\.$key == key).first() {
                    record.failures = rule.failuresAfterOneMore(
                        previous: record.failures, lastFailureAt: record.lastFailureAt, now: now)
                    record.lastFailureAt = now
                    record.blockedUntil = now.addingTimeInterval(rule.delay(afterFailures: record.failures))
                    try await record.update(on: database)
                } else {
                    try await SignInThrottleRecord(
                        key: key, failures: 1, lastFailureAt: now,
                        blockedUntil: now.addingTimeInterval(rule.delay(afterFailures: 1))
                    ).create(on: database)
                }
            }
        }
    }

    /// The person got in: their own count from this address starts again. The address's count is
    /// kept, so an attacker cannot wipe it by signing in to an account of their own.
    func recordSuccess(username: String, address: String) async throws {
        let key = keys(username: username, address: address)[0].0
        try await SignInThrottleRecord.query(on: database).filter(\.$key == key).delete()
    }
}

extension Application {
    private struct TrustedProxiesKey: StorageKey {
        typealias Value = Set<String>
    }

    var trustedProxies: Set<String> {
        get { storage[TrustedProxiesKey.self] ?? [] }
        set { storage[TrustedProxiesKey.self] = newValue }
    }

    private struct SignInClockKey: StorageKey {
        typealias Value = SignInClock
    }

    /// The clock sign-in waits and second-factor codes are measured by. Tests stop it, so that a
    /// slow machine does not end a wait, and move it 30 s for each code, as real time would.
    var signInClock: SignInClock {
        if let clock = storage[SignInClockKey.self] { return clock }
        let clock = SignInClock()
        storage[SignInClockKey.self] = clock
        return clock
    }
}

final class SignInClock: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)
    private let stopped = NIOLockedValueBox<Date?>(nil)

    func now() -> Date {
        (stopped.withLockedValue { $0 } ?? Date()).addingTimeInterval(offset.withLockedValue { $0 })
    }

    func advance(by seconds: TimeInterval) {
        offset.withLockedValue { $0 += seconds }
    }

    func stop(at date: Date) {
        stopped.withLockedValue { $0 = date }
    }
}

/// The shipped list of common and leaked passwords, read once per process.
enum CommonPasswordsFile {
    static let name = "common-passwords.txt"
    static let shared: Set<String> = (try? load()) ?? []

    /// Start-up stops when the list is missing rather than quietly accepting every password.
    static func check() throws {
        guard shared.count > 1000 else {
            throw Abort(.internalServerError, reason: "\(ResourceDirectories.data)\(name) is missing or empty")
        }
    }

    static func load() throws -> Set<String> {
        let text = try String(contentsOfFile: ResourceDirectories.data + name, encoding: .utf8)
        return Set(
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty && !$0.hasPrefix("#")
            })
    }
}

extension Request {
    /// The client's address: the peer, or the address a trusted proxy forwarded.
    var clientAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers.first(name: "X-Forwarded-For"),
            trustedProxies: application.trustedProxies)
    }

    var signInThrottling: SignInThrottling { SignInThrottling(database: db) }

    var signInNow: Date { application.signInClock.now() }
}

/// Forgets what no longer matters: failure counts older than any rule remembers them, and sessions
/// past their lifetime (their browsers are signed out already).
enum SignInHousekeeping {
    static func run(on database: any Database, now: Date = Date()) async throws {
        let forget = max(SignInThrottle.perAccountAndAddress.forgetAfter, SignInThrottle.perAddress.forgetAfter)
        try await SignInThrottleRecord.query(on: database)
            .filter(\.$lastFailureAt < now.addingTimeInterval(-forget))
            .filter(\.$blockedUntil < now)
            .delete()
        try await AccountSession.query(on: database)
            .filter(\.$startedAt < now.addingTimeInterval(-PrincipalMiddleware.sessionLifetime))
            .delete()
    }
}
