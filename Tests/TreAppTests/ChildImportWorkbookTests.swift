import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Commune lists as they arrive: Excel workbooks (made here, part by part), the template, and bad files.
@Suite struct ChildImportWorkbookTests {
    typealias F = WorkbookFixture

    // MARK: Reading

    @Test func aWorkbookIsReadAsThePersonSeesIt() throws {
        let table = try XLSXTable(data: try F.communeList.data())
        #expect(table.sheets.map(\.name) == ["Ghi chú", "Trẻ em"])
        let rows = try table.rows(of: table.sheets[1])
        #expect(rows.count == 7)
        #expect(rows[0] == ["DANH SÁCH TRẺ EM PHƯỜNG BA ĐÌNH"], "a merged title keeps its value in its first cell")
        #expect(rows[1] == [])
        #expect(rows[2] == ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Mã dân tộc", "Số định danh", "Ghi chú"])
        #expect(rows[3] == ["1", "Nguyễn Thị Hằng", "Nữ", "05/09/2019", "1", "001319012345", "TRUE"])
        #expect(rows[5] == ["", "Đặng Thị Hương", "nữ", "1/1/2020"], "a skipped cell keeps the columns in place")
        #expect(rows[6][3] == "04/03/2018", "a formula's calculated value")
    }

    @Test func serialDatesOfBothSystemsAndCustomFormats() throws {
        // 5 September 2019: serial 43713 in the 1900 system, 42251 in the 1904 system.
        for (date1904, serial) in [(false, "43713"), (true, "42251")] {
            let fixture = F(
                sheets: [
                    F.Sheet(
                        name: "A",
                        rows: [
                            F.row(
                                1, F.number("A1", serial, style: 1), F.number("B1", serial, style: 2),
                                F.number("C1", serial + ".75", style: 4), F.number("D1", "0.5", style: 3),
                                F.number("E1", serial), F.number("F1", "1.5E+3"), F.number("G1", "2.25"))
                        ])
                ], date1904: date1904)
            let table = try XLSXTable(data: try fixture.data())
            let rows = try table.rows(of: table.sheets[0])
            #expect(rows == [["05/09/2019", "05/09/2019", "05/09/2019", "0.5", serial, "1500", "2.25"]])
        }
        #expect(XLSXTable.dateText(serial: 59, date1904: false) == "28/02/1900")
        #expect(XLSXTable.dateText(serial: 61, date1904: false) == "01/03/1900", "after Excel's 29 February 1900")
        #expect(XLSXTable.dateText(serial: 1, date1904: false) == "01/01/1900")
        #expect(XLSXTable.dateText(serial: 0, date1904: true) == "01/01/1904")
    }

    @Test func prefixedElementsAreReadLikeOthers() throws {
        var fixture = F(
            sheets: [F.Sheet(name: "x", rows: ["<x:row r=\"2\"><x:c r=\"B2\" t=\"s\"><x:v>0</x:v></x:c></x:row>"])],
            sharedStrings: ["<x:t>Xin chào</x:t>"])
        fixture.prefix = "x:"
        let table = try XLSXTable(data: try fixture.data())
        #expect(try table.rows(of: table.sheets[0]) == [[], ["", "Xin chào"]])
    }

    @Test func theFirstSheetWithTheColumnsIsReadBelowItsTitle() throws {
        let read = try ChildImporter.readWorkbook(try F.communeList.data(), defaultCommune: Places.baDinh)
        #expect(read.sheet == "Trẻ em")
        #expect(read.sheets == ["Ghi chú", "Trẻ em"])
        #expect(read.headerLine == 3)
        #expect(read.rows.map(\.line) == [4, 5, 6, 7])
        #expect(read.rows.map(\.draft.fullName) == ["Nguyễn Thị Hằng", "Lò Văn Páo", "Đặng Thị Hương", "Vũ Văn Nam"])
        #expect(read.rows.map(\.draft.dateOfBirth) == ["05/09/2019", "2014-02-11", "1/1/2020", "04/03/2018"])
        #expect(read.rows[0].draft.ethnicityCode == "01")
        #expect(read.rows[0].draft.personalID == "001319012345")
        #expect(try ChildImporter.readRows(try F.communeList.data(), defaultCommune: 4).count == 4)
    }

    // MARK: Bad files

    private func failure(_ body: () throws -> Void) -> XLSXTable.ReadError? {
        do {
            try body()
            return nil
        } catch let error as XLSXTable.ReadError {
            return error
        } catch {
            return nil
        }
    }

