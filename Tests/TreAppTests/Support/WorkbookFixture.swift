import Foundation

@testable import TreApp

/// Workbooks written part by part, as Excel and LibreOffice write them: shared strings (with rich-text runs and
/// phonetic guides), inline strings, numbers, styles whose number formats show dates, either date system.
struct WorkbookFixture {
    struct Sheet {
        var name: String
        /// The `<row>` elements of `<sheetData>`.
        var rows: [String]
        var extra = ""
    }

    var sheets: [Sheet]
    /// Raw `<si>` contents.
    var sharedStrings: [String] = []
    var date1904 = false
    /// The prefix of namespaced elements ("x:" as some generators write), empty for none.
    var prefix = ""

    /// Styles: 0 general, 1 built-in date (14), 2 custom "dd/mm/yyyy", 3 a time "h:mm", 4 custom "[$-42A]d mmmm yyyy".
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="h:mm"/>\
        <numFmt numFmtId="166" formatCode="[$-42A]d mmmm yyyy"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>\
        <xf numFmtId="166"/></cellXfs></styleSheet>
        """

    func data() throws -> Data {
        let p = prefix
        let ns = p.isEmpty ? "xmlns" : "xmlns:\(p.dropLast())"
        var parts: [(path: String, content: Data)] = []
        func add(_ path: String, _ text: String) { parts.append((path, Data(text.utf8))) }
        add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        let sheetList = sheets.enumerated().map { index, sheet in
            "<\(p)sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 10)\"/>"
        }.joined()
        add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><\(p)workbook \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <\(p)workbookPr\(date1904 ? " date1904=\"1\"" : "")/><\(p)sheets>\(sheetList)</\(p)sheets></\(p)workbook>
            """)
        var rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 10)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        rels.append(
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        )
        if !sharedStrings.isEmpty {
            rels.append(
                "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
            )
            add(
                "xl/sharedStrings.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><\(p)sst \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                \(sharedStrings.map { "<\(p)si>\($0)</\(p)si>" }.joined())</\(p)sst>
                """)
        }
        add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(rels.joined())</Relationships>
            """)
        add("xl/styles.xml", Self.styles)
        for (index, sheet) in sheets.enumerated() {
            add(
                "xl/worksheets/sheet\(index + 1).xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><\(p)worksheet \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <\(p)sheetData>\(sheet.rows.joined())</\(p)sheetData>\(sheet.extra)</\(p)worksheet>
                """)
        }
        return try ZIPParts.data(parts)
    }

    /// A text cell held inline.
    static func inline(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    static func shared(_ reference: String, _ index: Int) -> String {
        "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>"
    }

    static func number(_ reference: String, _ value: String, style: Int = 0) -> String {
        "<c r=\"\(reference)\" s=\"\(style)\"><v>\(value)</v></c>"
    }

    static func row(_ number: Int, _ cells: String...) -> String {
        "<row r=\"\(number)\">\(cells.joined())</row>"
    }

    /// The commune's workbook: a notes sheet first, then the list below a merged title, with every kind of cell.
    static var communeList: WorkbookFixture {
        WorkbookFixture(
            sheets: [
                Sheet(name: "Ghi chú", rows: [row(1, inline("A1", "Cập nhật tháng 11/2026"))]),
                Sheet(
                    name: "Trẻ em",
                    rows: [
                        row(1, shared("A1", 0)),
                        row(
                            3, shared("A3", 1), shared("B3", 2), inline("C3", "Giới tính"), inline("D3", "Ngày sinh"),
                            inline("E3", "Mã dân tộc"), inline("F3", "Số định danh"), inline("G3", "Ghi chú")),
                        row(
                            4, number("A4", "1"), inline("B4", "Nguyễn Thị Hằng"), shared("C4", 3),
                            number("D4", "43713", style: 1), number("E4", "1"), inline("F4", "001319012345"),
                            "<c r=\"G4\" t=\"b\"><v>1</v></c>"),
                        row(
                            5, number("A5", "2"), inline("B5", "Lò Văn Páo"), inline("C5", "Nam"),
                            inline("D5", "2014-02-11"), inline("E5", "Thái")),
                        // A row with a skipped cell: the name is in column B all the same.
                        row(6, inline("B6", "Đặng Thị Hương"), inline("C6", "nữ"), inline("D6", "1/1/2020")),
                        row(
                            7, number("A7", "4"), inline("B7", "Vũ Văn Nam"), inline("C7", "nam"),
                            "<c r=\"D7\" s=\"2\"><f>DATE(2018,3,4)</f><v>43163</v></c>"),
                    ],
                    extra: "<mergeCells count=\"1\"><mergeCell ref=\"A1:G1\"/></mergeCells>"),
            ],
            sharedStrings: [
                "<t>DANH SÁCH TRẺ EM PHƯỜNG BA ĐÌNH</t>",
                "<t>STT</t>",
                "<r><t xml:space=\"preserve\">Họ và </t></r><r><rPr><b/></rPr><t>tên</t></r><rPh sb=\"0\" eb=\"1\"><t>ホ</t></rPh>",
                "<t>Nữ</t>",
            ])
    }
}
