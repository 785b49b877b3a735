import Fluent
import Testing
import VaporTesting

@testable import TreApp

@Suite struct CSRFTests {
    @Test func aLoginFormWithoutTheTokenIsRejected() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.get("/login")
            let answer = try await browser.post("/login", ["username": "xa4", "password": testPassword], csrf: "")
            #expect(answer.status == .forbidden)
            #expect(answer.body.string.contains("Biểu mẫu đã hết hạn"))
        }
    }

    @Test func aForgedAdminFormCreatesNothing() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let browser = WebClient(app)
            try await browser.signIn("quantri")
            let fields = [
                "username": "giamao", "fullName": "Giả Mạo", "password": "mat-khau-gia-mao", "role": "admin",
            ]
            let forged = try await browser.post("/admin/users/new", fields, csrf: "0000")
            #expect(forged.status == .forbidden)
            #expect(try await UserAccount.query(on: app.db).filter(\.$username == "giamao").count() == 0)

            let genuine = try await browser.post("/admin/users/new", fields)
            #expect(genuine.status == .seeOther)
            #expect(try await UserAccount.query(on: app.db).filter(\.$username == "giamao").count() == 1)
        }
    }
}