    @Test func aFormulaWithoutItsValueIsNamedByItsCell() throws {
        let fixture = F(sheets: [
            F.Sheet(
                name: "Trẻ em",
                rows: [
                    F.row(1, F.inline("A1", "Họ và tên"), F.inline("B1", "Giới tính"), F.inline("C1", "Ngày sinh")),
                    F.row(2, F.inline("A2", "An"), F.inline("B2", "nam"), "<c r=\"C2\" s=\"1\"><f>TODAY()</f></c>"),
                ])
        ])
        let error = failure { _ = try ChildImporter.readWorkbook(try fixture.data(), defaultCommune: 4) }
        #expect(error == .formulaWithoutValue(sheet: "Trẻ em", cell: "C2"))
        #expect(error?.message.vi.contains("Ô C2 của trang \"Trẻ em\"") == true)
        #expect(error?.message.en.contains("Cell C2 of the sheet \"Trẻ em\"") == true)
    }

    @Test func aFileThatIsNotAWorkbookIsRefused() throws {
        #expect(failure { _ = try XLSXTable(data: Data("ho_ten,gioi_tinh\n".utf8)) } == .notWorkbook)
        // A ZIP, but of something else.
        let zip = try ZIPParts.data([("readme.txt", Data("xin chào".utf8))])
        #expect(failure { _ = try XLSXTable(data: zip) } == .notWorkbook)
        #expect(
            failure { _ = try XLSXTable(data: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0])) } == .oldExcel)
        // Cut short: the ZIP's directory is missing.
        let whole = try F.communeList.data()
        #expect(failure { _ = try XLSXTable(data: whole.prefix(whole.count / 2)) } == .notWorkbook)
    }

    @Test func aZIPBombIsStoppedWhileItUnpacks() throws {
        // 3 MB of one letter packs into a few kilobytes: far beyond the ratio a sheet has.
        let bomb =
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + String(repeating: "a", count: 3_000_000)
            + "</t></is></c></row>"
        let data = try F(sheets: [F.Sheet(name: "x", rows: [bomb])]).data()
        #expect(data.count < 100_000)
        let table = try XLSXTable(data: data)
        #expect(failure { _ = try table.rows(of: table.sheets[0]) } == .tooLarge)
        // The whole-file limit counts every part.
        var small = XLSXTable.Limits()
        small.totalBytes = 2_000
        #expect(failure { _ = try XLSXTable(data: try F.communeList.data(), limits: small) } == .tooLarge)
    }

    /// A 100,000-row list's sheet is about 12 MB of XML; given whole, libxml2 refused any part over 10 MB and the
    /// list was called damaged.
    @Test func aSheetOfMoreThanTenMegabytesIsRead() throws {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdeghiklmnopqrstuvxyzăâđêôơư")
        let rows = (1...14_000).map { number in
            let filler = String((0..<800).map { _ in letters[Int(generator.next() % UInt64(letters.count))] })
            return "<row r=\"\(number)\"><c r=\"A\(number)\" t=\"inlineStr\"><is><t>\(filler)</t></is></c></row>"
        }
        let data = try F(sheets: [F.Sheet(name: "Danh sách", rows: rows)]).data()
        let table = try XLSXTable(data: data)
        #expect(try table.rows(of: table.sheets[0]).count == 14_000)
    }

    @Test func aSheetWithTooManyRowsIsRefusedNamingTheLimit() throws {
        var limits = XLSXTable.Limits()
        limits.rows = 5
        let rows = (1...8).map { F.row($0, F.inline("A\($0)", "x")) }
        let data = try F(sheets: [F.Sheet(name: "x", rows: rows)]).data()
        let table = try XLSXTable(data: data, limits: limits)
        let error = failure { _ = try table.rows(of: table.sheets[0]) }
        #expect(error == .tooManyRows(limit: 5))
        #expect(XLSXTable.ReadError.tooManyRows(limit: 200_000).message.vi.contains("200.000 dòng"))
        #expect(XLSXTable.ReadError.tooManyRows(limit: 200_000).message.en.contains("200,000 rows"))
        // Within the limit, empty formatted rows below the list do not count.
        let formatted = try F(sheets: [
            F.Sheet(name: "x", rows: Array(rows.prefix(3)) + ["<row r=\"900000\" s=\"1\"/>"])
        ]).data()
        let ok = try XLSXTable(data: formatted, limits: limits)
        #expect(try ok.rows(of: ok.sheets[0]).count == 3)
    }

    @Test func aCSVWithTooManyRowsIsRefusedBeforeItIsChecked() throws {
        let limit = XLSXTable.Limits().rows
        var text = "ho_ten,gioi_tinh,ngay_sinh\n"
        text += String(repeating: "An,nam,2015-01-01\n", count: limit)
        #expect(
            failure { _ = try ChildImporter.readRows(Data(text.utf8), defaultCommune: 4) } == .tooManyRows(limit: limit)
        )
    }

    // MARK: Pages

    private func commit(_ browser: WebClient, _ preview: TestingHTTPResponse) async throws -> Bool {
        guard let action = importCommitAction(preview.body.string) else { return false }
        let committed = try await browser.post(action, [:])
        guard let progress = committed.headers.first(name: .location) else { return false }
        return try await importFinished(browser, progress)
    }

    @Test func anUploadedWorkbookIsPreviewedThenSaved() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let form = try await browser.get("/children/import").body.string
            #expect(form.contains("accept=\".xlsx,.csv,.txt"))
            let preview = try await browser.postFile(
                "/children/import", fields: ["communeCode": "4"], fileField: "file", fileName: "danh-sach.xlsx",
                content: try F.communeList.data())
            let html = preview.body.string
            #expect(preview.status == .ok)
            #expect(html.contains("danh-sach.xlsx: 4 dòng, 0 dòng có lỗi"))
            #expect(html.contains("Đã đọc trang tính “Trẻ em”, tên cột ở dòng 3."))
            #expect(html.contains("<option value=\"Ghi chú\">Ghi chú</option>"), "the other sheet can be chosen")
            #expect(try await Child.query(on: app.db).count() == 0, "a preview writes nothing")
            #expect(try await commit(browser, preview))
            let children = try await Child.query(on: app.db).all()
            #expect(
                Set(children.map(\.fullName)) == ["Nguyễn Thị Hằng", "Lò Văn Páo", "Đặng Thị Hương", "Vũ Văn Nam"])
            let hang = try #require(children.first { $0.fullName == "Nguyễn Thị Hằng" })
            #expect(hang.personalID == "001319012345")
            #expect(hang.ethnicityCode == "01")
            #expect(children.first { $0.fullName == "Vũ Văn Nam" }?.birthDateForAge == "2018-03-04")
        }
    }

    @Test func anotherSheetIsChosenWithoutUploadingAgain() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            func sheet(_ name: String, _ child: String) -> F.Sheet {
                F.Sheet(
                    name: name,
                    rows: [
                        F.row(1, F.inline("A1", "Họ và tên"), F.inline("B1", "Giới tính"), F.inline("C1", "Ngày sinh")),
                        F.row(2, F.inline("A2", child), F.inline("B2", "Nữ"), F.inline("C2", "02/03/2017")),
                    ])
            }
            let notes = F.Sheet(name: "Ghi chú", rows: [F.row(1, F.inline("A1", "Danh sách hai thôn"))])
            let data = try F(sheets: [sheet("Thôn 1", "Hà Thị Một"), sheet("Thôn 2", "Hà Thị Hai"), notes]).data()
            let preview = try await browser.postFile(
                "/children/import", fields: [:], fileField: "file", fileName: "hai-thon.xlsx", content: data)
            #expect(preview.body.string.contains("“Thôn 1”"))
            #expect(preview.body.string.contains("Hà Thị Một"))
            let html = preview.body.string
            let action = try #require(
                html.range(of: #"action="/children/import/[0-9A-F-]+/sheet""#, options: .regularExpression)
                    .map { String(html[$0].dropFirst(8).dropLast()) })
            // Someone else cannot read this person's workbook.
            try await makeAccount(app, "xa4b", role: .communeOfficer, commune: Places.baDinh)
            let other = WebClient(app)
            try await other.signIn("xa4b")
            try await other.get("/children/import")
            #expect(try await other.post(action, ["sheet": "Thôn 2"]).status == .notFound)

            // A sheet without the columns: why, and the sheets to choose from again.
            let notesPreview = try await browser.post(action, ["sheet": "Ghi chú"])
            #expect(notesPreview.status == .unprocessableEntity)
            #expect(notesPreview.body.string.contains("Tệp thiếu cột: ho_ten, gioi_tinh, ngay_sinh"))
            #expect(notesPreview.body.string.contains("<option value=\"Thôn 2\">Thôn 2</option>"))
            #expect(!notesPreview.body.string.contains("commit-import"))
            let missing = try await browser.post(action, ["sheet": "Không có"])
            #expect(missing.body.string.contains("Bảng tính không có trang"))
            #expect(missing.status == .unprocessableEntity)

            let second = try await browser.post(action, ["sheet": "Thôn 2"])
            #expect(second.status == .ok)
            #expect(second.body.string.contains("Đã đọc trang tính “Thôn 2”"))
            #expect(second.body.string.contains("Hà Thị Hai"))
            #expect(!second.body.string.contains("Hà Thị Một"))
            #expect(try await commit(browser, second))
            #expect(try await Child.query(on: app.db).all().map(\.fullName) == ["Hà Thị Hai"])
        }
    }

    @Test(arguments: [
        ("danh-sach.xlsx", Data("ho_ten,gioi_tinh,ngay_sinh\nAn,nam,2015-01-01\n".utf8), "không phải bảng tính Excel"),
        ("cu.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "tệp Excel kiểu cũ (.xls)"),
    ])
    func aRenamedOrOldFileIsRefusedAndNothingIsWritten(name: String, content: Data, message: String) async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let answer = try await browser.postFile(
                "/children/import", fields: [:], fileField: "file", fileName: name, content: content)
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains(message))
            #expect(try await Child.query(on: app.db).count() == 0)
            #expect(try await ChildImportBatch.query(on: app.db).count() == 0)
        }
    }

    @Test func aTitleAboveACSVHeaderIsPassedOver() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let file = "DANH SÁCH TRẺ EM,,\n,,\nHọ và tên,Giới tính,Ngày sinh\nNguyễn Văn An,Nam,05/05/2016\n"
            let preview = try await browser.postFile(
                "/children/import", fields: [:], fileField: "file", fileName: "a.csv", content: Data(file.utf8))
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("<tr><td>4</td><td>Nguyễn Văn An</td>"))
            #expect(preview.body.string.contains("Cách đọc tệp: UTF-8, Dấu phẩy (,)"))
        }
    }

    // MARK: Template

    @Test func theTemplatesImportBackWithEveryColumnRecognised() async throws {
        try await withTreApp { app in
            let browser = try await importingOfficer(app)
            let form = try await browser.get("/children/import").body.string
            #expect(form.contains("href=\"/children/import/tre-mau-danh-sach-tre.xlsx\""))
            #expect(form.contains("href=\"/children/import/tre-mau-danh-sach-tre.csv\""))

            let csv = try await browser.get("/children/import/tre-mau-danh-sach-tre.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.headers.first(name: .contentDisposition)?.contains("tre-mau-danh-sach-tre.csv") == true)
            let xlsx = try await browser.get("/children/import/tre-mau-danh-sach-tre.xlsx")
            #expect(xlsx.status == .ok)
            let xlsxData = Data(buffer: xlsx.body)

            // Every column of the template is recognised, in both files.
            let csvText = csv.body.string
            #expect(csvText.hasPrefix("\u{FEFF}Họ và tên,Giới tính,Ngày sinh"))
            let header = csvText.dropFirst().split(separator: "\r\n")[0].split(separator: ",").map(String.init)
            #expect(
                try ChildImportFile.columns(of: header, communeGiven: false).count
                    == ChildImportFile.Column.allCases.filter { !$0.isPoliceAnswer }.count)
            let table = try XLSXTable(data: xlsxData)
            let sheet = try table.rows(of: table.sheets[0])
            #expect(sheet[0] == ChildImportTemplate.header)
            #expect(sheet[1][5] == "001319012345", "the ID keeps its leading zeros")
            #expect(
                try ChildImportFile.columns(of: sheet[0], communeGiven: false).count
                    == ChildImportFile.Column.allCases.filter { !$0.isPoliceAnswer }.count)

            for (name, content) in [("mau.csv", Data(buffer: csv.body)), ("mau.xlsx", xlsxData)] {
                let preview = try await browser.postFile(
                    "/children/import", fields: [:], fileField: "file", fileName: name, content: content)
                #expect(preview.status == .ok, "\(name)")
                #expect(preview.body.string.contains("\(name): 1 dòng, 0 dòng có lỗi"))
                #expect(preview.body.string.contains("<td>Nguyễn Thị Hằng</td>"))
            }
        }
    }

    @Test func theTemplateIsOnlyForThoseWhoImport() async throws {
        try await withTreApp { app in
            let anonymous = try await app.testing().sendRequest(.GET, "/children/import/tre-mau-danh-sach-tre.csv")
            #expect(anonymous.status != .ok)
            #expect(!anonymous.body.string.contains("Họ và tên,Giới tính"))
            try await makeAccount(app, "chutich", role: .communeChair, commune: Places.baDinh)
            let chair = WebClient(app)
            try await chair.signIn("chutich")
            for path in ["/children/import/tre-mau-danh-sach-tre.csv", "/children/import/tre-mau-danh-sach-tre.xlsx"] {
                #expect(try await chair.get(path).status == .forbidden)
            }
        }
    }
}
