import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Phường Ba Đình's inspections, campaigns and safe homes, and what its neighbour Ngọc Hà cannot see.
@Suite struct CommuneWorkTests {
    static let today = VietnamDay.containing(Date())
    static func typed(_ day: CivilDate) -> String { ForumsTests.typed(day) }

    static func inspection(violations: String, followUp: String = "", due: CivilDate? = nil) -> [String: String] {
        [
            "date": typed(today.adding(days: -10)), "placeKind": "craft_village",
            "placeName": "Xưởng mây tre đan Đông Hòa", "findings": "Hai em dưới 15 tuổi làm việc quá 4 giờ mỗi ngày",
            "violations": violations, "childrenFound": "2", "followUp": followUp,
            "followUpDue": due.map(typed) ?? "",
        ]
    }

    @Test func anInspectionLinksTheChildrenFoundAndItsOverdueFollowUpStandsOut() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            let child = try await makeChild(app, "Lò Thị Mai")
            let elsewhere = try await makeChild(app, "Đặng Văn Tú", commune: Places.ngocHa)
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            try await officer.get("/inspections")

            let refused = try await officer.post("/inspections", Self.inspection(violations: "2"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Có vi phạm thì phải ghi biện pháp xử lý"))
            #expect(refused.body.string.contains("Xưởng mây tre đan Đông Hòa"), "what was typed is kept")
            #expect(try await InspectionRecord.query(on: app.db).count() == 0)

            let saved = try await officer.post(
                "/inspections",
                Self.inspection(
                    violations: "2", followUp: "Chấm dứt sử dụng lao động trẻ em", due: Self.today.adding(days: -1)))
            #expect(saved.status == .seeOther, "\(saved.body.string)")
            let path = String(try #require(saved.headers.first(name: .location)).prefix { $0 != "?" })

            // A registered child of the commune is linked (and the link is on the child's history); a child
            // of another commune is not found.
            try await officer.get(path)
            #expect(
                try await officer.post("\(path)/children", ["childId": try child.requireID().uuidString]).status
                    == .seeOther)
            #expect(
                try await officer.post("\(path)/children", ["childId": try elsewhere.requireID().uuidString]).status
                    == .notFound)
            let page = try await officer.get(path).body.string
            let childID = try child.requireID().uuidString
            #expect(page.contains("Lò Thị Mai") && page.contains("/reports/new?child=\(childID)"))
            #expect(!page.contains("Đặng Văn Tú"))
            let childPage = try await officer.get("/children/\(childID)").body.string
            #expect(childPage.contains("Xưởng mây tre đan Đông Hòa · Hai em dưới 15 tuổi"), "on the child's page")
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "child.found_at_inspection")
                    .filter(\.$recordID == child.id?.uuidString).count() == 1)

            // Overdue follow-up: listed, searchable without accents, until it is done; a clean inspection is not.
            var clean = Self.inspection(violations: "0")
            clean["placeName"] = "Xưởng may Hòa Bình"
            #expect(try await officer.post("/inspections", clean).status == .seeOther)
            #expect(!(try await officer.get("/inspections?overdue=1").body.string.contains("Xưởng may Hòa Bình")))
            #expect(!(try await officer.get("/inspections?q=dong+hoa").body.string.contains("Xưởng may Hòa Bình")))
            #expect(try await officer.get("/inspections?overdue=1").body.string.contains("Xưởng mây tre đan Đông Hòa"))
            #expect(try await officer.get("/inspections?q=dong+hoa").body.string.contains("Xưởng mây tre đan Đông Hòa"))
            #expect(try await officer.post("\(path)/follow-up", ["followUpDoneOn": ""]).status == .seeOther)
            #expect(!(try await officer.get("/inspections?overdue=1").body.string.contains("Xưởng mây tre")))

            try await IndicatorRefresh.run(on: app.db)
            let token = try await apiToken(app, "xa4")
            let year = Self.today.adding(days: -10).year
            #expect(try await indicatorValue(app, token, "TR21?period=\(year)") == 2)
            #expect(try await indicatorValue(app, token, "TR22?period=\(year)") == 1)

            let other = WebClient(app)
            try await other.signIn("xa8")
            #expect(try await other.get(path).status == .notFound)
            #expect(!(try await other.get("/inspections.csv").body.string.contains("Xưởng mây tre")))
            try await other.get("/inspections")
            #expect(try await other.post("\(path)/follow-up", [:]).status == .notFound)
            #expect(try await other.post("\(path)/children", ["childId": childID]).status == .notFound)
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
            let caoBang = WebClient(app)
            try await caoBang.signIn("tinh4")
            #expect(try await caoBang.get(path).status == .notFound)
            #expect(!(try await caoBang.get("/inspections").body.string.contains("Xưởng mây tre")))
            #expect(try await InspectionChildRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func theActionMonthReportIsOverdueAfterTwentiethJulyUntilItIsSent() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let province = WebClient(app)
            try await province.signIn("tinh1")
            try await officer.get("/campaigns")
            let lastYear = Self.today.year - 1
            let month = try await officer.post(
                "/campaigns",
                [
                    "kind": "action_month", "name": "Tháng hành động phường Ba Đình", "startDate": "01/06/\(lastYear)",
                    "endDate": "30/06/\(lastYear)",
                    "children": "850", "adults": "120", "budget": "15.000.000",
                ])
            #expect(month.status == .seeOther, "\(month.body.string)")
            let festival = try await officer.post(
                "/campaigns",
                [
                    "kind": "mid_autumn", "name": "Vui Tết Trung thu", "startDate": "06/10/\(lastYear)",
                    "children": "300",
                ])
            #expect(festival.status == .seeOther)
            let wrong = try await officer.post(
                "/campaigns", ["kind": "contest", "startDate": "10/05/\(lastYear)", "endDate": "01/05/\(lastYear)"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Ngày kết thúc không thể trước ngày bắt đầu."))
            let costly = try await officer.post(
                "/campaigns", ["kind": "contest", "startDate": "10/05/\(lastYear)", "budget": "3.000.000.000"])
            #expect(costly.status == .unprocessableEntity)
            #expect(costly.body.string.contains("Kinh phí (đồng) tối đa là 2.000.000.000."))
            #expect(costly.body.string.contains(#"value="3.000.000.000""#), "what was typed is kept")
            // A province records for one of its communes, and is asked which one.
            try await province.get("/campaigns")
            let nowhere = try await province.post("/campaigns", ["kind": "contest", "startDate": "10/05/\(lastYear)"])
            #expect(nowhere.status == .unprocessableEntity && nowhere.body.string.contains("Nhập mã xã, phường"))
            #expect(try await CampaignRecord.query(on: app.db).count() == 2)

            let list = try await officer.get("/campaigns?year=\(lastYear)").body.string
            #expect(list.contains("1150") && list.contains("15.000.000 đ"), "totals of both activities")
            let overdue = try await officer.get("/campaigns?overdue=1").body.string
            #expect(overdue.contains("Tháng hành động phường Ba Đình") && !overdue.contains("Vui Tết Trung thu"))
            let work = try await province.get("/commune-work?year=\(lastYear)").body.string
            #expect(work.contains("<strong>1</strong> báo cáo Tháng hành động quá hạn"))
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            let neighbour = WebClient(app)
            try await neighbour.signIn("xa8")
            let theirs = try await neighbour.get("/commune-work?year=\(lastYear)").body.string
            #expect(theirs.contains("<strong>0</strong> báo cáo Tháng hành động quá hạn"), "Ba Đình's is not counted")
            #expect(!(try await neighbour.get("/campaigns").body.string.contains("Tháng hành động phường Ba Đình")))
            #expect(!(try await neighbour.get("/campaigns.csv").body.string.contains("Tháng hành động phường Ba Đình")))

            let id = try #require(
                try await CampaignRecord.query(on: app.db).filter(\.$kind == "action_month").first()?.id)
            try await neighbour.get("/campaigns")
            let notTheirs = try await neighbour.post("/campaigns/\(id.uuidString)/report", [:])
            #expect(notTheirs.status == .notFound)
            #expect(try await CampaignRecord.find(id, on: app.db)?.reportSubmittedOn == nil)
            #expect(try await officer.post("/campaigns/\(id.uuidString)/report", [:]).status == .seeOther)
            #expect(
                !(try await officer.get("/campaigns?overdue=1").body.string.contains("Tháng hành động phường Ba Đình")))
            #expect(try await province.get("/campaigns.csv").body.string.contains("Vui Tết Trung thu"))
        }
    }

    @Test func householdChecksDecideTheSafeHomeCountAndTheShare() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            let year = Self.today.year
            let path = "/safety/\(Places.baDinh)/\(year)"
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            try await officer.get(path)
            let tooMany = try await officer.post(path, ["schools": "2", "safeSchools": "3"])
            #expect(tooMany.status == .unprocessableEntity)
            #expect(tooMany.body.string.contains("Số trường học an toàn không thể nhiều hơn số được đánh giá."))
            #expect(try await SafetyCountsRecord.query(on: app.db).count() == 0)
            let impossible = try await officer.post(
                "\(path)/homes", ["household": "Hộ ông Hà Văn Năm", "criteriaMet": "10", "mandatoryMet": "12"])
            #expect(impossible.status == .unprocessableEntity)
            #expect(impossible.body.string.contains("không thể nhiều hơn tổng số tiêu chí đạt"))
            #expect(impossible.body.string.contains(#"value="Hộ ông Hà Văn Năm""#), "what was typed is kept")
            #expect(try await SafeHomeCheckRecord.query(on: app.db).count() == 0)

            for (household, met, mandatory) in [("Hộ ông Nguyễn Văn Ba", "25", "15"), ("Hộ bà Lê Thị Tư", "22", "15")] {
                let checked = try await officer.post(
                    "\(path)/homes", ["household": household, "criteriaMet": met, "mandatoryMet": mandatory])
                #expect(checked.status == .seeOther, "\(checked.body.string)")
            }
            // Typed home counts give way to the checks; schools and communities are kept as typed.
            let saved = try await officer.post(
                path,
                [
                    "homesAssessed": "40", "safeHomes": "40", "schools": "3", "safeSchools": "2", "communities": "5",
                    "safeCommunities": "5",
                ])
            #expect(saved.status == .seeOther)
            let counts = try #require(try await SafetyCountsRecord.query(on: app.db).first())
            #expect(counts.homesAssessed == 2 && counts.safeHomes == 1 && counts.safeSchools == 2)
            let page = try await officer.get(path).body.string
            #expect(page.contains("Mới đạt 22/33 tiêu chí, cần ít nhất 23."))
            let firstOfTwo = try await officer.get("\(path)?per=1").body.string
            #expect(firstOfTwo.contains("Hộ ông Nguyễn Văn Ba") && !firstOfTwo.contains("Hộ bà Lê Thị Tư"))
            #expect(firstOfTwo.contains(#"rel="next""#), "household checks are paged")
            #expect(try await officer.get("/safety?q=ba+dinh").body.string.contains("1/2"))

            try await IndicatorRefresh.run(on: app.db)
            #expect(try await indicatorValue(app, try await apiToken(app, "xa4"), "TR23?period=\(year)") == 50)

            let other = WebClient(app)
            try await other.signIn("xa8")
            #expect(try await other.get(path).status == .notFound)
            try await other.get("/safety")
            #expect(try await other.post("\(path)/homes", ["household": "x", "criteriaMet": "30"]).status == .notFound)
            #expect(try await SafeHomeCheckRecord.query(on: app.db).count() == 2)
        }
    }

    @Test func evidenceIsAttachedWithinTheLimitsAndOpenedOnlyInsideTheJurisdiction() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let path = ChildFriendlyTests.path
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            try await officer.get(path)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 2000)
            let attached = try await officer.postFile(
                "\(path)/evidence", fields: ["criterion": "11"], fileField: "file", fileName: "dien-dan-tre-em.png",
                content: png)
            #expect(attached.status == .seeOther)
            let back = try #require(attached.headers.first(name: .location))
            #expect(try await officer.get(back).body.string.contains("Đã đính kèm tệp minh chứng."))
            let renamed = try await officer.postFile(
                "\(path)/evidence", fields: ["criterion": "11"], fileField: "file", fileName: "bien-ban.pdf",
                content: Data([0x4D, 0x5A]) + Data(repeating: 0, count: 100))
            #expect(renamed.status == .unprocessableEntity)
            #expect(renamed.body.string.contains("chỉ nhận PDF, JPG, PNG, DOCX, XLSX"))
            let large = try await officer.postFile(
                "\(path)/evidence", fields: ["criterion": "11"], fileField: "file", fileName: "quet.pdf",
                content: Data("%PDF".utf8) + Data(repeating: 1, count: 5 * 1024 * 1024))
            #expect(large.status == .unprocessableEntity && large.body.string.contains("tối đa 5 MB mỗi tệp"))
            #expect(try await AssessmentEvidenceRecord.query(on: app.db).count() == 1)

            let id = try #require(try await AssessmentEvidenceRecord.query(on: app.db).first()?.id)
            let file = "\(path)/evidence/\(id.uuidString)"
            let province = WebClient(app)
            try await province.signIn("tinh1")
            let opened = try await province.get(file)
            #expect(opened.status == .ok && opened.headers.contentType?.description == "image/png")
            #expect(opened.body.readableBytes == png.count)
            let other = WebClient(app)
            try await other.signIn("xa8")
            #expect(try await other.get(file).status == .notFound)
            try await other.get("/child-friendly")
            #expect(try await other.post("\(file)/delete", [:]).status == .notFound)

            // The commune removes it while the assessment is still its own to change.
            let removed = try await officer.post("\(file)/delete", [:])
            #expect(removed.status == .seeOther)
            let after = try #require(removed.headers.first(name: .location))
            #expect(try await officer.get(after).body.string.contains("Đã gỡ tệp minh chứng."))
            #expect(try await AssessmentEvidenceRecord.query(on: app.db).count() == 0)
        }
    }
}
