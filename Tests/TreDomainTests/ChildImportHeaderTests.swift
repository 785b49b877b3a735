import Testing

@testable import TreDomain

/// Columns are recognised however people write their names, and the row that names them is found below a title.
@Suite struct ChildImportHeaderTests {
    @Test(arguments: [
        (["Họ và tên", "Giới tính", "Ngày sinh"], [0, 1, 2]),
        (["HỌ TÊN", "GIỚI TÍNH", "NGÀY SINH"], [0, 1, 2]),
        (["Full name", "Sex", "Date of birth"], [0, 1, 2]),
        (["  ho   va ten ", "gioi_tinh", "ngay-sinh"], [0, 1, 2]),
        (["Ngày sinh", "Họ và tên", "Giới tính"], [1, 2, 0]),
        (["Date of birth", "Gender", "Họ tên"], [2, 1, 0]),
    ])
    func headersAreMatchedWithoutRegardToAccentsCaseSpacingOrderOrLanguage(header: [String], expected: [Int]) throws {
        let columns = try ChildImportFile.columns(of: header, communeGiven: true)
        #expect([columns[.fullName], columns[.sex], columns[.dateOfBirth]] == expected.map(Optional.some))
    }

    @Test func reorderedColumnsKeepTheirFields() throws {
        let header = ["Giới tính", "Ngày sinh", "Số điện thoại", "HỌ TÊN", "Caregiver name"]
        let columns = try ChildImportFile.columns(of: header, communeGiven: true)
        #expect(columns[.sex] == 0)
        #expect(columns[.dateOfBirth] == 1)
        #expect(columns[.caregiverPhone] == 2)
        #expect(columns[.fullName] == 3)
        let rows = ChildImportFile.drafts(
            rows: [["Nữ", "05/09/2019", "0912345678", "Nguyễn Thị Hằng", ""]], columns: columns, defaultCommune: 4)
        #expect(rows.first?.draft.fullName == "Nguyễn Thị Hằng")
        #expect(rows.first?.draft.sex == "female")
        #expect(rows.first?.draft.dateOfBirth == "05/09/2019")
    }

    @Test func theHeaderRowIsFoundBelowATitleBlock() throws {
        let table = [
            ["ỦY BAN NHÂN DÂN PHƯỜNG NGỌC HÀ"], [], ["DANH SÁCH TRẺ EM", "", "Tháng 11/2026"], [],
            ["STT", "Họ và tên", "Giới tính", "Ngày sinh"], ["1", "Nguyễn Thị Hằng", "Nữ", "05/09/2019"],
        ]
        let header = try ChildImportFile.headerRow(in: table, communeGiven: true)
        #expect(header.index == 4)
        #expect(header.columns[.fullName] == 1)
    }

    @Test func withoutAHeaderRowTheFirstRowsMissingColumnsAreNamed() {
        let table = [["Tên trẻ", "Ngày"], ["An", "2015-01-01"]]
        #expect(throws: ChildImportFile.FileError.missingColumns(["ho_ten", "gioi_tinh", "ngay_sinh"])) {
            try ChildImportFile.headerRow(in: table, communeGiven: true)
        }
        #expect(throws: ChildImportFile.FileError.empty) {
            try ChildImportFile.headerRow(in: [[], [""]], communeGiven: true)
        }
    }

    @Test func aHeaderBelowTheFirstTwentyRowsIsNotLookedFor() {
        let table = Array(repeating: ["Ghi chú"], count: 20) + [["Họ và tên", "Giới tính", "Ngày sinh"]]
        #expect(throws: ChildImportFile.FileError.self) { try ChildImportFile.headerRow(in: table, communeGiven: true) }
    }

    @Test(arguments: ["05/09/2019", "5/9/2019", "2019-09-05"])
    func datesWrittenAsTextInThreeWaysAreRead(text: String) {
        #expect(ChildDraft.parseDate(text).map { [$0.0, $0.1, $0.2] } == [2019, 9, 5])
    }
}
