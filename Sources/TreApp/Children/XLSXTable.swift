import Foundation
import TreDomain
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reading an Office Open XML workbook (.xlsx) as a table of text: a ZIP of XML parts, read with limits so that
/// a small file cannot unpack into gigabytes (a "ZIP bomb") and a sheet of a million rows is refused before it is
/// held. Shared and inline strings, numbers, booleans, and dates stored as serial numbers (1900 and 1904 systems)
/// become the text a person would see: dates as dd/mm/yyyy.
final class XLSXTable {
    struct Limits: Sendable {
        /// Bytes unpacked from the whole file, all parts together.
        var totalBytes = 200_000_000
        /// How many times larger than its packed size a part may unpack (above `ratioFloor` bytes).
        var ratio = 200
        var ratioFloor = 1_000_000
        /// Rows of a sheet, counting the header and any title above it.
        var rows = 200_000
    }

    enum ReadError: Error, Equatable, Sendable, LocalizedFailure {
        case notWorkbook
        case oldExcel
        case tooLarge
        case tooManyRows(limit: Int)
        case formulaWithoutValue(sheet: String, cell: String)
        case unreadable(part: String)
        case noSheet(String)

        var code: String {
            switch self {
            case .notWorkbook: "not_a_workbook"
            case .oldExcel: "old_excel_file"
            case .tooLarge: "workbook_too_large"
            case .tooManyRows: "too_many_rows"
            case .formulaWithoutValue: "formula_without_value"
            case .unreadable: "workbook_unreadable"
            case .noSheet: "no_such_sheet"
            }
        }

        var message: LocalizedText {
            switch self {
            case .notWorkbook:
                LocalizedText(
                    vi:
                        "Tệp này không phải bảng tính Excel (.xlsx), dù có tên như vậy. Hãy mở nó trong Excel và lưu lại dạng \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\".",
                    en:
                        "This file is not an Excel workbook (.xlsx), whatever its name says. Open it in Excel and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\"."
                )
            case .oldExcel:
                LocalizedText(
                    vi:
                        "Đây là tệp Excel kiểu cũ (.xls). Hãy mở nó trong Excel và lưu lại dạng \"Excel Workbook (.xlsx)\".",
                    en:
                        "This is an old-style Excel file (.xls). Open it in Excel and save it as \"Excel Workbook (.xlsx)\"."
                )
            case .tooLarge:
                LocalizedText(
                    vi:
                        "Bảng tính giải nén ra quá lớn hoặc bị nén bất thường (có thể là tệp độc hại). Hãy chia danh sách thành nhiều tệp nhỏ hơn. Không có gì được ghi.",
                    en:
                        "The workbook unpacks to far too much data, or is packed abnormally (it may be a malicious file). Split the list into smaller files. Nothing was written."
                )
            case .tooManyRows(let limit):
                LocalizedText(
                    vi:
                        "Tệp (hoặc trang tính) có hơn \(limit.formatted(.number.locale(Locale(identifier: "vi_VN")))) dòng. Hãy chia danh sách thành nhiều tệp nhỏ hơn.",
                    en:
                        "The file (or sheet) has more than \(limit.formatted(.number.locale(Locale(identifier: "en_US")))) rows. Split the list into smaller files."
                )
            case .formulaWithoutValue(let sheet, let cell):
                LocalizedText(
                    vi:
                        "Ô \(cell) của trang \"\(sheet)\" là công thức chưa được tính. Hãy mở tệp trong Excel, lưu lại rồi tải lên lần nữa (hoặc chép và dán dạng giá trị).",
                    en:
                        "Cell \(cell) of the sheet \"\(sheet)\" is a formula that has not been calculated. Open the file in Excel, save it and upload it again (or copy and paste it as values)."
                )
            case .unreadable(let part):
                LocalizedText(
                    vi: "Bảng tính bị hỏng, không đọc được phần \(part). Hãy mở nó trong Excel và lưu lại.",
                    en: "The workbook is damaged: its part \(part) cannot be read. Open it in Excel and save it again.")
            case .noSheet(let name):
                LocalizedText(
                    vi: "Bảng tính không có trang \"\(name)\".", en: "The workbook has no sheet \"\(name)\".")
            }
        }
    }

