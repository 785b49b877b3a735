import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// This month's list again: the children already registered are updates, shown field by field before anything
/// is written, and the same file twice changes nothing the second time.
@Suite struct ChildImportUpdateTests {
    private let header = "Họ và tên,Giới tính,Ngày sinh,Số định danh,Địa chỉ,Người chăm sóc,Quan hệ,Điện thoại"

    private func preview(_ browser: WebClient, _ rows: [String], refused: Bool = false) async throws -> String {
        let answer = try await browser.postFile(
            "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "thang-12.csv",
            content: Data(([header] + rows).joined(separator: "\n").utf8))
        #expect(answer.status == (refused ? .unprocessableEntity : .ok))
        return answer.body.string
    }

    private func commit(_ browser: WebClient, _ page: String) async throws {
        let committed = try await browser.post(try #require(importCommitAction(page)), [:])
        let progress = try #require(committed.headers.first(name: .location))
        #expect(try await importFinished(browser, progress))
    }

    @Test func aRegisteredChildIsShownAsAnUpdateWithItsChangesAndABlankCellKeepsWhatIsThere() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let thuy = try await makeChild(
                app, "Nguyễn Thị Thủy", dateOfBirth: "2015-09-05", personalID: "001315012345")
            thuy.healthInsuranceCard = "HS4010123456789"
            try await thuy.update(on: app.db)
            // Matched by ID: the sex and date of birth cells are blank, and the address is new.
            let page = try await preview(
                browser,
                [
                    "Nguyễn Thị Thủy,,,001315012345,\"Tổ 7, phố Đội Cấn\",Trần Thị Lan,mẹ,0912345678",
                    "Lò Văn Páo,Nam,2014-02-11,,,,,",
                ])
            #expect(page.contains("1 trẻ mới"))
            #expect(page.contains("1 hồ sơ sẽ được cập nhật"))
            #expect(page.contains("<del>—</del></td><td><ins>Tổ 7, phố Đội Cấn</ins>"), "the address side by side")
            #expect(page.contains("<ins>Trần Thị Lan</ins>"))
            #expect(page.contains("Ghi tất cả vào sổ (2)"))
            #expect(try await Child.query(on: app.db).count() == 1, "a preview writes nothing")

            try await commit(browser, page)
            let stored = try #require(try await Child.find(thuy.id, on: app.db))
            #expect(stored.address == "Tổ 7, phố Đội Cấn")
            #expect(stored.healthInsuranceCard == "HS4010123456789", "what the file leaves blank stays")
            #expect(stored.sex == "female" && stored.birthDate == "2015-09-05")
            #expect(try await Child.query(on: app.db).count() == 2)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "child.updated").all()
            #expect(audit.map(\.details) == ["import fields=address,caregivers"])
            #expect(audit.first?.recordID == thuy.id?.uuidString)
        }
    }

    @Test func theSameFileTwiceChangesNothingTheSecondTime() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let rows = [
                "Nguyễn Thị Thủy,Nữ,05/09/2015,001315012345,Tổ 5,Trần Thị Lan,mẹ,0912345678",
                "Lò Văn Páo,Nam,2014-02-11,,Bản Lướt,,,",
            ]
            try await commit(browser, try await preview(browser, rows))
            #expect(try await Child.query(on: app.db).count() == 2)
            let audited = try await AuditEntry.query(on: app.db).count()

            let again = try await preview(browser, rows)
            #expect(again.contains("0 trẻ mới"))
            #expect(again.contains("2 hồ sơ không thay đổi"))
            #expect(again.contains("Không có gì để ghi"))
            #expect(!again.contains("commit-import"), "nothing to confirm")
            #expect(try await Child.query(on: app.db).count() == 2)
            #expect(try await ChildCaregiver.query(on: app.db).count() == 1)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["child.updated", "child.created"]).count()
                    == 2)
            #expect(try await AuditEntry.query(on: app.db).count() >= audited)
        }
    }

    @Test func aRecordChangedAfterThePreviewStopsTheCommitWhole() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let thuy = try await makeChild(app, "Nguyễn Thị Thủy", personalID: "001315012345")
            let page = try await preview(
                browser, ["Nguyễn Thị Thủy,,,001315012345,Tổ 7,,,", "Lò Văn Páo,Nam,2014-02-11,,,,,"])
            #expect(page.contains("1 hồ sơ sẽ được cập nhật"))
            try await Task.sleep(for: .milliseconds(1100))  // timestamps are stored to the second on SQLite
            thuy.notes = "Đã đến nhà ngày 28/11"
            try await thuy.update(on: app.db)

            let refused = try await browser.post(try #require(importCommitAction(page)), [:])
            #expect(refused.status == .conflict)
            #expect(try await Child.query(on: app.db).count() == 1, "the new child is not written either")
            #expect(try await Child.find(thuy.id, on: app.db)?.address == "")
        }
    }

    @Test func aPersonalIDOfAChildOutsideTheCommuneIsNotAnUpdate() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let other = try await makeChild(app, "Nguyễn Thị Thủy", commune: Places.ngocHa, personalID: "001315012345")
            let page = try await preview(browser, ["Nguyễn Thị Thủy,Nữ,05/09/2015,001315012345,Tổ 7,,,"], refused: true)
            #expect(page.contains("Số định danh cá nhân này đã có trong hồ sơ một trẻ khác."))
            #expect(!page.contains("Phường Ngọc Hà"), "nothing of the other commune's record is shown")
            #expect(!page.contains("commit-import"))
            #expect(try await Child.find(other.id, on: app.db)?.address == "")
        }
    }
}

