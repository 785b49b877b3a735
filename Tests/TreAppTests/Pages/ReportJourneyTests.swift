import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Issue 16: a counsellor turns a call into a report without knowing any code — the commune chosen by typing
/// its name, the child found in the registry or described — and nothing typed is lost on the way.
@Suite struct ReportJourneyTests {
    /// A call about Hà Nội logged at the console; returns the contact's id.
    private func logCall(_ counsellor: WebClient) async throws -> String {
        try await counsellor.get("/hotline")
        let saved = try await counsellor.post(
            "/hotline",
            [
                "startedAt": String(Int(Date().timeIntervalSince1970) - 300), "channel": "phone_111",
                "callerType": "adult_about_child", "callerIdentifier": "0912 345 678", "provinceCode": "1",
                "topicCodes[]": "violence.physical", "outcome": "counselled", "notes": "Bà ngoại gọi: cháu bị đánh",
            ])
        let location = try #require(saved.headers.first(name: .location))
        return try #require(location.split(separator: "=").last.map(String.init))
    }

    @Test func aCallBecomesAReportWithTheCommuneChosenByNameAndTheRegisteredChild() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let child = try await makeChild(app, "Nguyễn Thị Hoa")
            let counsellor = WebClient(app)
            try await counsellor.signIn("tuvan")
            let contact = try await logCall(counsellor)

            let form = try await counsellor.get("/reports/new?contact=\(contact)").body.string
            #expect(form.contains(#"<option value="1" selected>Thành phố Hà Nội</option>"#), "the call's province")
            #expect(form.contains("Bà ngoại gọi: cháu bị đánh"), "the call is shown")
            let typed = [
                "contactId": contact, "communeProvince": "1", "communeQuery": "ba dinh", "abuserIsCarer": "1",
                "description": "Cháu bị bố đánh",
            ]
            // Finding the commune: the matches come back, with the province, and every field as typed.
            let found = try await counsellor.post("/reports/new", typed.merging(["findCommune": "1"]) { $1 })
            #expect(found.status == .ok)
            let page = found.body.string
            #expect(page.contains(#"value="4" id="commune-4""#) && page.contains("Phường Ba Đình — Thành phố Hà Nội"))
            #expect(page.contains(#"id="abuserIsCarer" checked"#) && page.contains("Cháu bị bố đánh"))
            #expect(try await ProtectionCase.query(on: app.db).count() == 0, "a search saves nothing")

            // Saving without choosing: the error sits by the commune, and nothing typed is lost.
            let refused = try await counsellor.post("/reports/new", typed)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="communeCode-error">Chọn xã nơi xảy ra vụ việc."#))
            #expect(refused.body.string.contains(#"id="abuserIsCarer" checked"#))

            // Finding the child, accents left out.
            let children = try await counsellor.post(
                "/reports/new",
                typed.merging(["communeCode": "4", "childQuery": "nguyen thi hoa", "findChild": "1"]) {
                    $1
                }
            ).body.string
            let childID = try child.requireID().uuidString
            #expect(children.contains(#"value="\#(childID)" id="child-\#(childID)""#))
            #expect(children.contains(#"value="4" id="commune-4" checked"#), "the chosen commune stays chosen")

            let saved = try await counsellor.post(
                "/reports/new", typed.merging(["communeCode": "4", "childId": childID]) { $1 })
            #expect(saved.status == .seeOther)
            let casePath = try #require(saved.headers.first(name: .location))
            let opened = try #require(try await ProtectionCase.query(on: app.db).first())
            #expect(try await CaseChild.query(on: app.db).first()?.childID == child.requireID())
            let linked = try await HotlineContact.find(UUID(uuidString: contact), on: app.db)
            #expect(linked?.caseID == opened.id, "the contact names its case")
            #expect(
                try await counsellor.get(casePath).body.string.contains("/hotline/contacts/\(contact)"),
                "the case links back to the call")
            #expect(
                try await counsellor.get("/reports/new?contact=\(contact)").status == .ok,
                "the form still opens, but saving again is refused")
            #expect(
                try await counsellor.post("/reports/new", typed.merging(["communeCode": "4"]) { $1 }).status
                    == .conflict)

            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let childPage = try await officer.get("/children/\(childID)").body.string
            #expect(childPage.contains("Vụ việc số \(opened.number)") && childPage.contains(casePath))
        }
    }

    @Test func theCommuneSearchAnswersAsThePersonTypes() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            let counsellor = WebClient(app)
            try await counsellor.signIn("tuvan")
            let answer = try await counsellor.get("/units/communes?q=ba%20dinh&province=1")
            #expect(answer.status == .ok)
            let matches = try JSONDecoder().decode(
                [CommuneChooser.Match].self, from: Data(answer.body.readableBytesView))
            #expect(
                matches.contains { $0.code == 4 && $0.name == "Phường Ba Đình" && $0.province == "Thành phố Hà Nội" })
            let elsewhere = try await counsellor.get("/units/communes?q=ba%20dinh&province=2").body.string
            #expect(!elsewhere.contains("Phường Ba Đình"), "the province narrows the search")
            #expect(try await counsellor.get("/units/communes?q=").body.string == "[]")
            let signedOut = try await app.testing().sendRequest(.GET, "/units/communes?q=ba")
            #expect(signedOut.status != .ok)
        }
    }
}