    struct Sheet: Sendable, Equatable {
        var name: String
        var path: String
    }

    private(set) var sheets: [Sheet] = []
    private let archive: Archive
    private let limits: Limits
    private var unpacked = 0
    private var date1904 = false
    private var sharedStrings: [String] = []
    /// For each cell style (`s`), whether it shows a date.
    private var dateStyles: [Bool] = []

    /// A ZIP file starts with "PK\3\4".
    static func isZIP(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
    /// The old binary Excel format (an OLE compound file).
    static func isOldExcel(_ data: Data) -> Bool {
        data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    init(data: Data, limits: Limits = Limits()) throws(ReadError) {
        if Self.isOldExcel(data) { throw .oldExcel }
        guard Self.isZIP(data), let archive = try? Archive(data: data, accessMode: .read) else { throw .notWorkbook }
        self.archive = archive
        self.limits = limits
        try readParts()
    }

    private func readParts() throws(ReadError) {
        let root = try relationships(of: "")
        let workbookPath =
            root.first { $0.kind == "officeDocument" }.map { Self.resolve($0.target, from: "") }
            ?? "xl/workbook.xml"
        guard archive[workbookPath] != nil else { throw .notWorkbook }
        let workbook = WorkbookParser()
        try parse(workbookPath, with: workbook)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let rels = try relationships(of: workbookPath)
        var byID: [String: String] = [:]
        for rel in rels { byID[rel.id] = Self.resolve(rel.target, from: folder) }
        let found = workbook.sheets.compactMap { sheet in byID[sheet.id].map { Sheet(name: sheet.name, path: $0) } }
        guard !found.isEmpty else { throw .unreadable(part: workbookPath) }
        let stringsPath =
            rels.first { $0.kind == "sharedStrings" }.map { Self.resolve($0.target, from: folder) }
        let stylesPath = rels.first { $0.kind == "styles" }.map { Self.resolve($0.target, from: folder) }
        var strings: [String] = []
        if let stringsPath, archive[stringsPath] != nil {
            let parser = SharedStringsParser()
            try parse(stringsPath, with: parser)
            strings = parser.strings
        }
        var styles: [Bool] = []
        if let stylesPath, archive[stylesPath] != nil {
            let parser = StylesParser()
            try parse(stylesPath, with: parser)
            styles = parser.xfFormats.map { parser.isDate($0) }
        }
        sheets = found
        date1904 = workbook.date1904
        sharedStrings = strings
        dateStyles = styles
    }

    /// The sheet's rows, each a list of cell texts in column order ("" for an empty cell); row `n` of the sheet is
    /// at index `n - 1`, empty rows included, trailing empty rows left out.
    func rows(of sheet: Sheet) throws(ReadError) -> [[String]] {
        let parser = SheetParser(
            sheetName: sheet.name, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904,
            maxRows: limits.rows)
        try parse(sheet.path, with: parser)
        if let error = parser.error { throw error }
        return parser.rows
    }

    // MARK: Parts

    private struct Relationship {
        var id: String
        var type: String
        var target: String
        /// The type's last word ("…/relationships/styles" → "styles").
        var kind: Substring { type.split(separator: "/").last ?? "" }
    }

    private func relationships(of part: String) throws(ReadError) -> [Relationship] {
        let parts = part.split(separator: "/")
        let folder = parts.dropLast().joined(separator: "/")
        let name = parts.last.map(String.init) ?? ""
        let path = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard archive[path] != nil else { return [] }
        let parser = RelationshipsParser()
        try parse(path, with: parser)
        return parser.relationships.map { Relationship(id: $0.id, type: $0.type, target: $0.target) }
    }

    /// A target relative to the folder of the part that names it ("worksheets/sheet1.xml", "/xl/…", "../…").
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." {
                _ = parts.popLast()
            } else if piece != "." {
                parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Unpacks one part within the limits and parses it.
    private func parse(_ path: String, with delegate: some XMLParserDelegate) throws(ReadError) {
        guard let entry = archive[path] else { throw .unreadable(part: path) }
        var data = Data()
        var entryBytes = 0
        let allowed = max(limits.ratioFloor, Int(clamping: entry.compressedSize) &* limits.ratio)
        let limits = limits
        var total = unpacked
        var overLimit = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                entryBytes += chunk.count
                total += chunk.count
                if entryBytes > allowed || total > limits.totalBytes {
                    overLimit = true
                    throw ReadError.tooLarge
                }
                data.append(chunk)
            }
        } catch {
            if overLimit { throw .tooLarge }
            throw .unreadable(part: path)
        }
        unpacked = total
        // Read as a stream: given the whole part at once, libxml2 refuses one over 10 MB ("huge input lookup"),
        // and a sheet of 100,000 rows is about 12 MB.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let finished = parser.parse()
        if let sheet = delegate as? SheetParser, sheet.error != nil { return }
        if !finished { throw .unreadable(part: path) }
    }

