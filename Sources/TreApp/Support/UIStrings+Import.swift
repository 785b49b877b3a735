import TreDomain

/// Words of the import's pages: workbooks, their sheets, and the template.
extension UIStrings {
    static let importing: [String: LocalizedText] = [
        "importReadingChoice": .init(
            vi: "Tên hiện sai dấu? Chọn bảng mã và dấu phân cách",
            en: "Names garbled? Choose the encoding and separator"),
        "importEncoding": .init(vi: "Bảng mã", en: "Encoding"),
        "importSeparator": .init(vi: "Dấu phân cách cột", en: "Column separator"),
        "importDetect": .init(vi: "Tự nhận biết", en: "Detect"),
        "importFileAny": .init(
            vi: "Tệp danh sách (Excel .xlsx hoặc CSV)", en: "The list (an Excel .xlsx or CSV file)"),
        "importHelpAny": .init(
            vi: "Một dòng ghi tên cột, có thể nằm dưới dòng tiêu đề. Các cột Tre nhận:",
            en: "One row names the columns; it may sit below a title. Columns Tre reads:"),
        "importTemplate": .init(vi: "Tải tệp mẫu:", en: "Download the template:"),
        "importTemplateCSV": .init(vi: "CSV", en: "CSV"),
        "importTemplateXLSX": .init(vi: "Excel (.xlsx)", en: "Excel (.xlsx)"),
        "importTemplateHelp": .init(
            vi:
                "Tên cột có thể viết có dấu hay không dấu, hoa hay thường, theo thứ tự bất kỳ, bằng tiếng Việt hay tiếng Anh. Trong Excel, hãy để số định danh ở dạng văn bản để giữ số 0 đầu.",
            en:
                "Columns may be named with or without accents, in any case and order, in Vietnamese or English. In Excel, keep personal ID numbers as text so that their leading zeros stay."
        ),
        "importSheet": .init(vi: "Trang tính", en: "Sheet"),
        "importSheetUsed": .init(vi: "Đã đọc trang tính", en: "Read the sheet"),
        "importHeaderLine": .init(vi: "tên cột ở dòng", en: "column names on row"),
        "importOtherSheet": .init(vi: "Đọc trang tính khác", en: "Read another sheet"),
        "importReading": .init(vi: "Cách đọc tệp", en: "How the file was read"),
        "importNew": .init(vi: "trẻ mới", en: "new children"),
        "importChecking": .init(
            vi: "Đang kiểm tra từng dòng; bản xem trước sẽ hiện khi xong. Chưa có gì được ghi.",
            en: "Checking every row; the preview appears when it is done. Nothing is written yet."),
        "idVerification": .init(vi: "Xác minh số định danh", en: "Personal ID check"),
        "policeList": .init(
            vi: "Danh sách gửi công an xác minh (.xlsx)", en: "List for the police to check IDs (.xlsx)"),
        "importUpdates": .init(vi: "hồ sơ sẽ được cập nhật", en: "records to update"),
        "importUnchanged": .init(vi: "hồ sơ không thay đổi", en: "records already up to date"),
        "importNothingToWrite": .init(
            vi: "Không có gì để ghi: mọi dòng đều khớp với hồ sơ đã có.",
            en: "Nothing to write: every row matches a registered record."),
        "importUpdate": .init(vi: "Cập nhật", en: "Update"),
        "importBefore": .init(vi: "Hiện có", en: "Registered"),
        "importAfter": .init(vi: "Trong tệp", en: "In the file"),
        "importUpdateHelp": .init(
            vi:
                "Dòng có số định danh hoặc cùng họ tên, ngày sinh và xã với một trẻ đã có là cập nhật hồ sơ đó. Ô để trống giữ nguyên thông tin đã có.",
            en:
                "A row with the personal ID, or the name, date of birth and commune, of a registered child updates that record. A blank cell keeps what is registered."
        ),
    ]
}
