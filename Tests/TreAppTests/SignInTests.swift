import Fluent
import Testing
import VaporTesting

@testable import TreApp

@Suite struct SignInTests {
    @Test func aPersonSignsInAndSeesTheirHomePage() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.get("/login")
            let sessionBeforeSignIn = try #require(browser.cookies["tre-session"])
            let answer = try await browser.signIn("xa4")
            #expect(answer.status == .seeOther)
            #expect(browser.cookies["tre-session"] != sessionBeforeSignIn, "signing in starts a new session")
            #expect(answer.headers.first(name: .location) == "/")
            let cookie = try #require(answer.headers[.setCookie].first { $0.hasPrefix("tre-session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))

            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Nguyễn Thị xa4"))
            #expect(home.body.string.contains("Phường Ba Đình, Thành phố Hà Nội"))
        }
    }

    @Test func aWrongPasswordIsRefusedInVietnameseAndKeepsTheUsername() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            let answer = try await browser.signIn("xa4", "sai-mat-khau-roi")
            #expect(answer.status == .unauthorized)
            #expect(answer.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            #expect(answer.body.string.contains(#"value="xa4""#))
            #expect(try await browser.get("/").status == .seeOther)  // still not signed in
        }
    }

    @Test func aTemporaryPasswordMustBeChangedBeforeAnythingElse() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "moi", role: .communeOfficer, commune: Places.baDinh, mustChange: true)
            let browser = WebClient(app)
            let answer = try await browser.signIn("moi")
            #expect(answer.headers.first(name: .location) == "/account/password")
            let home = try await browser.get("/")
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location) == "/account/password")

            let tooShort = try await browser.post(
                "/account/password",
                ["currentPassword": testPassword, "newPassword": "ngan", "confirmPassword": "ngan"])
            #expect(tooShort.status == .unprocessableEntity)
            #expect(tooShort.body.string.contains("ít nhất 10 ký tự"))

            let changed = try await browser.post(
                "/account/password",
                [
                    "currentPassword": testPassword, "newPassword": "mat-khau-moi-2026",
                    "confirmPassword": "mat-khau-moi-2026",
                ])
            #expect(changed.status == .ok)
            #expect(try await browser.get("/").status == .ok)

            let again = WebClient(app)
            #expect(try await again.signIn("moi", "mat-khau-moi-2026").headers.first(name: .location) == "/")
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            #expect(try await browser.get("/").status == .ok)
            try await browser.post("/logout", [:])
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func theLanguageSwitchIsRemembered() async throws {
        try await withTreApp { app in
            let browser = WebClient(app)
            #expect(try await browser.get("/login").body.string.contains("Đăng nhập"))
            let switched = try await browser.get("/lang/en?back=%2Flogin")
            #expect(switched.headers.first(name: .location) == "/login")
            let english = try await browser.get("/login")
            #expect(english.body.string.contains("Sign in"))
            #expect(english.body.string.contains(#"<html lang="en">"#))
            // A redirect target outside the site is ignored.
            #expect(try await browser.get("/lang/vi?back=%2F%2Fevil.example").headers.first(name: .location) == "/")
        }
    }
}