    // MARK: Cell values

    /// The column index of a reference like "AB12" (A = 0), and its row number.
    static func position(of reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            switch scalar.value {
            case 65...90 where row == 0:
                column = column * 26 + Int(scalar.value - 64)
                letters += 1
            case 97...122 where row == 0:
                column = column * 26 + Int(scalar.value - 96)
                letters += 1
            case 48...57:
                row = row * 10 + Int(scalar.value - 48)
            case 36: continue  // "$A$1"
            default: return nil
            }
            if letters > 3 || row > 10_000_000 { return nil }
        }
        return letters > 0 && row > 0 ? (column - 1, row) : nil
    }

    /// A serial date as Excel counts it, as dd/mm/yyyy. In the 1900 system Excel counts a 29 February 1900 that
    /// never was (serial 60), so serials after it are one day ahead; the 1904 system counts from 1 January 1904.
    static func dateText(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let days: Int  // days since 1970-01-01
        if date1904 {
            days = whole + daysFromCivil(1904, 1, 1)
        } else if whole == 60 {
            return "29/02/1900"
        } else if whole < 60 {
            days = whole + daysFromCivil(1899, 12, 31)
        } else {
            days = whole + daysFromCivil(1899, 12, 30)
        }
        let (year, month, day) = civil(fromDays: days)
        return String(format: "%02d/%02d/%04d", day, month, year)
    }

    /// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A number as a person reads it: whole numbers without ".0" or an exponent.
    static func numberText(_ raw: String) -> String {
        guard let value = Double(raw.trimmingCharacters(in: .whitespaces)), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Whether a number format shows a date: the built-in date formats, or a custom one with day, month or year
    /// outside quoted text and brackets (a format with hours or seconds and no day or year is a time).
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) { return true }
        guard let code else { return false }
        var plain = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(character) }
            }
        }
        if plain.contains("d") || plain.contains("y") { return true }
        return plain.contains("m") && !plain.contains("h") && !plain.contains("s")
    }
}

// MARK: - Parsers

/// The element's name without its namespace prefix ("x:row" → "row").
private func local(_ name: String) -> Substring {
    name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
}

private final class RelationshipsParser: NSObject, XMLParserDelegate {
    var relationships: [(id: String, type: String, target: String)] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard local(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"]
        else { return }
        if attributes["TargetMode"] == "External" { return }
        relationships.append((id, attributes["Type"] ?? "", target))
    }
}

private final class WorkbookParser: NSObject, XMLParserDelegate {
    var sheets: [(name: String, id: String)] = []
    var date1904 = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(elementName) {
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            date1904 = value == "1" || value == "true"
        case "sheet":
            let id = attributes.first { local($0.key) == "id" && $0.key != "sheetId" }?.value
            if let name = attributes["name"], let id { sheets.append((VietnameseText.normalized(name), id)) }
        default: break
        }
    }
}

/// Collects the text of `<t>` elements, leaving out phonetic guides (`<rPh>`), the runs of rich text joined.
private class TextCollector: NSObject {
    var capturing = false
    var phonetic = false
    var text = ""

    func start(_ name: Substring) {
        if name == "rPh" { phonetic = true }
        if name == "t" && !phonetic { capturing = true }
    }

    func end(_ name: Substring) {
        if name == "rPh" { phonetic = false }
        if name == "t" { capturing = false }
    }

}

private final class SharedStringsParser: TextCollector, XMLParserDelegate {
    var strings: [String] = []

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let name = local(elementName)
        if name == "si" { text = "" }
        start(name)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = local(elementName)
        end(name)
        if name == "si" { strings.append(text) }
    }
}

