import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Phường Ba Đình holds a children's forum 20 days ago. The children raise three questions, due 1, 2 and 3
/// days after it: the first is answered on time, the second never (overdue), the third two days late.
@Suite struct ForumsTests {
    /// A day the forum's questions all fall due in the same year.
    static var forumDay: CivilDate {
        var day = VietnamDay.containing(Date()).adding(days: -20)
        if day.month == 12 && day.day >= 28 { day = day.adding(days: -5) }
        return day
    }

    static func typed(_ day: CivilDate) -> String { String(format: "%02d/%02d/%04d", day.day, day.month, day.year) }

    static func forumForm(children: String, reason: String = "") -> [String: String] {
        [
            "level": "commune", "date": typed(forumDay), "place": "Nhà văn hóa phường Ba Đình", "children": children,
            "chaperones": "4", "consents": children, "belowMinimumReason": reason,
        ]
    }

    /// Records the forum through the page and returns its path.
    static func recordForum(_ client: WebClient) async throws -> String {
        try await client.get("/forums")
        let saved = try await client.post("/forums", forumForm(children: "42"))
        #expect(saved.status == .seeOther, "\(saved.body.string)")
        let location = try #require(saved.headers.first(name: .location))
        return String(location.prefix { $0 != "?" })
    }

    /// The forum page's line about its report.
    static func reportStatus(_ page: String) -> String {
        guard let start = page.range(of: #"id="report-status""#) else { return "" }
        return String(page[start.upperBound...].prefix { $0 != "\n" })
    }

    @Test func questionsAreRoutedWithDueDatesAndTheOverdueOnesStandOut() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            try await officer.get("/forums")

            // Fewer than 30 children without a reason: refused in Vietnamese, what was typed kept, nothing saved.
            let small = try await officer.post("/forums", Self.forumForm(children: "24"))
            #expect(small.status == .unprocessableEntity)
            #expect(small.body.string.contains("cần ít nhất 30 trẻ em"))
            #expect(small.body.string.contains(#"value="Nhà văn hóa phường Ba Đình""#))
            #expect(try await ChildrenForumRecord.query(on: app.db).count() == 0)

            let forum = try await Self.recordForum(officer)
            let day = Self.forumDay
            let questions = [
                ("Xin làm sân chơi cho thôn 3", "UBND xã", day.adding(days: 1), day.adding(days: 1) as CivilDate?),
                ("Đề nghị lắp đèn đường trước cổng trường", "UBND xã", day.adding(days: 2), nil),
                ("Xin tổ chức lớp học bơi mùa hè", "Trường học", day.adding(days: 3), day.adding(days: 5)),
            ]
            for (text, agency, due, _) in questions {
                let routed = try await officer.post(
                    "\(forum)/questions", ["text": text, "agency": agency, "due": Self.typed(due)])
                #expect(routed.status == .seeOther, "\(routed.body.string)")
            }
            let early = try await officer.post(
                "\(forum)/questions",
                ["text": "Câu hỏi", "agency": "UBND xã", "due": Self.typed(day.adding(days: -1))])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("Hạn trả lời không thể trước ngày diễn đàn."))

            let stored = try await ForumQuestionRecord.query(on: app.db).all()
            for (text, _, _, answered) in questions {
                guard let answered, let id = stored.first(where: { $0.text == text })?.id else { continue }
                let answer = try await officer.post(
                    "\(forum)/questions/\(id.uuidString)/answer",
                    ["answer": "UBND xã đã ghi vào kế hoạch năm", "answeredOn": Self.typed(answered)])
                #expect(answer.status == .seeOther, "\(answer.body.string)")
            }

