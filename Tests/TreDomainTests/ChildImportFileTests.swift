import Testing

@testable import TreDomain

@Suite struct ChildImportFileTests {
    @Test func columnsAreRecognisedHoweverTheyAreWritten() throws {
        let columns = try ChildImportFile.columns(
            of: ["STT", "Họ và tên", "GIỚI TÍNH", "Ngày tháng năm sinh", "Dân tộc", "Số điện thoại"], communeGiven: true
        )
        #expect(columns[.fullName] == 1)
        #expect(columns[.sex] == 2)
        #expect(columns[.dateOfBirth] == 3)
        #expect(columns[.ethnicity] == 4)
        #expect(columns[.caregiverPhone] == 5)
    }

    @Test func aMissingColumnIsNamed() {
        #expect(throws: ChildImportFile.FileError.missingColumns(["gioi_tinh", "ma_xa"])) {
            try ChildImportFile.columns(of: ["ho_ten", "ngay_sinh"], communeGiven: false)
        }
    }

    @Test func valuesAsPeopleWriteThemBecomeCodes() throws {
        let columns = try ChildImportFile.columns(
            of: ["ho_ten", "gioi_tinh", "nam_sinh", "dan_toc", "nguoi_cham_soc", "quan_he"], communeGiven: true)
        let rows = ChildImportFile.drafts(
            rows: [
                ["Lò Thị Mai", "Nữ", "2016", "Thái", "Lò Thị Ún", "bà"],
                ["", "", "", "", "", ""],
                ["Trần Văn Bảo", "nam", "2012", "1", "Trần Văn Tư", "ba"],
            ],
            columns: columns, defaultCommune: 4)
        #expect(rows.map(\.line) == [2, 4])
        #expect(rows[0].draft.sex == "female")
        #expect(rows[0].draft.estimatedBirthYear == "2016")
        #expect(rows[0].draft.ethnicityCode == "03")
        #expect(rows[0].draft.caregivers.first?.relation == "grandparent")
        #expect(rows[1].draft.ethnicityCode == "01")
        #expect(rows[1].draft.caregivers.first?.relation == "father")
        #expect(rows[1].draft.communeCode == 4)
    }
}
