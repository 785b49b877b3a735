import Fluent
import Testing
import VaporTesting

@testable import TreApp

@Suite struct AccountsAdminTests {
    @Test func aFormWithAnErrorKeepsWhatWasTyped() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let browser = WebClient(app)
            try await browser.signIn("quantri")
            try await browser.get("/admin/users/new")
            let answer = try await browser.post(
                "/admin/users/new",
                [
                    "username": "xa.moi", "fullName": "Đặng Thị Hương", "password": "mat-khau-tam-thoi",
                    "role": "commune_officer",
                ])
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains("cần chọn một xã"))
            #expect(answer.body.string.contains(#"value="Đặng Thị Hương""#))
            #expect(try await UserAccount.query(on: app.db).filter(\.$username == "xa.moi").count() == 0)
        }
    }

    @Test func theListFindsNamesTypedWithoutAccents() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            var input = NewAccount(
                username: "huong", password: testPassword, fullName: "Đặng Thị Hương", role: .communeOfficer,
                communeCode: Places.baDinh)
            input.mustChangePassword = false
            _ = try await AccountService(database: app.db, hashing: app.passwordHashing).create(
                input, by: .system("test"))
            try await makeAccount(app, "khac", role: .communeOfficer, commune: Places.ngocHa)
            let browser = WebClient(app)
            try await browser.signIn("quantri")
            let found = try await browser.get("/admin/users?q=dang%20thi%20huong")
            #expect(found.body.string.contains("Đặng Thị Hương"))
            #expect(!found.body.string.contains(">khac<"))

            let export = try await browser.get("/admin/users.csv?q=DANG")
            #expect(export.headers.contentType?.subType == "csv")
            #expect(export.body.string.contains("huong,Đặng Thị Hương,commune_officer,1,4,false"))
            #expect(!export.body.string.contains("khac"))
        }
    }

    @Test func theListIsPagedAndTheSearchIsKeptAcrossPages() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            for index in 1...5 {
                try await makeAccount(app, "xa.\(index)", role: .communeOfficer, commune: Places.baDinh)
            }
            let browser = WebClient(app)
            try await browser.signIn("quantri")
            let first = try await browser.get("/admin/users?q=xa&per=2")
            #expect(first.body.string.contains("5 kết quả"))
            #expect(first.body.string.contains(">xa.1<") && first.body.string.contains(">xa.2<"))
            #expect(!first.body.string.contains(">xa.3<"))
            #expect(first.body.string.contains(#"href="/admin/users?per=2&amp;q=xa&amp;page=2""#))
            let third = try await browser.get("/admin/users?q=xa&per=2&page=3")
            #expect(third.body.string.contains(">xa.5<"))
            #expect(!third.body.string.contains(#"rel="next""#))
        }
    }

    @Test func anAdministratorRescopesAnAccount() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let officer = try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("quantri")
            try await browser.get("/admin/users/\(try officer.requireID())")
            let moved = try await browser.post(
                "/admin/users/\(try officer.requireID())/scope", ["role": "provincial_officer", "provinceCode": "4"])
            #expect(moved.status == .seeOther)
            let account = try #require(try await UserAccount.find(officer.id, on: app.db))
            #expect(account.role == "provincial_officer")
            #expect(account.provinceCode == 4)
            #expect(account.communeCode == nil)
        }
    }

    @Test func theFirstStartCreatesOneAdministratorWhoMustChangeThePassword() async throws {
        try await withTreApp { app in
            let created = try #require(
                try await FirstAdministrator.createIfNoAccounts(password: nil, hashing: app.passwordHashing, on: app.db)
            )
            let password = try #require(created.generatedPassword)
            #expect(password.count == 16)
            #expect(
                try await FirstAdministrator.createIfNoAccounts(password: nil, hashing: app.passwordHashing, on: app.db)
                    == nil)
            let browser = WebClient(app)
            #expect(try await browser.signIn("admin", password).headers.first(name: .location) == "/account/password")
        }
    }
}
