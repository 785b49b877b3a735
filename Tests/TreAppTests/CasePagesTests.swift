import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct CasePagesTests {
    private func signedIn(_ app: Application, _ username: String) async throws -> WebClient {
        let browser = WebClient(app)
        try await browser.signIn(username)
        return browser
    }

    /// A report typed by the hotline at `hoursAgo`, about commune 4, with the carer as suspected abuser.
    private func reportByHotline(_ app: Application, hoursAgo: Int = 0, consent: Bool = false) async throws -> UUID {
        if try await UserAccount.query(on: app.db).filter(\.$username == "hotline").first() == nil {
            try await makeAccount(app, "hotline", role: .hotlineCounsellor)
        }
        let hotline = try await signedIn(app, "hotline")
        try await hotline.get("/reports/new")
        let received = VietnamTime.dateTimeLocal(Date().addingTimeInterval(TimeInterval(-hoursAgo * 3600)))
        let saved = try await hotline.post(
            "/reports/new",
            [
                "channel": "phone_111", "receivedAt": received, "communeCode": "4", "abuseForms[]": "violence",
                "abuserIsCarer": "1", "description": "Cô giáo báo trẻ có vết bầm, nghi bị bố đánh",
                "reporterName": "Phạm Thị Lan", "reporterPhone": "0987 654 321",
            ].merging(consent ? ["reporterAgreesToContact": "1"] : [:]) { first, _ in first })
        #expect(saved.status == .seeOther)
        let location = try #require(saved.headers.first(name: .location))
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }

    @Test func aReportLandsInTheCommuneInboxWithItsTwelveHourClock() async throws {
        try await withTreApp { app in
            let id = try await reportByHotline(app)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = try await signedIn(app, "xa4")
            let inbox = try await officer.get("/cases").body.string
            #expect(inbox.contains("Can thiệp khẩn cấp (12 giờ)"))
            #expect(inbox.contains("còn 11 giờ") || inbox.contains("còn 12 giờ"))
            #expect(inbox.contains(SiteURL.cases(.show(.value(id))).path))
            let page = try await officer.get(SiteURL.cases(.show(.value(id))).path).body.string
            #expect(!page.contains("Phạm Thị Lan") && !page.contains("0987654321"), "the reporter did not agree")
            #expect(page.contains("đề nghị nơi tiếp nhận chuyển lời"), "the commune knows whom to ask to relay")
            #expect(page.contains("step-initial-assessment"))
            let agreed = try await reportByHotline(app, consent: true)
            #expect(
                try await officer.get(SiteURL.cases(.show(.value(agreed))).path).body.string.contains("Phạm Thị Lan"))
        }
    }

    @Test func theOfficerTakesAStepAndAStaleFormIsRefused() async throws {
        try await withTreApp { app in
            let id = try await reportByHotline(app)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = try await signedIn(app, "xa4")
            try await officer.get(SiteURL.cases(.show(.value(id))).path)
            let form = ["version": "1", "risk": "high", "reasons": "Vết bầm nhiều nơi", "seriousThreat": "1"]
            let taken = try await officer.post(SiteURL.cases(.show(.value(id))).path + "/initial-assessment", form)
            #expect(taken.status == .seeOther)
            let page = try await officer.get(SiteURL.cases(.show(.value(id))).path).body.string
            #expect(page.contains("Đã đánh giá ban đầu"))
            #expect(page.contains("Vết bầm nhiều nơi"))
            #expect(page.contains("step-emergency-measures"))
            // A second officer's form, opened before the step, still says version 1.
            let stale = try await officer.post(SiteURL.cases(.show(.value(id))).path + "/initial-assessment", form)
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Hãy tải lại trang"))
            #expect(try await CaseStepRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func theProvinceSeesLateCasesButNotWhoReported() async throws {
        try await withTreApp { app in
            let id = try await reportByHotline(app, hoursAgo: 13)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let province = try await signedIn(app, "tinh1")
            let late = try await province.get("/cases?filter=late").body.string
            #expect(late.contains(SiteURL.cases(.show(.value(id))).path))
            #expect(late.contains("quá hạn"))
            let page = try await province.get(SiteURL.cases(.show(.value(id))).path).body.string
            #expect(page.contains("nghi bị bố đánh"))
            #expect(!page.contains("Phạm Thị Lan"))
            let csv = try await province.get("/cases.csv?filter=late").body.string
            #expect(csv.contains(id.uuidString))
            #expect(!csv.contains("Phạm") && !csv.contains("0987654321"))
        }
    }

    @Test func theInboxFindsACaseByItsChildsNameTypedWithoutAccents() async throws {
        try await withTreApp { app in
            let mai = try await makeChild(app, "Lê Thị Mai")
            try await makeChild(app, "Đỗ Văn Hùng")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            for childID in [try mai.requireID(), nil] {
                let children = childID.map { #","childIds":["\#($0.uuidString)"]"# } ?? ""
                let answer = try await app.testing().sendRequest(
                    .POST, "/api/v1/reports", headers: bearer(token, json: true),
                    body: ByteBuffer(
                        string:
                            #"{"channel":"walk_in","communeCode":4,"abuseForms":["neglect"],"description":"Trẻ bị bỏ mặc"\#(children)}"#
                    ))
                #expect(answer.status == .created)
            }
            let officer = try await signedIn(app, "xa4")
            let all = try await officer.get("/cases").body.string
            #expect(all.contains("2 kết quả"))
            let found = try await officer.get("/cases?q=le%20thi%20mai").body.string
            #expect(found.contains("1 kết quả"))
            #expect(try await officer.get("/cases?q=hung").body.string.contains("0 kết quả"))
            let csv = try await officer.get("/cases.csv?q=MAI").body.string
            #expect(csv.split(separator: "\r\n").count == 2, "the header and the one case")
        }
    }

    @Test func anotherCommunesOfficerCannotOpenTheCase() async throws {
        try await withTreApp { app in
            let id = try await reportByHotline(app)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            let other = try await signedIn(app, "xa8")
            #expect(try await other.get(SiteURL.cases(.show(.value(id))).path).status == .notFound)
            #expect(!(try await other.get("/cases").body.string.contains(SiteURL.cases(.show(.value(id))).path)))
            #expect(!(try await other.get("/cases.csv").body.string.contains(id.uuidString)))
            try await other.get("/cases")
            let acted = try await other.post(
                SiteURL.cases(.show(.value(id))).path + "/initial-assessment",
                ["version": "1", "risk": "low", "reasons": "x"])
            #expect(acted.status == .notFound)
        }
    }

    @Test func aReportWithoutAFormOfAbuseKeepsWhatWasTyped() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = try await signedIn(app, "xa4")
            try await officer.get("/reports/new")
            let refused = try await officer.post(
                "/reports/new", ["channel": "walk_in", "communeCode": "4", "description": "Trẻ bỏ học đi làm thuê"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Chọn ít nhất một hình thức xâm hại."))
            #expect(refused.body.string.contains("Trẻ bỏ học đi làm thuê"))
            #expect(try await ProtectionCase.query(on: app.db).count() == 0)
        }
    }

    @Test func aPassedDeadlineIsEscalatedOnceToTheCommuneAndTheProvince() async throws {
        try await withTreApp { app in
            let id = try await reportByHotline(app, hoursAgo: 13)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "chutich4", role: .communeChair, commune: Places.baDinh)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)

            #expect(try await CaseEscalation.run(on: app.db) == 1)
            #expect(try await CaseEscalation.run(on: app.db) == 0, "escalated once")
            let told = try await CaseNotification.query(on: app.db).all().map(\.userID)
            let names = try await UserAccount.query(on: app.db).filter(\.$id ~~ told).all().map(\.username)
            #expect(Set(names) == ["xa4", "chutich4", "tinh1"])

            let province = try await signedIn(app, "tinh1")
            let messages = try await province.get("/notifications").body.string
            #expect(messages.contains("Quá hạn: Can thiệp khẩn cấp (12 giờ)"))
            #expect(messages.contains(SiteURL.cases(.show(.value(id))).path))
            #expect(try await province.get("/cases").body.string.contains("Đã báo cáo lên tỉnh"))
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "case.escalated").count() == 1)
        }
    }

    @Test func aDayOffAddedByTheAdministratorMovesThePlanDeadline() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            // Received Monday 2 November 2026: 5 working days end on Monday the 9th.
            func planDue() async throws -> Date? {
                let answer = try await app.testing().sendRequest(
                    .POST, "/api/v1/reports", headers: bearer(token, json: true),
                    body: ByteBuffer(
                        string:
                            #"{"channel":"walk_in","receivedAt":"2026-11-02T02:00:00Z","communeCode":4,"abuseForms":["neglect"],"description":"Trẻ bị bỏ mặc"}"#
                    ))
                #expect(answer.status == .created, "\(answer.body.string)")
                return try answer.content.decode(CaseDTO.self).nextDeadline?.due
            }
            #expect(try await planDue() == VietnamDay.end(of: CivilDate(2026, 11, 9)))

            let admin = try await signedIn(app, "quantri")
            try await admin.get("/admin/days-off")
            let refused = try await admin.post("/admin/days-off", ["date": "31/02/2026", "name": "Sai"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Ngày không đúng"))
            let added = try await admin.post("/admin/days-off", ["date": "04/11/2026", "name": "Nghỉ bù"])
            #expect(added.status == .seeOther)
            let page = try await admin.get("/admin/days-off?year=2027").body.string
            #expect(page.contains("04/11/2026 · Nghỉ bù"))
            #expect(page.contains("06/02/2027"), "Tết 2027 is listed among the statutory days")
            #expect(try await planDue() == VietnamDay.end(of: CivilDate(2026, 11, 10)))
        }
    }

    @Test func anOfficerRefersTheCaseAndRecordsAVisitFromTheCasePage() async throws {
        try await withTreApp { app in
            let id = try await reportByHotline(app)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = try await signedIn(app, "xa4")
            try await officer.get(SiteURL.cases(.show(.value(id))).path)
            let referred = try await officer.post(
                SiteURL.cases(.show(.value(id))).path + "/referrals",
                [
                    "providerKind": "health", "providerName": "Trạm y tế phường", "reason": "Khám vết thương",
                    "sentOn": "20/11/2026",
                ])
            #expect(referred.status == .seeOther)
            let refused = try await officer.post(
                SiteURL.cases(.show(.value(id))).path + "/follow-ups", ["visitedOn": "30/02/2026", "notes": "Trẻ ổn"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Ngày không đúng"))
            try await officer.post(
                SiteURL.cases(.show(.value(id))).path + "/follow-ups",
                ["visitedOn": "21/11/2026", "childSeen": "1", "notes": "Trẻ đã đi học"])
            let page = try await officer.get(SiteURL.cases(.show(.value(id))).path).body.string
            #expect(page.contains("Y tế: Trạm y tế phường"))
            #expect(page.contains("Khám vết thương"))
            #expect(page.contains("21/11/2026"))
            #expect(page.contains("Trẻ đã đi học"))
        }
    }
}
