import Foundation
import Vapor
import ZIPFoundation

/// A one-sheet Office Open XML workbook: the same table as the CSV, for people who open figures in a
/// spreadsheet. Numbers are written as numbers, text as inline strings (no shared-string table).
enum XLSXWorkbook {
    enum Cell {
        case text(String)
        case number(Double)
        case empty
    }

    static func data(sheetName: String, header: [String], rows: [[Cell]]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        try add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            </Types>
            """)
        try add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        try add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            </Relationships>
            """)
        var sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            """
        for (index, row) in ([header.map(Cell.text)] + rows).enumerated() {
            sheet += "<row r=\"\(index + 1)\">"
            for (column, cell) in row.enumerated() {
                let reference = columnName(column) + String(index + 1)
                switch cell {
                case .text(let text):
                    sheet += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                case .number(let number):
                    sheet += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                case .empty:
                    continue
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        try add("xl/worksheets/sheet1.xml", sheet)
        guard let data = archive.data else { throw Abort(.internalServerError) }
        return data
    }

    /// A, B, … Z, AA, AB …
    static func columnName(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            // XML 1.0 forbids most control characters.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func respond(_ request: Request, fileName: String, data: Data) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.contentDisposition = .init(.attachment, filename: fileName)
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
