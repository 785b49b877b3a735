import Fluent
import Foundation
import Testing
import VaporTesting

@testable import TreApp

@Suite struct ChildrenPagesTests {
    private let form: [String: String] = [
        "fullName": "Đặng Thị Hương", "sex": "female", "dateOfBirth": "05/09/2015", "communeCode": "4",
        "caregiver0Relation": "mother", "caregiver0Name": "Lê Thị Mai", "caregiver0Phone": "0912345678",
    ]

    @Test func anOfficerRegistersAChildAndFindsItWithoutAccents() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            let blank = try await browser.get("/children/new")
            #expect(blank.status == .ok)
            #expect(blank.body.string.contains("Phường Ba Đình"))
            // An empty detail reads as not yet recorded, never as "no disability" or "no ethnicity".
            #expect(blank.body.string.contains("— Chưa ghi —"))
            #expect(!blank.body.string.contains("— Không —"))
            let saved = try await browser.post("/children/new", form)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))

            let record = try await browser.get(location)
            #expect(record.body.string.contains("Đặng Thị Hương"))
            #expect(record.body.string.contains("05/09/2015"))
            // The history says what was done, in words, not the trail's codes.
            #expect(record.body.string.contains("Tạo hồ sơ trẻ em"))
            #expect(record.body.string.contains("Xem hồ sơ trẻ em"))
            #expect(!record.body.string.contains("child.created"))

            let found = try await browser.get("/children?q=dang%20huong")
            #expect(found.body.string.contains("Đặng Thị Hương"))
            let missing = try await browser.get("/children?q=tran")
            #expect(!missing.body.string.contains("Đặng Thị Hương"))
        }
    }

    @Test func aFormWithErrorsKeepsEverythingTypedAndMarksTheFields() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            try await browser.get("/children/new")
            var bad = form
            bad["dateOfBirth"] = "31/02/2016"
            bad["caregiver0Phone"] = "123"
            let answer = try await browser.post("/children/new", bad)
            #expect(answer.status == .unprocessableEntity)
            let html = answer.body.string
            #expect(html.contains("Ngày sinh không có thật trên lịch."))
            #expect(html.contains("Số điện thoại phải có 10–11 chữ số"))
            #expect(html.contains(#"value="Đặng Thị Hương""#))
            #expect(html.contains(#"value="31/02/2016""#))
            #expect(html.contains(#"value="Lê Thị Mai""#))
            #expect(try await Child.query(on: app.db).count() == 0)
        }
    }

    @Test func aProbableDuplicateMustBeConfirmedBeforeCreating() async throws {
        try await withTreApp { app in
            try await makeChild(app, "Đặng Thị Hương", dateOfBirth: "2015-03-01")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            try await browser.get("/children/new")
            let warned = try await browser.post("/children/new", form)
            #expect(warned.status == .conflict)
            #expect(warned.body.string.contains("Có thể đã có hồ sơ của trẻ này"))
            #expect(try await Child.query(on: app.db).count() == 1)
            var confirmed = form
            confirmed["confirmNew"] = "1"
            #expect(try await browser.post("/children/new", confirmed).status == .seeOther)
            #expect(try await Child.query(on: app.db).count() == 2)
        }
    }

    @Test func anotherCommunesOfficerCannotOpenEditOrExportTheRecord() async throws {
        try await withTreApp { app in
            let child = try await makeChild(app, "Đặng Thị Hương")
            try await makeChild(app, "Nguyễn Văn Nam", commune: Places.ngocHa)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            let browser = WebClient(app)
            try await browser.signIn("xa8")
            let id = try child.requireID()
            #expect(try await browser.get("/children/\(id)").status == .notFound)
            #expect(try await browser.get("/children/\(id)/edit").status == .notFound)
            let edit = try await browser.post("/children/\(id)/edit", form.merging(["communeCode": "8"]) { $1 })
            #expect(edit.status == .notFound)
            let export = try await browser.get("/children.csv")
            #expect(export.body.string.contains("Nguyễn Văn Nam"))
            #expect(!export.body.string.contains("Đặng Thị Hương"))
            let views = try await AuditEntry.query(on: app.db).filter(\.$action == "child.viewed").count()
            #expect(views == 0)
        }
    }

    @Test func theExportListsTheFilteredChildrenAndIsAudited() async throws {
        try await withTreApp { app in
            try await makeChild(app, "Đặng Thị Hương", sex: "female")
            try await makeChild(app, "Lê Văn Nam", sex: "male", dateOfBirth: "2012-01-02")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = WebClient(app)
            try await browser.signIn("xa4")
            let export = try await browser.get("/children.csv?sex=male")
            #expect(export.headers.contentType?.subType == "csv")
            let lines = export.body.string.split(separator: "\r\n")
            #expect(lines.count == 2)
            #expect(lines[1].hasPrefix("Lê Văn Nam,male,2012-01-02,"))
            let exported = try await AuditEntry.query(on: app.db).filter(\.$action == "children.exported").first()
            #expect(exported?.details == "rows=1")
        }
    }
}