/// A large file is checked in the background: the upload goes at once to the file's page, which shows the
/// check's progress and then the preview, in the reader's language, on whichever node serves it.
@Suite struct ChildImportInBackgroundTests {
    @Test func aLargeFileIsCheckedInTheBackgroundThenPreviewedAndSaved() async throws {
        try await withTreApp { app in
            app.importCheckInBackgroundAbove = 2
            let browser = try await importingOfficer(app)
            let file = """
                Họ và tên,Giới tính,Ngày sinh
                Nguyễn Thị Thủy,Nữ,05/09/2015
                Lò Văn Páo,Nam,2014-02-11
                Đặng Thị Hương,nữ,1/1/2020
                """
            let upload = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "lon.csv",
                content: Data(file.utf8))
            #expect(upload.status == .seeOther)
            let page = try #require(upload.headers.first(name: .location))
            var html = ""
            for _ in 0..<200 {
                html = try await browser.get(page).body.string
                if html.contains("import-summary") { break }
                #expect(html.contains("Đang kiểm tra từng dòng"))
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(html.contains("lon.csv: 3 dòng, 0 dòng có lỗi"))
            #expect(html.contains("3 trẻ mới"))
            #expect(try await Child.query(on: app.db).count() == 0, "a preview writes nothing")

            let committed = try await browser.post(try #require(importCommitAction(html)), [:])
            #expect(try await importFinished(browser, try #require(committed.headers.first(name: .location))))
            #expect(try await Child.query(on: app.db).count() == 3)
        }
    }
}

/// A file longer than the part checked at a time: what repeats across parts and what matches in a later part
/// are found as in a short file.
@Suite struct ChildImportInPartsTests {
    @Test func aRepeatAcrossPartsAndAMatchInALaterPartAreFound() async throws {
        try await withTreApp { app in
            let registered = try await makeChild(app, "Hà Thị Cuối", dateOfBirth: "2016-01-01")
            let count = ChildImporter.rowsCheckedTogether + 500
            var lines = ["Họ và tên,Giới tính,Ngày sinh,Số định danh,Địa chỉ"]
            for index in 0..<count {
                let id = index == count - 2 ? "001215000010" : "0012150\(String(format: "%05d", index))"
                lines.append("Nguyễn Văn Số \(index),Nam,2015-01-01,\(id),")
            }
            lines.append("Hà Thị Cuối,Nữ,2016-01-01,,Tổ 9")
            let principal = Principal(
                userID: UUID(), username: "xa4", fullName: "Xã", role: .communeOfficer,
                jurisdiction: .commune(provinceCode: Places.haNoi, communeCode: Places.baDinh),
                mustChangePassword: false)
            let importer = ChildImporter(database: app.db, principal: principal, actor: .system("test"))
            let check = try await importer.check(
                try ChildImporter.readRows(Data(lines.joined(separator: "\n").utf8), defaultCommune: Places.baDinh))
            #expect(check.rows.count == count + 1)
            #expect(check.rows.filter { !$0.errors.isEmpty }.map(\.line) == [count], "the ID of row 10, again")
            let last = try #require(check.rows.last)
            #expect(last.kind == .update && last.changes.map(\.after.vi) == ["Tổ 9"])
            #expect(check.updateCount == 1 && registered.id != nil)
        }
    }
}
