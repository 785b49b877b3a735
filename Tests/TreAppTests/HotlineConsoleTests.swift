import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct HotlineConsoleTests {
    @Test func aCounsellorLogsCallsAndTurnsOneIntoAReport() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            let browser = WebClient(app)
            try await browser.signIn("tuvan")
            let console = try await browser.get("/hotline").body.string
            #expect(console.contains("Alt+Shift+S"))
            let form = [
                "startedAt": String(Int(Date().timeIntervalSince1970) - 300), "channel": "phone_111",
                "callerType": "adult_about_child", "callerIdentifier": "0912 345 678",
                "topicCodes[]": "violence.physical",
                "outcome": "counselled", "notes": "Bà ngoại gọi: cháu bị bố đánh",
            ]
            let saved = try await browser.post("/hotline", form)
            #expect(saved.status == .seeOther)
            #expect(
                try await browser.get(try #require(saved.headers.first(name: .location))).body.string.contains(
                    "Đã lưu cuộc gọi"))
            let again = try await browser.post("/hotline", form.merging(["notes": "Gọi lại"]) { $1 })
            let location = try #require(again.headers.first(name: .location))
            let id = try #require(location.split(separator: "=").last.map(String.init))

            let history = try await browser.get("/hotline/callers?identifier=%2B84912345678").body.string
            #expect(history.contains("Bà ngoại gọi"), "the caller is recognised however the number is typed")
            let contactPage = try await browser.get("/hotline/contacts/\(id)").body.string
            #expect(contactPage.contains("Bà ngoại gọi"), "the earlier contact is listed")
            #expect(contactPage.contains("/reports/new?contact=\(id)"), "the contact leads to the report form")
            try await browser.get("/reports/new?contact=\(id)")
            let opened = try await browser.post(
                "/reports/new",
                ["contactId": id, "communeCode": "4", "abuserIsCarer": "1", "description": "Cháu bị bố đánh"])
            #expect(opened.status == .seeOther)
            #expect(opened.headers.first(name: .location)?.hasPrefix("/cases/") == true)
            #expect(try await ProtectionCase.query(on: app.db).count() == 1)

            let refused = try await browser.post("/hotline", form.merging(["topicCodes[]": "violence.dragons"]) { $1 })
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("violence.dragons"))
            #expect(refused.body.string.contains("Bà ngoại gọi"), "what was typed is kept")
        }
    }

    @Test func othersCannotOpenTheConsoleOrLookUpCallers() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            #expect(try await officer.get("/hotline").status == .forbidden)
            #expect(try await officer.get("/hotline/callers?identifier=0912345678").status == .forbidden)
        }
    }

    @Test func theSupervisorSeesFollowUpsDueAndFlaggedCallers() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            let browser = WebClient(app)
            try await browser.signIn("tuvan")
            try await browser.get("/hotline")
            let today = VietnamDay.containing(Date())
            let written = String(format: "%02d/%02d/%04d", today.day, today.month, today.year)
            let badDate = try await browser.post(
                "/hotline", ["channel": "phone_111", "callerType": "child_about_self", "followUpOn": "32/13/2026"])
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.body.string.contains("Ngày theo dõi không đúng"))
            let saved = try await browser.post(
                "/hotline",
                [
                    "channel": "phone_111", "callerType": "child_about_self", "callerIdentifier": "0988 777 666",
                    "outcome": "counselled", "notes": "Em lo bị bố mẹ mắng vì điểm kém", "followUpOn": written,
                ])
            let id = try #require(saved.headers.first(name: .location)?.split(separator: "=").last.map(String.init))
            try await browser.get("/hotline/contacts/\(id)")
            let expired = try await browser.post(
                "/hotline/contacts/\(id)/flags", ["kind": "child_at_risk", "note": "x", "expiresOn": "01/01/2020"])
            #expect(expired.status == .unprocessableEntity)
            let tomorrow = today.adding(days: 1)
            try await browser.post(
                "/hotline/contacts/\(id)/flags",
                [
                    "kind": "child_at_risk", "note": "Gọi lại sau giờ học",
                    "expiresOn": String(format: "%02d/%02d/%04d", tomorrow.day, tomorrow.month, tomorrow.year),
                ])
            let history = try await browser.get("/hotline/callers?identifier=0988777666").body.string
            #expect(history.contains("Trẻ đang gặp nguy cơ"))

            let page = try await browser.get("/hotline/today").body.string
            #expect(page.contains("Em lo bị bố mẹ mắng"))
            #expect(page.contains("Trẻ đang gặp nguy cơ · 0988777666"))
            try await browser.post("/hotline/contacts/\(id)/followed-up", [:])
            #expect(!(try await browser.get("/hotline/today").body.string.contains("Em lo bị bố mẹ mắng")))
        }
    }
}
