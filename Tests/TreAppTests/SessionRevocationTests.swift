import Fluent
import Foundation
import Testing
import VaporTesting

@testable import TreApp

@Suite struct SessionRevocationTests {
    @Test func aPasswordChangeEndsEveryOtherSessionAndToken() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let desk = WebClient(app)
            let phone = WebClient(app)
            try await desk.signIn("xa4")
            try await phone.signIn("xa4")
            let token = try await apiToken(app, "xa4")
            #expect(try await phone.get("/").status == .ok)

            let changed = try await desk.post(
                "/account/password",
                [
                    "currentPassword": testPassword, "newPassword": "mot-mat-khau-khac-2026",
                    "confirmPassword": "mot-mat-khau-khac-2026",
                ])
            #expect(changed.status == .ok)
            #expect(try await desk.get("/").status == .ok, "the session the change was made from stays")
            #expect(try await phone.get("/").headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token)).status == .unauthorized)
        }
    }

    @Test func anAdministratorsResetEndsEverySessionAndToken() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let person = try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            let token = try await apiToken(app, "xa4")
            let admin = WebClient(app)
            try await admin.signIn("quantri")
            try await admin.get("/admin/users/\(try person.requireID())")
            let reset = try await admin.post(
                "/admin/users/\(try person.requireID())/password", ["password": "mat-khau-tam-moi-2026"])
            #expect(reset.status == .seeOther)
            #expect(try await browser.get("/").headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token)).status == .unauthorized)
        }
    }

    @Test func commonAndNameBasedPasswordsAreRefusedWithTheReason() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            for (password, reason) in [
                ("password2026", "quá phổ biến"), ("qwertyuiop", "quá phổ biến"),
                ("NguyenThiXa4-2026", "họ tên"), ("xa4xa4xa4xa4", "họ tên"),
            ] {
                let refused = try await browser.post(
                    "/account/password",
                    ["currentPassword": testPassword, "newPassword": password, "confirmPassword": password])
                #expect(refused.status == .unprocessableEntity, "\(password)")
                #expect(refused.body.string.contains(reason), "\(password)")
            }

            try await makeAccount(app, "quantri", role: .admin)
            let admin = WebClient(app)
            try await admin.signIn("quantri")
            try await admin.get("/admin/users/new")
            let created = try await admin.post(
                "/admin/users/new",
                [
                    "username": "tinh4", "fullName": "Nguyễn Văn An", "password": "tinh4tinh4tinh4",
                    "role": "commune_officer", "communeCode": "4",
                ])
            #expect(created.status == .unprocessableEntity)
            #expect(created.body.string.contains("họ tên"))
            let named = try await admin.post(
                "/admin/users/new",
                [
                    "username": "an.nguyen", "fullName": "Nguyễn Văn An", "password": "nguyenvanan2026",
                    "role": "commune_officer", "communeCode": "4",
                ])
            #expect(named.status == .unprocessableEntity)
        }
    }

    @Test func aPersonSeesTheirSessionsAndEndsOne() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let desk = WebClient(app)
            desk.address = "198.51.100.10"
            let phone = WebClient(app)
            phone.address = "198.51.100.20"
            try await desk.signIn("xa4")
            try await phone.signIn("xa4")

            let page = try await desk.get("/account/sessions")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("198.51.100.10"))
            #expect(html.contains("198.51.100.20"))
            #expect(html.contains("Phiên này"))
            let action = try #require(
                SecondFactorTests.text(in: html, after: #"<form method="post" action="/account/sessions/"#))
            let other = try #require(action.components(separatedBy: "/").first)
            #expect(try await desk.post("/account/sessions/\(other)/end", [:]).status == .seeOther)
            #expect(try await phone.get("/").headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(try await desk.get("/").status == .ok)

            // Someone else's session cannot be ended by guessing its id.
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            let neighbour = WebClient(app)
            try await neighbour.signIn("xa8")
            let mine = try await desk.get("/account/sessions")
            let current = try await AccountSession.query(on: app.db).all()
            #expect(current.count == 2)
            let neighbourSession = try #require(
                current.first { !mine.body.string.contains(($0.id?.uuidString ?? "?")) })
            try await desk.post("/account/sessions/\(try neighbourSession.requireID())/end", [:])
            #expect(try await neighbour.get("/").status == .ok)
        }
    }

    @Test func signingOutClearsTheBrowsersDraftsAndDraftsAreKeptPerAccount() async throws {
        try await withTreApp { app in
            let counsellor = try await makeAccount(app, "tongdai.an", role: .hotlineCounsellor)
            let browser = WebClient(app)
            try await browser.signIn("tongdai.an")
            let console = try await browser.get("/hotline")
            let id = try counsellor.requireID().uuidString.lowercased()
            #expect(console.body.string.contains(#"data-draft="tre.contact-draft.\#(id)""#))
            let out = try await browser.post("/logout", [:])
            #expect(out.headers.first(name: .location) == "/login?signedOut=1")
            let login = try await browser.get("/login?signedOut=1")
            #expect(login.body.string.contains(#"<script src="/js/signed-out.js"></script>"#))
            #expect(try await AccountSession.query(on: app.db).count() == 0)
        }
    }
}