            // An answer dated tomorrow is refused; what was typed stays in that question's form.
            let lamp = try #require(stored.first { $0.text.hasPrefix("Đề nghị lắp đèn") }?.id)
            let tomorrow = try await officer.post(
                "\(forum)/questions/\(lamp.uuidString)/answer",
                [
                    "answer": "Sẽ lắp trong quý tới",
                    "answeredOn": Self.typed(VietnamDay.containing(Date()).adding(days: 1)),
                ])
            #expect(tomorrow.status == .unprocessableEntity)
            #expect(tomorrow.body.string.contains("Ngày không được ở tương lai."))
            #expect(tomorrow.body.string.contains(">Sẽ lắp trong quý tới</textarea>"))
            #expect(try await ForumQuestionRecord.find(lamp, on: app.db)?.answeredOn == nil)

            // The overdue list holds only the unanswered question; the forum page shows the answer given back.
            let overdue = try await officer.get("/forums/questions?overdue=1").body.string
            #expect(overdue.contains("Đề nghị lắp đèn đường"))
            #expect(!overdue.contains("Xin làm sân chơi") && !overdue.contains("lớp học bơi"))
            let page = try await officer.get(forum).body.string
            #expect(page.contains("UBND xã đã ghi vào kế hoạch năm") && page.contains("Trả lời muộn"))
            let csv = try await officer.get("/forums/questions.csv").body.string
            #expect(csv.contains("Đề nghị lắp đèn đường") && csv.contains("Xin tổ chức lớp học bơi"))

            // The report was due 15 days after the forum: overdue until it is sent, then sent late.
            #expect(Self.reportStatus(page).contains("Quá hạn"), "\(Self.reportStatus(page))")
            #expect(try await officer.get("/forums?overdue=1").body.string.contains("Nhà văn hóa phường Ba Đình"))
            #expect(try await officer.post("\(forum)/report", ["reportSubmittedOn": ""]).status == .seeOther)
            #expect(Self.reportStatus(try await officer.get(forum).body.string).contains("Đã xong, muộn"))
            #expect(!(try await officer.get("/forums?overdue=1").body.string.contains("Nhà văn hóa phường Ba Đình")))

            // Indicators: one forum held; one of three questions answered on time.
            try await IndicatorRefresh.run(on: app.db)
            let token = try await apiToken(app, "xa4")
            #expect(try await indicatorValue(app, token, "TR19?period=\(day.year)") == 1)
            let onTime = try #require(try await indicatorValue(app, token, "TR20?period=\(day.year)"))
            #expect(abs(onTime - 100.0 / 3) < 0.1, "\(onTime)")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "forum.question_answered").count() == 2)
        }
    }

    @Test func nobodySeesOrAnswersAForumOutsideTheirJurisdiction() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "tongdai", role: .hotlineCounsellor)
            let own = WebClient(app)
            try await own.signIn("xa4")
            let forum = try await Self.recordForum(own)
            try await own.get(forum)
            #expect(
                try await own.post(
                    "\(forum)/questions",
                    ["text": "Xin sân bóng", "agency": "UBND xã", "due": Self.typed(Self.forumDay.adding(days: 9))]
                ).status == .seeOther)

            let other = WebClient(app)
            try await other.signIn("xa8")
            #expect(try await other.get(forum).status == .notFound)
            try await other.get("/forums")
            #expect(try await other.post("\(forum)/report", [:]).status == .notFound)
            #expect(
                try await other.post("\(forum)/questions", ["text": "x", "agency": "y", "due": "01/01/2030"]).status
                    == .notFound)
            for path in ["/forums", "/forums.csv", "/forums/questions", "/forums/questions.csv"] {
                let body = try await other.get(path).body.string
                #expect(!body.contains("Nhà văn hóa phường Ba Đình") && !body.contains("Xin sân bóng"), "\(path)")
            }
            #expect(try await ForumQuestionRecord.query(on: app.db).count() == 1)

            let province = WebClient(app)
            try await province.signIn("tinh1")
            #expect(try await province.get("/forums/questions").body.string.contains("Xin sân bóng"))
            let hotline = WebClient(app)
            try await hotline.signIn("tongdai")
            #expect(try await hotline.get("/forums").status == .forbidden)
        }
    }
}