private final class StylesParser: NSObject, XMLParserDelegate {
    var formats: [Int: String] = [:]
    var xfFormats: [Int] = []
    private var inCellXfs = false

    func isDate(_ id: Int) -> Bool { XLSXTable.isDateFormat(id: id, code: formats[id]) }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) { formats[id] = attributes["formatCode"] }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: xfFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if local(elementName) == "cellXfs" { inCellXfs = false }
    }
}

private final class SheetParser: TextCollector, XMLParserDelegate {
    let sheetName: String
    let sharedStrings: [String]
    let dateStyles: [Bool]
    let date1904: Bool
    let maxRows: Int
    var rows: [[String]] = []
    var error: XLSXTable.ReadError?

    private var rowNumber = 0
    private var row: [String] = []
    private var cellColumn = 0
    private var cellReference = ""
    private var cellType = ""
    private var cellStyle = 0
    private var hasFormula = false
    private var value: String?
    private var inValue = false
    private var inInline = false

    init(sheetName: String, sharedStrings: [String], dateStyles: [Bool], date1904: Bool, maxRows: Int) {
        self.sheetName = sheetName
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.maxRows = maxRows
    }

    private func fail(_ parser: XMLParser, _ error: XLSXTable.ReadError) {
        if self.error == nil { self.error = error }
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard error == nil else { return }
        let name = local(elementName)
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            row = []
        case "c":
            let position = attributes["r"].flatMap(XLSXTable.position(of:))
            cellColumn = position?.column ?? row.count
            cellReference = attributes["r"] ?? XLSXWorkbook.columnName(cellColumn) + String(rowNumber)
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            hasFormula = false
            value = nil
            text = ""
        case "f": hasFormula = true
        case "v":
            inValue = true
            value = ""
        case "is": inInline = true
        default: if inInline { start(name) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value? += string } else if inInline && capturing { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard error == nil else { return }
        let name = local(elementName)
        switch name {
        case "v": inValue = false
        case "is": inInline = false
        case "c": endCell(parser)
        case "row": endRow(parser)
        default: if inInline { end(name) }
        }
    }

    private func endCell(_ parser: XMLParser) {
        let shown: String
        switch cellType {
        case "inlineStr":
            shown = text
        case "s":
            guard let index = value.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                sharedStrings.indices.contains(index)
            else { return fail(parser, .unreadable(part: "\(sheetName)!\(cellReference)")) }
            shown = sharedStrings[index]
        case "b":
            shown = value.map { $0 == "1" ? "TRUE" : "FALSE" } ?? ""
        case "str", "e":
            shown = value ?? ""
        default:
            guard let value else {
                if hasFormula { return fail(parser, .formulaWithoutValue(sheet: sheetName, cell: cellReference)) }
                return
            }
            if dateStyles.indices.contains(cellStyle), dateStyles[cellStyle],
                let serial = Double(value.trimmingCharacters(in: .whitespaces)),
                let date = XLSXTable.dateText(serial: serial, date1904: date1904)
            {
                shown = date
            } else {
                shown = XLSXTable.numberText(value)
            }
        }
        if hasFormula && value == nil && cellType != "inlineStr" {
            return fail(parser, .formulaWithoutValue(sheet: sheetName, cell: cellReference))
        }
        let cleaned = VietnameseText.normalized(shown)
        guard !cleaned.isEmpty, cellColumn < 1024 else { return }
        if row.count <= cellColumn { row += Array(repeating: "", count: cellColumn + 1 - row.count) }
        row[cellColumn] = cleaned
    }

    private func endRow(_ parser: XMLParser) {
        guard !row.isEmpty else { return }
        guard rowNumber <= maxRows else { return fail(parser, .tooManyRows(limit: maxRows)) }
        if rows.count < rowNumber - 1 { rows += Array(repeating: [], count: rowNumber - 1 - rows.count) }
        if rows.count == rowNumber - 1 { rows.append(row) }
    }
}

/// A ZIP file of the given parts, deflated: the makings of a workbook written part by part (tests build their
/// fixtures with it).
enum ZIPParts {
    static func data(_ parts: [(path: String, content: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw XLSXTable.ReadError.unreadable(part: "") }
        return data
    }
}
