import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Injuries recorded by communes of Hà Nội, all on 1 January of this year (always in the past):
/// - Ba Đình (1,000 children): registered child A fell, and was burnt (one injured child); a visiting
///   boy drowned (injured and drowned).
/// - Ngọc Hà (500 children): a girl hurt in a traffic accident.
/// So: Ba Đình 2 injured per 1,000 = 200 per 100,000 and 1 drowned = 100; Hà Nội 3 per 1,500 = 200.
@Suite struct InjuriesTests {
    static let newYear = "01/01/\(VietnamDay.containing(Date()).year)"

    private func population(_ app: Application, commune: Int, _ children: Int) async throws {
        let record = CommunePopulation()
        record.provinceCode = Places.haNoi
        record.communeCode = commune
        record.year = VietnamDay.containing(Date()).year
        record.children = children
        record.enteredBy = UUID()
        try await record.create(on: app.db)
    }

    private func record(_ app: Application, _ token: String, _ body: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(
            .POST, "/api/v1/injuries", headers: bearer(token, json: true), body: ByteBuffer(string: body))
    }

    @Test func injuriesAreCountedOncePerChildIntoTheInjuryAndDrowningRates() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await population(app, commune: Places.baDinh, 1000)
            try await population(app, commune: Places.ngocHa, 500)
            let childA = try await makeChild(app, "Nguyễn Văn An", sex: "male")
            let baDinh = try await apiToken(app, "xa4")
            let ngocHa = try await apiToken(app, "xa8")
            let date = Self.newYear
            for cause in ["fall", "burn"] {
                let answer = try await record(
                    app, baDinh,
                    #"{"date":"\#(date)","cause":"\#(cause)","place":"home","outcome":"injured","childId":"\#(try childA.requireID())"}"#
                )
                #expect(answer.status == .created, "\(answer.body.string)")
            }
            #expect(
                try await record(
                    app, baDinh,
                    #"{"date":"\#(date)","cause":"drowning","place":"water","outcome":"died","communeCode":4,"sex":"male","ageYears":"9"}"#
                ).status == .created)
            #expect(
                try await record(
                    app, ngocHa,
                    #"{"date":"\#(date)","cause":"traffic","place":"road","outcome":"injured","communeCode":8,"sex":"female"}"#
                ).status == .created)
            try await IndicatorRefresh.run(on: app.db)

            let year = VietnamDay.containing(Date()).year
            #expect(try await indicatorValue(app, baDinh, "TR16?period=\(year)") == 200)
            #expect(try await indicatorValue(app, baDinh, "TR17?period=\(year)") == 100)
            let province = try await apiToken(app, "tinh1")
            #expect(try await indicatorValue(app, province, "TR16?period=\(year)") == 200, "3 ÷ 1,500, not the average")
            // A registered child's injury is also on the child's own audit history.
            let childEntries = try await AuditEntry.query(on: app.db).filter(\.$action == "child.injury_recorded")
                .filter(\.$recordID == childA.id?.uuidString).count()
            #expect(childEntries == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "injury.recorded").count() == 4)
            // And on the child's page, both of them.
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let page = try await officer.get("/children/\(try childA.requireID().uuidString)").body.string
            #expect(page.contains("Ngã · Bị thương") && page.contains("Bỏng · Bị thương"))
        }
    }

    @Test func nobodySeesOrRecordsInjuriesOutsideTheirJurisdiction() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tongdai", role: .hotlineCounsellor)
            let childA = try await makeChild(app, "Nguyễn Văn An", sex: "male")
            let baDinh = try await apiToken(app, "xa4")
            let ngocHa = try await apiToken(app, "xa8")
            let body =
                #"{"date":"\#(Self.newYear)","cause":"fall","place":"school","outcome":"injured","communeCode":4,"description":"Ngã cầu thang ở trường"}"#
            #expect(try await record(app, baDinh, body).status == .created)

            // Ngọc Hà's officer: not in her list, page or export; cannot record in Ba Đình nor for its child.
            let list = try await app.testing().sendRequest(.GET, "/api/v1/injuries", headers: bearer(ngocHa))
            #expect(list.status == .ok && !list.body.string.contains("Ngã cầu thang"))
            let client = WebClient(app)
            try await client.signIn("xa8")
            #expect(!(try await client.get("/injuries")).body.string.contains("Ngã cầu thang"))
            #expect(!(try await client.get("/injuries.csv")).body.string.contains("Ngã cầu thang"))
            #expect(try await record(app, ngocHa, body).status == .forbidden)
            let forChild =
                #"{"date":"\#(Self.newYear)","cause":"fall","place":"home","outcome":"injured","childId":"\#(try childA.requireID())"}"#
            #expect(try await record(app, ngocHa, forChild).status == .notFound)

            // Ba Đình's officer sees it everywhere; the hotline has no injury register at all.
            let own = WebClient(app)
            try await own.signIn("xa4")
            #expect((try await own.get("/injuries")).body.string.contains("Ngã cầu thang"))
            let csv = try await own.get("/injuries.csv")
            #expect(csv.body.string.hasPrefix("\u{FEFF}date,commune") && csv.body.string.contains("Ngã cầu thang"))
            let hotline = try await apiToken(app, "tongdai")
            let refused = try await app.testing().sendRequest(.GET, "/api/v1/injuries", headers: bearer(hotline))
            #expect(refused.status == .forbidden)
            #expect(try await ChildInjuryRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func aWrongFormIsRefusedInVietnameseAndKeepsWhatWasTyped() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let client = WebClient(app)
            try await client.signIn("xa4")
            try await client.get("/injuries")
            let answer = try await client.post(
                "/injuries",
                [
                    "date": "31/02/2026", "cause": "drowning", "place": "water", "outcome": "died",
                    "communeCode": "4", "description": "Đuối nước ở ao làng",
                ])
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains("Ngày không có thật trên lịch"))
            #expect(answer.body.string.contains("Đuối nước ở ao làng"), "what was typed is given back")
            #expect(try await ChildInjuryRecord.query(on: app.db).count() == 0)

            let saved = try await client.post(
                "/injuries",
                [
                    "date": Self.newYear, "cause": "drowning", "place": "water", "outcome": "died",
                    "communeCode": "4", "description": "Đuối nước ở ao làng",
                ])
            // Saved, the browser is sent back to the list (a reload does not record it twice), which says so.
            #expect(saved.status == .seeOther)
            let list = try await client.get(try #require(saved.headers.first(name: .location)))
            #expect(list.status == .ok && list.body.string.contains("Đã ghi trường hợp tai nạn"))
            #expect(list.body.string.contains("Tử vong"))
            #expect(try await ChildInjuryRecord.query(on: app.db).count() == 1)
        }
    }
}
