import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// The personal-ID check with the commune police (Đề án 06): the list they verify goes out from the register, and
/// their answer comes back through the import, each change previewed, written whole and audited with its source.
@Suite struct ChildPoliceListTests {
    private let path = "/children/\(ChildPoliceList.fileName)"

    @Test func theListCarriesTheCommunesUnconfirmedRecordsWithTheirCodes() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let thuy = try await makeChild(app, "Nguyễn Thị Thủy")
            let confirmed = try await makeChild(app, "Lê Văn An", sex: "male", personalID: "001215012345")
            confirmed.idVerification = PoliceVerification.confirmed.rawValue
            try await confirmed.update(on: app.db)
            try await makeChild(app, "Trần Thị Khác", commune: Places.ngocHa)

            let answer = try await browser.get(path)
            #expect(answer.status == .ok)
            let table = try XLSXTable(data: Data(buffer: answer.body))
            let rows = try table.rows(of: table.sheets[0])
            #expect(rows.first?.prefix(3) == ["STT", "Mã hồ sơ Tre", "Họ và tên"])
            #expect(rows.dropFirst().map { $0[2] } == ["Nguyễn Thị Thủy"], "only this commune's unconfirmed records")
            #expect(rows.dropFirst().first?[1] == thuy.id?.uuidString)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "children.exported").all()
            #expect(audit.map(\.details) == ["police-list rows=1"])
        }
    }

    @Test func thePolicesAnswerIsPreviewedThenWrittenWithItsSource() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let thuy = try await makeChild(app, "Nguyễn Thị Thủy", dateOfBirth: "2015-09-05")
            let an = try await makeChild(app, "Lê Văn An", sex: "male", dateOfBirth: "2014-02-11")
            let file = """
                STT,Mã hồ sơ Tre,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Kết quả xác minh,Ghi chú của công an
                1,\(try thuy.requireID()),Nguyễn Thị Thủy,05/09/2015,Nữ,001315012345,Đã cấp số,
                2,\(try an.requireID()),Lê Văn An,11/02/2014,Nam,,Không tìm thấy,sai tên cha
                """
            let preview = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "tra-loi-cong-an.csv",
                content: Data(file.utf8))
            let html = preview.body.string
            #expect(html.contains("2 hồ sơ sẽ được cập nhật"))
            #expect(html.contains("<ins>001315012345</ins>"))
            #expect(html.contains("<ins>Công an không tìm thấy</ins>"))
            #expect(try await Child.find(thuy.id, on: app.db)?.personalID == nil, "a preview writes nothing")

            let committed = try await browser.post(try #require(importCommitAction(html)), [:])
            #expect(try await importFinished(browser, try #require(committed.headers.first(name: .location))))
            let found = try #require(try await Child.find(thuy.id, on: app.db))
            #expect(found.personalID == "001315012345" && found.idVerification == "confirmed")
            #expect(found.idVerifiedOn == VietnamTime.isoDate(Date()))
            #expect(try await Child.find(an.id, on: app.db)?.idVerification == "not_found")
            let worklist = try await browser.get("/data-quality/worklist?problem=personal_id_not_found").body.string
            #expect(worklist.contains("Lê Văn An") && !worklist.contains("Nguyễn Thị Thủy"), "back on the worklist")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "child.updated").sort(\.$sequence)
                .all().map(\.details)
            #expect(
                Set(audit) == ["police-answer fields=personalId,idVerification", "police-answer fields=idVerification"])

            // The same answer again: nothing left to write.
            let again = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "tra-loi-cong-an.csv",
                content: Data(file.utf8))
            #expect(again.body.string.contains("Không có gì để ghi"))
        }
    }

    @Test func anAnswerAboutARecordBeyondTheCommuneIsRefusedWhole() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let thuy = try await makeChild(app, "Nguyễn Thị Thủy")
            let other = try await makeChild(app, "Trần Thị Khác", commune: Places.ngocHa)
            let file = """
                Mã hồ sơ Tre,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Kết quả xác minh
                \(try thuy.requireID()),Nguyễn Thị Thủy,05/09/2015,Nữ,001315012345,Khớp
                \(try other.requireID()),Trần Thị Khác,05/09/2015,Nữ,001315054321,Khớp
                \(try thuy.requireID()),Nguyễn Thị Thủy,05/09/2015,Nữ,,Có lẽ
                """
            let preview = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "tra-loi.csv",
                content: Data(file.utf8))
            #expect(preview.status == .unprocessableEntity)
            let html = preview.body.string
            #expect(html.contains("Không có hồ sơ nào với mã này trong phạm vi của bạn."))
            #expect(html.contains("Không hiểu kết quả xác minh"))
            #expect(!html.contains("Trần Thị Khác") || !html.contains("Phường Ngọc Hà"))
            #expect(importCommitAction(html) == nil)
            #expect(try await Child.find(other.id, on: app.db)?.personalID == nil)
            #expect(try await Child.find(thuy.id, on: app.db)?.personalID == nil)
        }
    }

    @Test func anOfficerOfAnotherProvinceGetsNoneOfTheseRecords() async throws {
        try await withTreApp { app in
            try await makeChild(app, "Nguyễn Thị Thủy")
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
            let browser = WebClient(app)
            try await browser.signIn("tinh4")
            let answer = try await browser.get(path)
            let table = try XLSXTable(data: Data(buffer: answer.body))
            #expect(try table.rows(of: table.sheets[0]).count == 1, "the header only")
        }
    }
}
