import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Issue 16, "a case has an identity": a readable number per commune and year, and the child, wherever a case
/// is listed or named.
@Suite struct CaseIdentityTests {
    /// A report from the hotline about a child not yet registered; returns the case's address.
    private func report(_ hotline: WebClient, commune: Int, child: String) async throws -> String {
        try await hotline.get("/reports/new")
        let saved = try await hotline.post(
            "/reports/new",
            [
                "channel": "phone_111", "communeCode": String(commune), "abuseForms[]": "violence",
                "description": "Hàng xóm nghe tiếng trẻ khóc", "newChildName": child, "newChildSex": "female",
                "newChildBirth": "9",
            ])
        #expect(saved.status == .seeOther)
        return try #require(saved.headers.first(name: .location))
    }

    @Test func casesAreNumberedPerCommuneAndYearAndNamedByTheirChild() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "hotline", role: .hotlineCounsellor)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let hotline = WebClient(app)
            try await hotline.signIn("hotline")
            let first = try await report(hotline, commune: Places.baDinh, child: "Nguyễn Thị Hoa")
            let second = try await report(hotline, commune: Places.baDinh, child: "Lê Văn Nam")
            _ = try await report(hotline, commune: Places.ngocHa, child: "Trần Thị Mai")
            let year = VietnamDay.containing(Date()).year
            let numbers = try await ProtectionCase.query(on: app.db).sort(\.$receivedAt).all().map(\.number)
            #expect(Set(numbers) == ["00004-\(year)-0001", "00004-\(year)-0002", "00008-\(year)-0001"])

            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let inbox = try await officer.get("/cases").body.string
            #expect(inbox.contains("00004-\(year)-0001") && inbox.contains("Nguyễn Thị Hoa"))
            #expect(inbox.contains("00004-\(year)-0002") && inbox.contains("Lê Văn Nam"))
            #expect(!inbox.contains("00008-\(year)-0001") && !inbox.contains("Trần Thị Mai"), "another commune's")
            let page = try await officer.get(first).body.string
            #expect(page.contains("<h1>Vụ việc số 00004-\(year)-0001 · Nguyễn Thị Hoa</h1>"))
            #expect(try await officer.get(second).body.string.contains("Vụ việc số 00004-\(year)-0002 · Lê Văn Nam"))
            let csv = try await officer.get("/cases.csv").body.string
            #expect(csv.contains(",00004-\(year)-0001,"))

            let token = try await apiToken(app, "xa4")
            let listed = try await app.testing().sendRequest(.GET, "/api/v1/cases", headers: bearer(token))
            #expect(listed.body.string.contains(#""number":"00004-\#(year)-0002""#))
        }
    }

    @Test func aNumberIsReadAsPeopleTypeIt() {
        #expect(CaseNumber(parsing: "00004-2026-0012")?.description == "00004-2026-0012")
        #expect(CaseNumber(parsing: " 4 / 2026 / 12 ") == CaseNumber(communeCode: 4, year: 2026, sequence: 12))
        #expect(CaseNumber(parsing: "4-2026") == nil)
        #expect(CaseNumber(parsing: "4-2026-99999999999999999999") == nil, "too long to be a number, never a trap")
        #expect(VietnameseText.initials("Nguyễn  văn An") == "N.V.A.")
    }
}
