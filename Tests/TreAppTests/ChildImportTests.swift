import Fluent
import Foundation
import SQLKit
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct ChildImportTests {
    private let goodFile = """
        \u{FEFF}Họ và tên,Giới tính,Ngày sinh,Dân tộc,Số định danh,Người chăm sóc,Quan hệ,Điện thoại
        Nguyễn Thị Thủy,Nữ,05/09/2015,Kinh,001315012345,Trần Thị Lan,mẹ,0912345678
        "Lò Văn Páo",Nam,2014-02-11,Thái,,,,
        Đặng Thị Hương,nữ,1/1/2020,,,"Đặng Văn Hải, bố",bố,0987654321
        """

    @Test func aGoodFileIsPreviewedThenSavedWhole() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let preview = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "danh-sach.csv",
                content: Data(goodFile.utf8))
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("danh-sach.csv: 3"))
            #expect(try await Child.query(on: app.db).count() == 0, "a preview writes nothing")
            let action = try #require(importCommitAction(preview.body.string))
            let committed = try await browser.post(action, [:])
            #expect(committed.status == .seeOther)
            let progress = try #require(committed.headers.first(name: .location))
            #expect(try await importFinished(browser, progress))
            let children = try await Child.query(on: app.db).sort(\.$sortKey).all()
            #expect(Set(children.map(\.fullName)) == ["Nguyễn Thị Thủy", "Lò Văn Páo", "Đặng Thị Hương"])
            #expect(children.count == 3)
            #expect(children.first { $0.givenName == "Páo" }?.ethnicityCode == "03")
            let caregivers = try await ChildCaregiver.query(on: app.db).all()
            #expect(Set(caregivers.map(\.relation)) == ["mother", "father"])
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "children.imported").first()?.details
                    == "rows=3 new=3 updated=0 source=import")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "child.created").count() == 3)
        }
    }

    @Test func everyBadRowIsShownWithItsLineAndNothingIsSaved() async throws {
        try await withTreApp { app in
            try await makeChild(app, "Trần Văn Nam", dateOfBirth: "2016-03-03")
            let browser = try await importingOfficer(app)
            let file = """
                ho_ten,gioi_tinh,ngay_sinh,so_dinh_danh,ma_xa
                Nguyễn Thị Thủy,nữ,31/02/2015,,
                Lê Văn An,nam,2015-01-01,12345,
                Phạm Thị Mai,nữ,2015-01-01,,999999
                Hồ Văn Tư,nam,2015-01-01,,8
                Trần Văn Nam,nam,2016-03-03,,
                Vũ Thị Lan,nữ,2014-04-04,001314012345,
                Võ Thị Lan,nữ,2014-04-05,001314012345,
                """
            let preview = try await browser.postFile(
                "/children/import", fields: [:], fileField: "file", fileName: "loi.csv", content: Data(file.utf8))
            #expect(preview.status == .unprocessableEntity)
            let html = preview.body.string
            #expect(html.contains("7 dòng, 5 dòng có lỗi"))
            #expect(html.contains("<tr><td>8</td><td>Võ Thị Lan</td><td><ul><li>Trùng với một dòng khác trong tệp."))
            #expect(html.contains("Ngày sinh không có thật trên lịch."))
            #expect(html.contains("Số định danh cá nhân phải gồm đúng 12 chữ số."))
            #expect(html.contains("Không có xã, phường với mã này."))
            #expect(html.contains("nằm ngoài phạm vi của bạn"))
            #expect(html.contains("1 hồ sơ sẽ được cập nhật"), "a child already registered is an update, not an error")
            #expect(html.contains("Trùng với một dòng khác trong tệp."))
            #expect(!html.contains("commit-import"))
            #expect(try await Child.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: [
        ("ten_tre,ngay\nAn,2015-01-01\n", "Tệp thiếu cột: ho_ten, gioi_tinh, ngay_sinh"),
        ("ho_ten,gioi_tinh,ngay_sinh\n", "Tệp không có dòng dữ liệu nào."),
    ])
    func aFileWithoutItsColumnsOrRowsIsRefusedClearly(content: String, message: String) async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let answer = try await browser.postFile(
                "/children/import", fields: [:], fileField: "file", fileName: "x.csv", content: Data(content.utf8))
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains(message))
        }
    }

    @Test func aFileInAnotherEncodingIsRefusedClearly() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            var content = Data("ho_ten,gioi_tinh,ngay_sinh\n".utf8)
            // "Lê Văn,nam,2015" in Windows-1258, which TCVN3 reads as "Lờ Vón": Tre asks rather than guesses.
            content += Data([0x4C, 0xEA, 0x20, 0x56, 0xE3, 0x6E, 0x2C, 0x6E, 0x61, 0x6D, 0x2C, 0x32, 0x30, 0x31, 0x35])
            let answer = try await browser.postFile(
                "/children/import", fields: [:], fileField: "file", fileName: "x.csv", content: content)
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains("CSV UTF-8"))
        }
    }

    @Test func aCommitIsRefusedWholeWhenTheRegistryChangedSinceThePreview() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let preview = try await browser.postFile(
                "/children/import", fields: [:], fileField: "file", fileName: "danh-sach.csv",
                content: Data(goodFile.utf8))
            let action = try #require(importCommitAction(preview.body.string))
            try await makeChild(app, "Lò Văn Páo", sex: "male", dateOfBirth: "2014-02-11")
            let refused = try await browser.post(action, [:])
            #expect(refused.status == .conflict)
            #expect(try await Child.query(on: app.db).count() == 1)
        }
    }

    @Test func anImportCutOffByARestartEndsAsFailedInsteadOfRunningForever() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let owner = try #require(try await UserAccount.query(on: app.db).filter(\.$username == "xa4").first())
            let batch = ChildImportBatch(
                userID: try owner.requireID(), defaultCommune: 4, fileName: "danh-sach.csv", content: goodFile)
            batch.status = ChildImportBatch.Status.running.rawValue
            try await batch.save(on: app.db)
            let path = "/children/import/\(try batch.requireID())"
            #expect(try await browser.get(path).body.string.contains("Đang ghi vào sổ"))

            try await ChildImportBatch.markInterrupted(on: app.db)  // what `tre serve` does when it starts

            let page = try await browser.get(path).body.string
            #expect(page.contains("không dòng nào được lưu"))
            #expect(!page.contains("http-equiv=\"refresh\""), "the page stops refreshing")
        }
    }

    /// 450 rows: two batches. Someone registers the 420th child's personal ID between the check and the second
    /// batch: the import fails there, and the first batch's 400 children are removed again.
    @Test func anImportThatFailsHalfwayLeavesNothingOfItself() async throws {
        try await withTreApp { app in
            let header = "Họ và tên,Giới tính,Ngày sinh,Số định danh"
            let rows = (0..<450).map { "Nguyễn Văn Số \($0),Nam,2015-01-01,0012150\(String(format: "%05d", $0))" }
            let data = Data(([header] + rows).joined(separator: "\n").utf8)
            let principal = Principal(
                userID: UUID(), username: "xa4", fullName: "Xã", role: .communeOfficer,
                jurisdiction: .commune(provinceCode: Places.haNoi, communeCode: Places.baDinh),
                mustChangePassword: false)
            let importer = ChildImporter(database: app.db, principal: principal, actor: .system("test"))
            let check = try await importer.check(try ChildImporter.readRows(data, defaultCommune: Places.baDinh))
            #expect(check.canCommit)
            let other = try await makeChild(app, "Người Khác", sex: "male", personalID: "001215000420")
            await #expect(throws: (any Error).self) { try await importer.commit(check) }
            #expect(try await Child.query(on: app.db).count() == 1, "only the child registered beside it")
            #expect(try await ChildNameToken.query(on: app.db).all().allSatisfy { $0.childID == other.id })
            let undone = try await AuditEntry.query(on: app.db).filter(\.$action == "children.import_undone").first()
            #expect(undone?.details.contains("rows=400") == true)
        }
    }

    /// A process killed between two batches leaves their rows listed; the next start removes them.
    @Test func anImportCutOffByACrashIsUndoneWhenTreStarts() async throws {
        try await withTreApp { app in
            let written = try await makeChild(app, "Trần Thị Dở Dang")
            let sql = try #require(app.db as? any SQLDatabase)
            try await ChildImportRollback.record([try written.requireID()], batchID: UUID(), on: sql)
            #expect(try await ChildImportRollback.undoInterrupted(idle: 120, on: app.db) == 0, "a live import stays")
            #expect(try await ChildImportRollback.undoInterrupted(idle: -1, on: app.db) == 1)
            #expect(try await Child.query(on: app.db).count() == 0)
        }
    }

    /// The reported file: what Excel on Windows set to comma decimals writes (a byte-order mark, ";" between
    /// fields, commas inside addresses) was refused with "Tệp thiếu cột: ho_ten, gioi_tinh, ngay_sinh".
    @Test func aSemicolonFileWithAByteOrderMarkIsRead() throws {
        let text =
            "ho_ten;gioi_tinh;ngay_sinh;dia_chi\r\nNguyễn Thị Hằng;Nữ;12/03/2016;Số 5, Phường Ba Đình\r\n"
            + "Đặng Minh Khôi;Nam;05/11/2014;\"Tổ 3; Ngọc Hà\"\r\n"
        let data = Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let file = try ChildImporter.read(data, defaultCommune: Places.baDinh)
        #expect(file.reading.encoding == .utf8 && file.reading.separator == .semicolon)
        #expect(file.rows.map(\.draft.fullName) == ["Nguyễn Thị Hằng", "Đặng Minh Khôi"])
        #expect(file.rows.map(\.draft.address) == ["Số 5, Phường Ba Đình", "Tổ 3; Ngọc Hà"])
        #expect(file.rows.map(\.draft.sex) == ["female", "male"])
        #expect(try ChildImporter.readRows(data, defaultCommune: Places.baDinh).count == 2)
        // Read with commas only, as before: the whole header is one column, and the columns seem missing.
        #expect(throws: ChildImportFile.FileError.self) {
            try ChildImporter.read(data, defaultCommune: Places.baDinh, separator: .comma)
        }
    }

    /// A separator the person chose is kept: the file read again between preview and commit gives the same rows.
    @Test func aChosenSeparatorStillHoldsWhenTheKeptFileIsReadAgain() throws {
        let data = Data("ho_ten;gioi_tinh;ngay_sinh;ghi_chu,,,\nLê Văn An;nam;01/02/2015;p,q,r,s\n".utf8)
        #expect(try ImportText.read([UInt8](data)).separator == .comma, "detection alone would split at commas")
        let chosen = try ChildImporter.read(data, defaultCommune: Places.baDinh, separator: .semicolon)
        #expect(chosen.rows.map(\.draft.notes) == ["p,q,r,s"])
        let kept = try ChildImporter.keptText(chosen.reading)
        let again = try ChildImporter.read(Data(kept.utf8), defaultCommune: Places.baDinh)
        #expect(again.rows.map(\.draft.fullName) == ["Lê Văn An"])
        #expect(again.rows.map(\.draft.notes) == ["p,q,r,s"])
        #expect(again.rows.map(\.line) == chosen.rows.map(\.line))
    }

    /// An old workbook saved in TCVN3 (ABC) is read, previewed and written as the Vietnamese it is: the file is
    /// kept between preview and commit as the text it was read as, not as its bytes taken for UTF-8.
    @Test func aLegacyTCVN3ListIsPreviewedAndSavedInProperVietnamese() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../TreDomainTests/Data/import/tcvn3-semicolon.csv")
        let data = try Data(contentsOf: file)
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let preview = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "so-theo-doi.csv",
                content: data)
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("Nguyễn Thị Hằng"))
            let action = try #require(importCommitAction(preview.body.string))
            let committed = try await browser.post(action, [:])
            let progress = try #require(committed.headers.first(name: .location))
            #expect(try await importFinished(browser, progress))
            let names = try await Child.query(on: app.db).all().map { Array($0.fullName.unicodeScalars) }
            #expect(
                Set(names)
                    == Set(
                        ["Nguyễn Thị Hằng", "Đặng Minh Khôi", "Trần Thị Thu Hương"].map {
                            Array($0.precomposedStringWithCanonicalMapping.unicodeScalars)
                        }))
            let addresses = try await Child.query(on: app.db).all().map(\.address)
            #expect(addresses.contains("Phường Ba Đình; Hà Nội"))
        }
    }

    /// When detection reads a file wrongly, the person chooses the encoding on the upload form, and the choice
    /// holds: the same TCVN3 bytes taken as Windows-1258 show garbled names, taken as TCVN3 the right ones.
    @Test func theEncodingChosenOnTheUploadFormIsTheOneUsed() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../TreDomainTests/Data/import/tcvn3-comma.csv")
        let data = try Data(contentsOf: file)
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let form = try await browser.get("/children/import").body.string
            #expect(form.contains(#"<option value="tcvn3">TCVN3 (ABC)</option>"#))
            let wrong = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4", "encoding": "windows1258", "separator": "comma"],
                fileField: "file", fileName: "so.csv", content: data)
            #expect(
                !wrong.body.string.contains("Nguyễn Thị Hằng"), "the wrong choice is visible before anything is written"
            )
            let right = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4", "encoding": "tcvn3"], fileField: "file",
                fileName: "so.csv", content: data)
            #expect(right.body.string.contains("Nguyễn Thị Hằng"))
            #expect(try await Child.query(on: app.db).count() == 0, "a preview writes nothing")
        }
    }

    @Test func aFileInNoRecognisableEncodingIsRefusedAskingForTheEncoding() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            // "Müller;groß" in Latin-1: no encoding reads it as Vietnamese.
            let latin1 = Data([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x3B, 0x67, 0x72, 0x6F, 0xDF, 0x0A])
            let refused = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "x.csv",
                content: latin1)
            #expect(refused.body.string.contains("Không xác định được bảng mã"))
            #expect(try await Child.query(on: app.db).count() == 0)
        }
    }
}
