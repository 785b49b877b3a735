import Fluent
import Testing
import VaporTesting

@testable import TreApp

/// Nobody sees an account outside their jurisdiction, and only administrators manage accounts.
@Suite struct JurisdictionTests {
    @Test func aCommuneOfficerIsRefusedTheAdminPages() async throws {
        try await withTreApp { app in
            let other = try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            for path in [
                "/admin/users", "/admin/users.csv", "/admin/users/new", "/admin/users/\(try other.requireID())",
                "/audit",
            ] {
                let answer = try await browser.get(path)
                #expect(answer.status == .forbidden, "\(path)")
                #expect(answer.body.string.contains("Bạn không có quyền"), "\(path)")
            }
            let disable = try await browser.post("/admin/users/\(try other.requireID())/disable", [:])
            #expect(disable.status == .forbidden)
            #expect(try await UserAccount.find(other.id, on: app.db)?.disabled == false)
        }
    }

    @Test func theAccountDirectoryStopsAtTheCallersJurisdiction() async throws {
        try await withTreApp { app in
            let caoBangCommune = try await Places.communeOfCaoBang(app)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "chutich4", role: .communeChair, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
            try await makeAccount(app, "xacaobang", role: .communeOfficer, commune: caoBangCommune)

            func visible(to username: String) async throws -> Set<String> {
                let token = try await apiToken(app, username)
                let answer = try await app.testing().sendRequest(.GET, "/api/v1/users?per=200", headers: bearer(token))
                #expect(answer.status == .ok)
                return Set(try answer.content.decode(PageDTO<AccountDTO>.self).items.map(\.username))
            }
            #expect(try await visible(to: "xa4") == ["xa4", "chutich4"])
            #expect(try await visible(to: "tinh1") == ["xa4", "chutich4", "xa8", "tinh1"])
            #expect(try await visible(to: "tinh4") == ["tinh4", "xacaobang"])

            let token = try await apiToken(app, "xa4")
            let otherCommune = try await app.testing().sendRequest(.GET, "/api/v1/users/xa8", headers: bearer(token))
            #expect(otherCommune.status == .notFound)
            let ownCommune = try await app.testing().sendRequest(.GET, "/api/v1/users/chutich4", headers: bearer(token))
            #expect(ownCommune.status == .ok)
            let provinceToken = try await apiToken(app, "tinh4")
            let otherProvince = try await app.testing().sendRequest(
                .GET, "/api/v1/users/xa4", headers: bearer(provinceToken))
            #expect(otherProvince.status == .notFound)
        }
    }

    @Test func onlyAdministratorsCreateAccountsThroughTheAPI() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let token = try await apiToken(app, "tinh1")
            let body = #"{"username":"moi","password":"mat-khau-tam-thoi","fullName":"Lê Văn Mới","role":"admin"}"#
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/users", headers: bearer(token, json: true), body: ByteBuffer(string: body))
            #expect(answer.status == .forbidden)
            #expect(try answer.content.decode(APIErrorBody.self).error.code == "forbidden")
            #expect(try await UserAccount.query(on: app.db).filter(\.$username == "moi").count() == 0)
        }
    }
}
