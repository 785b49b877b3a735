import Fluent
import Foundation
import Testing
import VaporTesting

@testable import TreApp

@Suite struct ChildCircumstancesTests {
    @Test func theStatutoryGroupsAreLoaded() async throws {
        try await withTreApp { app in
            let subgroups = try await CircumstanceSubgroupRecord.all(on: app.db)
            #expect(subgroups.count == 48)
            #expect(Set(subgroups.map(\.groupCode)).count == 14)
            #expect(subgroups.filter { $0.groupCode == "c" }.count == 12)
            #expect(subgroups.first?.groupCode == "a")
            #expect(subgroups.last?.groupCode == "o")
        }
    }

    @Test func aCircumstanceAndASupportAreRecordedAndFilterTheList() async throws {
        try await withTreApp { app in
            let lan = try await makeChild(app, "Nguyễn Thị Lan")
            try await makeChild(app, "Trần Văn Nam", sex: "male")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            let id = try lan.requireID()
            let added = try await app.testing().sendRequest(
                .POST, "/api/v1/children/\(id)/circumstances", headers: bearer(token, json: true),
                body: ByteBuffer(
                    string:
                        #"{"groupCode":"d","subgroupNumber":2,"startDate":"01/03/2024","reviewDate":"2026-03-01","evidence":"Giấy xác nhận khuyết tật"}"#
                ))
            #expect(added.status == .created)
            let support = try await app.testing().sendRequest(
                .POST, "/api/v1/children/\(id)/supports", headers: bearer(token, json: true),
                body: ByteBuffer(
                    string:
                        #"{"kind":"monthly_allowance","date":"2025-10-01","amountVnd":720000,"source":"state_budget"}"#)
            )
            #expect(support.status == .created)

            let record = try await app.testing().sendRequest(.GET, "/api/v1/children/\(id)", headers: bearer(token))
            let child = try record.content.decode(ChildDTO.self)
            #expect(child.circumstances?.map(\.groupCode) == ["d"])
            #expect(child.circumstances?.first?.startDate == "2024-03-01")
            #expect(child.supports?.first?.amountVnd == 720_000)

            let disabled = try await app.testing().sendRequest(.GET, "/api/v1/children?group=d", headers: bearer(token))
            #expect(try disabled.content.decode(PageDTO<ChildDTO>.self).items.map(\.fullName) == ["Nguyễn Thị Lan"])
            let actions = try await AuditEntry.query(on: app.db).filter(\.$recordID == id.uuidString).all(\.$action)
            #expect(actions.contains("child.circumstance_added"))
            #expect(actions.contains("child.support_recorded"))
        }
    }

    @Test(arguments: [
        (#"{"groupCode":"z","subgroupNumber":1,"startDate":"2024-01-01"}"#, "unknown_subgroup"),
        (#"{"groupCode":"a","subgroupNumber":9,"startDate":"2024-01-01"}"#, "unknown_subgroup"),
        (#"{"groupCode":"a","subgroupNumber":1,"startDate":"2099-01-01"}"#, "date_in_future"),
        (#"{"groupCode":"a","subgroupNumber":1,"startDate":"2024-05-01","endDate":"2024-04-01"}"#, "before_start"),
    ])
    func aBadCircumstanceIsRefusedWithItsReason(body: String, code: String) async throws {
        try await withTreApp { app in
            let child = try await makeChild(app, "Nguyễn Thị Lan")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/children/\(try child.requireID())/circumstances",
                headers: bearer(try await apiToken(app, "xa4"), json: true), body: ByteBuffer(string: body))
            #expect(answer.status == .unprocessableEntity)
            #expect(try answer.content.decode(APIErrorBody.self).error.code == code)
            #expect(try await ChildCircumstance.query(on: app.db).count() == 0)
        }
    }

    @Test func anotherCommuneCannotAddToTheRecord() async throws {
        try await withTreApp { app in
            let child = try await makeChild(app, "Nguyễn Thị Lan")
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/children/\(try child.requireID())/supports",
                headers: bearer(try await apiToken(app, "xa8"), json: true),
                body: ByteBuffer(string: #"{"kind":"in_kind","date":"2025-10-01","source":"other"}"#))
            #expect(answer.status == .notFound)
            #expect(try await ChildSupport.query(on: app.db).count() == 0)
        }
    }

    @Test func theRecordPageShowsTheFormAgainWithWhatWasTyped() async throws {
        try await withTreApp { app in
            let child = try await makeChild(app, "Nguyễn Thị Lan")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            let page = "/children/\(try child.requireID())"
            try await browser.get(page)
            let refused = try await browser.post(
                page + "/supports",
                ["kind": "monthly_allowance", "date": "01/10/2025", "amount": "-5", "source": "state_budget"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Số tiền là số đồng, không âm"))
            #expect(refused.body.string.contains(#"value="01/10/2025""#))
            let saved = try await browser.post(
                page + "/supports",
                ["kind": "monthly_allowance", "date": "01/10/2025", "amount": "1.500.000", "source": "state_budget"])
            #expect(saved.status == .seeOther)
            let shown = try await browser.get(page)
            #expect(shown.body.string.contains("1.500.000 đ"), "money written one way: 26.000.000 đ")
            #expect(shown.body.string.contains("Trợ cấp hằng tháng"))
        }
    }
}
