import AsyncKit
import Fluent
import Foundation
import SQLKit
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// What an attacker tried on a running Tre (issue 14): requests that stopped the server, a stored row that
/// stopped every indicator refresh, input the contract does not allow, redirects off-site, headers missing
/// on error pages.
@Suite struct RobustnessTests {
    private func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, token: String, _ body: String? = nil,
        headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = bearer(token, json: body != nil)
        headers.add(contentsOf: extra)
        return try await app.testing().sendRequest(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    private func errorCode(_ response: TestingHTTPResponse) -> String? {
        try? response.content.decode(APIErrorBody.self).error.code
    }

    @Test func aPageNumberPastEveryLimitIsRefusedAndTheServerKeepsAnswering() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            for path in [
                "/api/v1/users?page=9223372036854775807", "/api/v1/cases?page=9223372036854775807&per=200",
                "/api/v1/children?page=100001", "/api/v1/users?per=201", "/api/v1/users?page=0",
                "/api/v1/users?page=abc", "/api/v1/cases?filter=AAA", "/api/v1/children?status=AAA",
            ] {
                let answer = try await send(app, .GET, path, token: token)
                #expect(answer.status == .badRequest, "\(path): \(answer.status)")
                #expect(errorCode(answer) == "invalid_parameter", "\(path)")
            }
            let named = try await send(app, .GET, "/api/v1/users?per=201", token: token)
            #expect(named.body.string.contains("per") && named.body.string.contains("200"))
            // Pages read the same numbers leniently, and never overflow either.
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            #expect(try await browser.get("/cases?page=9223372036854775807&per=9223372036854775807").status == .ok)
            #expect(try await browser.get("/children?page=9223372036854775807").status == .ok)
            #expect(try await send(app, .GET, "/api/v1/me", token: token).status == .ok)
        }
    }

    @Test func aContactInAProvinceThatDoesNotExistIsRefusedAndABadStoredRowCannotStopTheRefresh() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            let token = try await apiToken(app, "tuvan")
            let refused = try await send(
                app, .POST, "/api/v1/contacts", token: token,
                #"{"channel":"phone_111","startedAt":"2026-11-20T01:00:00Z","callerType":"child_about_self","provinceCode":99999}"#
            )
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Không có tỉnh, thành phố với mã này"))
            #expect(try await HotlineContact.query(on: app.db).count() == 0, "nothing saved")

            // A row written before the check (or straight into the database) is left out and counted, never fatal.
            let saved = try await send(
                app, .POST, "/api/v1/contacts", token: token,
                #"{"channel":"phone_111","startedAt":"2026-11-20T01:00:00Z","callerType":"child_about_self","provinceCode":1}"#
            )
            #expect(saved.status == .created)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(HotlineContact.schema).set("province_code", to: 99999).run()
            let outcome = try await IndicatorRefresh.run(on: app.db)
            #expect(outcome.skipped > 0)
            #expect(try await send(app, .GET, "/api/v1/me", token: token).status == .ok)
        }
    }

    @Test func theThirtiethOfFebruaryAndControlCharactersAreRefusedNamingTheField() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            let february = try await send(
                app, .POST, "/api/v1/reports", token: token,
                #"{"channel":"phone_111","receivedAt":"2026-02-30T10:00:00Z","communeCode":4,"abuseForms":["violence"],"description":"Trẻ bị đánh"}"#
            )
            #expect(february.status == .badRequest)
            #expect(february.body.string.contains("receivedAt"))
            #expect(try await AbuseReport.query(on: app.db).count() == 0)

            let nul = try await send(
                app, .POST, "/api/v1/children", token: token,
                #"{"fullName":"Nguyễn\u0000 Thị An","sex":"female","dateOfBirth":"2015-09-05","communeCode":4}"#)
            #expect(nul.status == .badRequest)
            #expect(errorCode(nul) == "control_character")
            #expect(nul.body.string.contains("fullName"))
            #expect(try await Child.query(on: app.db).count() == 0, "the name is not saved cut short")

            let browser = WebClient(app)
            try await browser.signIn("xa4")
            let form = try await browser.post("/injuries", ["notes": "ghi chú\u{0007}"])
            #expect(form.status == .badRequest)
            #expect(form.body.string.contains("ký tự điều khiển"))
        }
    }

    @Test func aMethodAPathDoesNotTakeAnswers405WithWhatItTakes() async throws {
        try await withTreApp { app in
            let trace = try await app.testing().sendRequest(.TRACE, "/login")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: "Allow")?.contains("POST") == true)
            let delete = try await app.testing().sendRequest(.DELETE, "/api/v1/users")
            #expect(delete.status == .methodNotAllowed)
            #expect(try await app.testing().sendRequest(.GET, "/no-such-page").status == .notFound)
        }
    }

    @Test func errorPagesCarryTheSecurityHeaders() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            let notFound = try await browser.get("/no-such-page")
            let forbidden = try await browser.get("/admin/users")
            let csrf = try await browser.post("/injuries", ["notes": "x"], csrf: "forged")
            #expect(notFound.status == .notFound && forbidden.status == .forbidden && csrf.status == .forbidden)
            for response in [notFound, forbidden, csrf] {
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("default-src") == true)
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") != nil)
                #expect(response.headers.first(name: .cacheControl) == "no-store")
            }
        }
    }

    @Test func theSessionCookieIsSecureBehindAnHTTPSProxyAndNotOverPlainHTTP() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            func signInCookie(_ headers: HTTPHeaders) async throws -> String {
                let browser = WebClient(app)
                browser.extraHeaders = headers
                try await browser.get("/login")
                let answer = try await browser.post("/login", ["username": "xa4", "password": testPassword])
                return answer.headers[.setCookie].first { $0.hasPrefix("tre-session=") } ?? ""
            }
            let plain = try await signInCookie([:])
            #expect(plain.contains("HttpOnly") && !plain.contains("Secure"))
            let proxied = try await signInCookie(["X-Forwarded-Proto": "https"])
            #expect(proxied.contains("Secure") && proxied.contains("HttpOnly"))
        }
    }

    @Test func redirectTargetsThatBrowsersReadAsAnotherSiteAreRefused() async throws {
        try await withTreApp { app in
            for back in [
                "/%09/evil.example", "//evil.example", "/%5Cevil.example", "/%0A/evil.example", "https://evil.example",
            ] {
                let answer = try await app.testing().sendRequest(.GET, "/lang/en?back=\(back)")
                #expect(answer.headers.first(name: .location) == "/", "\(back)")
            }
            #expect(
                try await app.testing().sendRequest(.GET, "/lang/en?back=/children%3Fq%3Dan").headers.first(
                    name: .location) == "/children?q=an")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.get("/login")
            let login = try await browser.post(
                "/login", ["username": "xa4", "password": testPassword, "next": "/\t/evil.example"])
            #expect(login.headers.first(name: .location) == "/")
        }
    }

    @Test func theHotlineCannotExportTheRegistryAndALargeExportAsksWhatItIsFor() async throws {
        try await withTreApp { app in
            app.exportRowsWithoutPurpose = 2
            for name in ["Nguyễn Thị An", "Trần Văn Bình", "Lê Thị Cúc"] { try await makeChild(app, name) }
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let hotline = WebClient(app)
            try await hotline.signIn("tuvan")
            #expect(try await hotline.get("/children.csv").status == .forbidden)
            #expect(!(try await hotline.get("/children").body.string.contains("/children.csv")))

            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let asked = try await officer.get("/children.csv?sex=female")
            #expect(asked.headers.contentType?.subType == "html")
            #expect(asked.body.string.contains("mục đích"))
            #expect(asked.body.string.contains(#"name="sex" value="female""#), "the filters are kept")
            let tooShort = try await officer.get("/children.csv?purpose=xem")
            #expect(tooShort.status == .unprocessableEntity)
            let file = try await officer.get(
                "/children.csv?purpose=B%C3%A1o%20c%C3%A1o%20qu%C3%BD%20cho%20t%E1%BB%89nh")
            #expect(file.status == .ok)
            #expect(file.body.string.contains("Trần Văn Bình"))
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "children.exported").first())
            #expect(entry.details.contains("purpose=Báo cáo quý cho tỉnh"))
        }
    }

    /// SQLite's write lock held past its wait, or no connection free in time: 503 with Retry-After, never 500.
    @Test func aBusyDatabaseAnswers503WithRetryAfter() async throws {
        try await withTreApp { app in
            app.get("busy-page", access: .everyone) { _ -> String in
                throw ConnectionPoolTimeoutError.connectionRequestTimeout
            }
            app.get("api", "v1", "busy", access: .everyone) { _ -> String in
                throw ConnectionPoolTimeoutError.connectionRequestTimeout
            }
            let page = try await app.testing().sendRequest(.GET, "/busy-page")
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers.first(name: .retryAfter) == "5")
            #expect(page.body.string.contains("Hệ thống đang bận"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/busy")
            #expect(api.status == .serviceUnavailable)
            #expect(errorCode(api) == "busy")
            #expect(api.headers.first(name: .retryAfter) == "5")
        }
    }
}
