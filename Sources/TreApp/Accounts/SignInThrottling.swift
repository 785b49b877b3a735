import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
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

    /// Admits an attempt, or throws `SignInThrottled` when either count still asks this address to
    /// wait. An admitted attempt is counted as failed *before* the (slow) password or code check, in
    /// the same transaction as the look, so that requests sent in parallel, to any node, cannot all
    /// be checked inside one check's quarter second; `release` takes it back when it succeeds.
    func admit(username: String, address: String, now: Date = Date()) async throws {
        let entries = keys(username: username, address: address)
        let wait = try await database.writeTransaction { database in
            // Row locks cannot hold a row not yet inserted; a lock per key can.
            if let sql = database as? any SQLDatabase {
                for key in entries.map(\.0).sorted() {
                    try await database.treDialect.lockUntilTransactionEnds(key, on: sql)
                }
            }
            let records = try await SignInThrottleRecord.query(on: database).filter(\.$key ~~ entries.map(\.0)).all()
            let wait = (records.map(\.blockedUntil).max() ?? now).timeIntervalSince(now)
            // Stored dates may come back a hair later than written (SQLite keeps them as floating point).
            guard wait <= 0.01 else { return wait }
            for (key, rule) in entries {
                if let record = records.first(where: { $0.key == key }) {
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
            return 0
        }
        if wait > 0.01 {
            throw SignInThrottled(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
        }
    }

    /// The attempt succeeded: the person's own count from this address starts again, and the
    /// address's count loses the attempt reserved for it (it was not waiting, or the attempt
    /// would not have been checked). The rest of the address's count is kept, so an attacker
    /// cannot wipe it by signing in to an account of their own.
    func release(username: String, address: String, now: Date = Date()) async throws {
        let pairs = keys(username: username, address: address)
        try await SignInThrottleRecord.query(on: database).filter(\.$key == pairs[0].0).delete()
        try await database.writeTransaction { database in
            guard let record = try await SignInThrottleRecord.query(on: database).filter(\.$key == pairs[1].0).first()
            else { return }
            guard record.failures > 1 else { return try await record.delete(on: database) }
            record.failures -= 1
            record.blockedUntil = now
            try await record.update(on: database)
        }
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
