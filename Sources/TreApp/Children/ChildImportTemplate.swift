import Foundation
import TreDomain

/// The list to fill in and upload: the columns the import recognises, named in Vietnamese, and one example row.
/// The personal ID and the date are text, so that a spreadsheet keeps the ID's leading zeros.
enum ChildImportTemplate {
    static let csvName = "tre-mau-danh-sach-tre.csv"
    static let xlsxName = "tre-mau-danh-sach-tre.xlsx"
    static let sheetName = "Danh sách trẻ"

    static let header = [
        "Họ và tên", "Giới tính", "Ngày sinh", "Năm sinh ước tính", "Dân tộc", "Số định danh cá nhân", "Mã xã",
        "Địa chỉ", "Tình trạng học tập", "Số thẻ BHYT", "Dinh dưỡng", "Mức độ khuyết tật", "Họ tên người chăm sóc",
        "Quan hệ", "Số điện thoại", "Ghi chú",
    ]

    static let example = [
        "Nguyễn Thị Hằng", "Nữ", "05/09/2019", "", "Kinh", "001319012345", "", "Số 12, tổ 3", "", "", "", "",
        "Trần Thị Lan", "Mẹ", "0912345678", "",
    ]

    /// UTF-8 with a byte-order mark, so that Excel shows the accents.
    static var csv: String {
        "\u{FEFF}" + [header, example].map { $0.map(CSVField.escape).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    static func xlsx() throws -> Data {
        try XLSXWorkbook.data(sheetName: sheetName, header: header, rows: [example.map { .text($0) }])
    }
}
