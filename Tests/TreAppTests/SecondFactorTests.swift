import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct SecondFactorTests {
    @Test func aCounsellorWithoutSecondFactorIsSentToEnrolThenSignsInWithACode() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tongdai.an", role: .hotlineCounsellor, secondFactor: false)
            let browser = WebClient(app)
            let signedIn = try await browser.signIn("tongdai.an")
            #expect(signedIn.headers.first(name: .location) == "/account/second-factor")
            for path in ["/", "/hotline", "/account/sessions"] {
                let refused = try await browser.get(path)
                #expect(refused.headers.first(name: .location) == "/account/second-factor", "\(path)")
            }
            let withoutToken = try await app.testing().sendRequest(
                .POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"username":"tongdai.an","password":"\#(testPassword)"}"#))
            #expect(withoutToken.status == .forbidden)

            let page = try await browser.get("/account/second-factor")
            #expect(page.body.string.contains(#"id="second-factor-required""#))
            let secret = try #require(Self.text(in: page.body.string, after: #"id="totp-secret" class="secret">"#))
                .replacingOccurrences(of: " ", with: "")
            #expect(secret.count == 32)
            #expect(page.body.string.contains("otpauth://totp/Tre%3Atongdai.an?secret=\(secret)"))

            let wrong = try await browser.post("/account/second-factor", ["code": "000000"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await browser.get("/").status == .seeOther)

            let confirmed = try await browser.post(
                "/account/second-factor", ["code": nextTOTPCode(app, secret: secret)])
            #expect(confirmed.status == .ok)
            let codes = Self.recoveryCodes(in: confirmed.body.string)
            #expect(codes.count == 10)
            #expect(try await browser.get("/").status == .ok)
            #expect(
                try await browser.get("/account/second-factor").body.string.contains(#"id="unused-recovery-codes">10<"#)
            )

            // Next time: password, then code.
            try await browser.post("/logout", [:])
            try await browser.get("/login")
            let password = try await browser.post("/login", ["username": "tongdai.an", "password": testPassword])
            #expect(password.headers.first(name: .location) == "/login/code")
            #expect(try await browser.get("/").status == .seeOther, "the password alone opens nothing")
            try await browser.get("/login/code")
            let badCode = try await browser.post("/login/code", ["code": "123456"])
            #expect(badCode.status == .unauthorized)
            #expect(badCode.body.string.contains("Mã xác thực không đúng"))
            let code = nextTOTPCode(app, secret: secret)
            let good = try await browser.post("/login/code", ["code": code])
            #expect(good.headers.first(name: .location) == "/")
            #expect(try await browser.get("/hotline").status == .ok)

            // The same code is not accepted twice.
            let again = WebClient(app)
            try await again.get("/login")
            try await again.post("/login", ["username": "tongdai.an", "password": testPassword])
            try await again.get("/login/code")
            #expect(try await again.post("/login/code", ["code": code]).status == .unauthorized)

            let actions = try await AuditEntry.query(on: app.db).all(\.$action)
            #expect(actions.contains("account.second_factor_enrolled"))
            #expect(actions.contains("login.second_factor_failed"))
        }
    }

    @Test func aRecoveryCodeWorksOnce() async throws {
        try await withTreApp { app in
            try await makeAccount(
                app, "tinh.hanoi", role: .provincialOfficer, province: Places.haNoi, secondFactor: false)
            let browser = WebClient(app)
            try await browser.signIn("tinh.hanoi")
            let page = try await browser.get("/account/second-factor")
            let secret = try #require(Self.text(in: page.body.string, after: #"id="totp-secret" class="secret">"#))
            let codes = Self.recoveryCodes(
                in: try await browser.post("/account/second-factor", ["code": nextTOTPCode(app, secret: secret)]).body
                    .string)
            let code = try #require(codes.first)

            func signInWithRecovery() async throws -> TestingHTTPResponse {
                let other = WebClient(app)
                try await other.get("/login")
                try await other.post("/login", ["username": "tinh.hanoi", "password": testPassword])
                try await other.get("/login/code")
                return try await other.post("/login/code", ["code": code.uppercased()])
            }
            #expect(try await signInWithRecovery().headers.first(name: .location) == "/")
            #expect(try await signInWithRecovery().status == .unauthorized)
            #expect(
                try await browser.get("/account/second-factor").body.string.contains(#"id="unused-recovery-codes">9<"#))
        }
    }

    @Test func anAPITokenForAnEnrolledAccountNeedsTheCode() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "phan.tich", role: .nationalAnalyst)
            let withoutCode = try await app.testing().sendRequest(
                .POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"username":"phan.tich","password":"\#(testPassword)"}"#))
            #expect(withoutCode.status == .unauthorized)
            #expect(try withoutCode.content.decode(APIErrorBody.self).error.code == "invalid_code")
            let token = try await apiToken(app, "phan.tich")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token)).status == .ok)
        }
    }

    @Test func anAdministratorResetsASecondFactorAndThePersonEnrolsAgain() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let person = try await makeAccount(app, "tongdai.binh", role: .hotlineCounsellor)
            let counsellor = WebClient(app)
            try await counsellor.signIn("tongdai.binh")
            #expect(try await counsellor.get("/hotline").status == .ok)
            let token = try await apiToken(app, "tongdai.binh")

            let admin = WebClient(app)
            try await admin.signIn("quantri")
            try await admin.get("/admin/users/\(try person.requireID())")
            let reset = try await admin.post("/admin/users/\(try person.requireID())/second-factor/reset", [:])
            #expect(reset.status == .seeOther)

            #expect(try await counsellor.get("/hotline").headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token)).status == .unauthorized)
            let again = WebClient(app)
            #expect(try await again.signIn("tongdai.binh").headers.first(name: .location) == "/account/second-factor")
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "account.second_factor_reset").first())
            #expect(entry.actorUsername == "quantri")
        }
    }

    static func text(in html: String, after marker: String) -> String? {
        guard let start = html.range(of: marker), let end = html[start.upperBound...].range(of: "<") else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    static func recoveryCodes(in html: String) -> [String] {
        html.components(separatedBy: "<li><code>").dropFirst().compactMap { $0.components(separatedBy: "<").first }
    }
}
