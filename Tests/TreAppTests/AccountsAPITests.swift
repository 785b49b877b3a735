import Fluent
import Testing
import VaporTesting

@testable import TreApp

@Suite struct AccountsAPITests {
    @Test func aTokenIsIssuedForGoodCredentialsOnly() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "hotline", role: .hotlineCounsellor)
            let token = try await apiToken(app, "hotline")
            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token))
            #expect(me.status == .ok)
            #expect(try me.content.decode(AccountDTO.self).role == "hotline_counsellor")

            let wrong = try await app.testing().sendRequest(
                .POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"username":"hotline","password":"khong-dung-dau"}"#))
            #expect(wrong.status == .unauthorized)
            let error = try wrong.content.decode(APIErrorBody.self).error
            #expect(error.code == "invalid_credentials")
            #expect(error.message == "Tên đăng nhập hoặc mật khẩu không đúng.")

            let forged = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer("not-a-token"))
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func anAdministratorCreatesAnAccountWithATemporaryPassword() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let token = try await apiToken(app, "quantri")
            let body =
                #"{"username":"xa.badinh","password":"mat-khau-tam-thoi","fullName":"Lê Văn Mới","role":"commune_officer","communeCode":4}"#
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/users", headers: bearer(token, json: true), body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let account = try created.content.decode(AccountDTO.self)
            #expect(account.provinceCode == 1)
            #expect(account.communeCode == 4)
            #expect(account.mustChangePassword)

            let login = try await apiToken(app, "xa.badinh", "mat-khau-tam-thoi")
            let blocked = try await app.testing().sendRequest(.GET, "/api/v1/users", headers: bearer(login))
            #expect(blocked.status == .forbidden)
            #expect(try blocked.content.decode(APIErrorBody.self).error.code == "password_change_required")
        }
    }

    @Test func badAccountInputGetsAClearErrorAndSavesNothing() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let token = try await apiToken(app, "quantri")
            let cases: [(String, String)] = [
                (#"{"username":"a","password":"mat-khau-tam-thoi","fullName":"X","role":"admin"}"#, "invalid_username"),
                (#"{"username":"ngan","password":"ngan","fullName":"X","role":"admin"}"#, "password_too_short"),
                (
                    #"{"username":"xa.moi","password":"mat-khau-tam-thoi","fullName":"X","role":"commune_officer"}"#,
                    "jurisdiction_does_not_fit_role"
                ),
                (
                    #"{"username":"xa.moi","password":"mat-khau-tam-thoi","fullName":"X","role":"commune_officer","communeCode":999999}"#,
                    "unknown_commune"
                ),
                (
                    #"{"username":"xa.moi","password":"mat-khau-tam-thoi","fullName":"X","role":"commune_officer","provinceCode":4,"communeCode":4}"#,
                    "commune_not_in_province"
                ),
                (
                    #"{"username":"xa.moi","password":"mat-khau-tam-thoi","fullName":"X","role":"chief"}"#,
                    "unknown_role"
                ),
                (
                    #"{"username":"quantri","password":"mat-khau-tam-thoi","fullName":"X","role":"admin"}"#,
                    "username_taken"
                ),
                (#"{"username":"xa"}"#, "invalid_input"),
            ]
            for (body, code) in cases {
                let answer = try await app.testing().sendRequest(
                    .POST, "/api/v1/users", headers: bearer(token, json: true), body: ByteBuffer(string: body))
                #expect(answer.status.code >= 400 && answer.status.code < 500, "\(code)")
                #expect(try answer.content.decode(APIErrorBody.self).error.code == code, "\(answer.body.string)")
            }
            #expect(try await UserAccount.query(on: app.db).count() == 1)
        }
    }

    @Test func disablingAnAccountEndsItsTokens() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let officer = try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            let admin = WebClient(app)
            try await admin.signIn("quantri")
            try await admin.get("/admin/users/\(try officer.requireID())")
            let disabled = try await admin.post("/admin/users/\(try officer.requireID())/disable", [:])
            #expect(disabled.status == .seeOther)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token))
            #expect(after.status == .unauthorized)
        }
    }
}

@Suite struct APILanguageTests {
    @Test func anAPIClientChoosesEnglishWithAcceptLanguage() async throws {
        try await withTreApp { app in
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json", "Accept-Language": "en-GB"],
                body: ByteBuffer(string: #"{"username":"nobody","password":"khong-dung-dau"}"#))
            #expect(answer.status == .unauthorized)
            #expect(
                try answer.content.decode(APIErrorBody.self).error.message == "The username or password is not correct."
            )
        }
    }
}
