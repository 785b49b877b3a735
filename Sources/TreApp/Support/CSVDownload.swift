import Vapor

/// Every list's export: UTF-8 with a BOM (so spreadsheet programs read the accents), built a page of
/// 1,000 rows at a time, audited with its size, answered as a file.
enum CSVDownload {
    static let pageSize = 1000

    /// The offsets of one page of the export (pages counted from 1 by `respond`, never by the reader).
    static func rows(ofPage page: Int) -> Range<Int> { (page - 1) * pageSize..<page * pageSize }

    /// `rows(page)` gives one page of rows (1-based); fewer than `pageSize` rows ends the file.
    static func respond(
        _ request: Request, fileName: String, header: [String], audit: (_ rowCount: Int) -> AuditEvent,
        rows: (_ page: Int) async throws -> [[String]]
    ) async throws -> Response {
        var csv = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"
        var page = 1
        var exported = 0
        while true {
            let batch = try await rows(page)
            for row in batch { csv += row.map(CSVField.escape).joined(separator: ",") + "\r\n" }
            exported += batch.count
            guard batch.count == pageSize else { break }
            page += 1
        }
        try await AuditLog.record(audit(exported), by: request.auditActor(), on: request.db)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: fileName)
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}

/// Quotes a field when needed, and neutralises a leading = + - @ so a spreadsheet does not run it as a formula.
enum CSVField {
    static func escape(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
