import Fluent
import Foundation
import Testing
import VaporTesting

@testable import TreApp

@Suite struct SignInThrottlingTests {
    @Test func twentyRapidWrongPasswordsAreThrottledWhileTheOwnerSignsInFromElsewhere() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let attacker = WebClient(app)
            attacker.address = "203.0.113.66"
            try await attacker.get("/login")
            let checkedBefore = app.passwordHashing.verifications.value
            var statuses: [HTTPStatus] = []
            var throttled: TestingHTTPResponse?
            for _ in 1...20 {
                let answer = try await attacker.post("/login", ["username": "xa4", "password": "sai-mat-khau-roi"])
                statuses.append(answer.status)
                if answer.status == .tooManyRequests { throttled = answer }
            }
            #expect(statuses.prefix(3) == [.unauthorized, .unauthorized, .unauthorized])
            #expect(statuses.dropFirst(3).allSatisfy { $0 == .tooManyRequests }, "\(statuses)")
            #expect(app.passwordHashing.verifications.value - checkedBefore == 3, "throttled attempts are not checked")
            let answer = try #require(throttled)
            #expect(Int(answer.headers.first(name: .retryAfter) ?? "") ?? 0 >= 1)
            #expect(answer.body.string.contains("Hãy chờ"))
            // Even the right password is not checked from the throttled address.
            #expect(
                try await attacker.post("/login", ["username": "xa4", "password": testPassword]).status
                    == .tooManyRequests)

            // The owner, at the commune office, is not held up at all.
            let owner = WebClient(app)
            owner.address = "198.51.100.5"
            let signedIn = try await owner.signIn("xa4")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers.first(name: .location) == "/")
            #expect(try await owner.get("/").status == .ok)

            // The API's token door shares the count.
            let token = try await app.testing().sendRequest(
                .POST, "/api/v1/auth/token",
                headers: ["Content-Type": "application/json", "X-Forwarded-For": "203.0.113.66"],
                body: ByteBuffer(string: #"{"username":"xa4","password":"\#(testPassword)"}"#))
            #expect(token.status == .tooManyRequests)
            #expect(token.headers.first(name: .retryAfter) != nil)
            #expect(try token.content.decode(APIErrorBody.self).error.code == "too_many_attempts")
        }
    }

    @Test func anAddressTryingManyUsernamesIsSlowedToo() async throws {
        try await withTreApp { app in
            let attacker = WebClient(app)
            attacker.address = "203.0.113.67"
            try await attacker.get("/login")
            var statuses: [HTTPStatus] = []
            for index in 1...12 {
                statuses.append(
                    try await attacker.post("/login", ["username": "nguoi\(index)", "password": "sai-mat-khau-roi"])
                        .status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unauthorized })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test func unknownAndKnownUsernamesGetTheSameAnswerAndTheSameCheck() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.get("/login")

            let before = app.passwordHashing.verifications.value
            let known = try await browser.post("/login", ["username": "xa4", "password": "sai-mat-khau-roi"])
            #expect(app.passwordHashing.verifications.value == before + 1)
            let unknown = try await browser.post(
                "/login", ["username": "khong-co-ai", "password": "sai-mat-khau-roi"])
            #expect(
                app.passwordHashing.verifications.value == before + 2,
                "an unknown username costs a password verification too")
            #expect(known.status == unknown.status)
            #expect(errorMessage(known) == errorMessage(unknown))
            #expect(errorMessage(known) == "Tên đăng nhập hoặc mật khẩu không đúng.")

            // The same number of failures slows both alike; neither ever answers "locked".
            for username in ["xa4", "khong-co-ai"] {
                let other = WebClient(app)
                other.address = "192.0.2.\(username.count)"
                try await other.get("/login")
                var statuses: [HTTPStatus] = []
                for _ in 1...4 {
                    statuses.append(
                        try await other.post("/login", ["username": username, "password": "sai-mat-khau-roi"]).status)
                }
                #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .tooManyRequests], "\(username)")
            }
        }
    }

    @Test func parallelAttemptsAreNotAllCheckedBeforeTheCountCatchesUp() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let before = app.passwordHashing.verifications.value
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 1...20 {
                    group.addTask {
                        try await app.testing().sendRequest(
                            .POST, "/api/v1/auth/token",
                            headers: ["Content-Type": "application/json", "X-Forwarded-For": "203.0.113.70"],
                            body: ByteBuffer(string: #"{"username":"xa4","password":"sai-mat-khau-roi"}"#)
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            let checked = app.passwordHashing.verifications.value - before
            #expect(checked <= 10, "\(checked) of 20 parallel attempts were checked")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 20 - checked, "\(statuses)")
        }
    }

    @Test func oldCountsAndExpiredSessionsAreForgotten() async throws {
        try await withTreApp { app in
            let account = try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let now = Date()
            try await SignInThrottleRecord(
                key: "address:203.0.113.1", failures: 12, lastFailureAt: now.addingTimeInterval(-7200),
                blockedUntil: now.addingTimeInterval(-6000)
            ).create(on: app.db)
            try await SignInThrottleRecord(
                key: "address:203.0.113.2", failures: 12, lastFailureAt: now, blockedUntil: now.addingTimeInterval(60)
            ).create(on: app.db)
            try await AccountSession(
                userID: try account.requireID(), address: "a", userAgent: "", now: now.addingTimeInterval(-11 * 3600)
            ).create(on: app.db)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            try await SignInHousekeeping.run(on: app.db, now: now)
            #expect(try await SignInThrottleRecord.query(on: app.db).all(\.$key) == ["address:203.0.113.2"])
            #expect(try await AccountSession.query(on: app.db).count() == 1)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    private func errorMessage(_ response: TestingHTTPResponse) -> String? {
        let html = response.body.string
        guard let start = html.range(of: #"id="login-error">"#), let end = html[start.upperBound...].range(of: "<")
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
