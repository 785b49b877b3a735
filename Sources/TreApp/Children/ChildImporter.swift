import CSV
import Fluent
import Foundation
import SQLKit
import TreDomain

/// What an import would do, row by row, before anything is written.
struct ImportCheck: Sendable {
    struct RowResult: Sendable {
        var line: Int
        var fullName: String
        var errors: [LocalizedText]
    }

    var rows: [RowResult]
    /// How the file's text was read (encoding, separator), for the preview to show and let the person change.
    var reading: ImportTextReading?
    fileprivate var ready: [(valid: ValidChild, provinceCode: Int)]

    var errorCount: Int { rows.filter { !$0.errors.isEmpty }.count }
    var canCommit: Bool { errorCount == 0 && !ready.isEmpty }
}

/// Imports a commune's list of children: reads the CSV (any encoding and separator `ImportText` reads), checks every
/// row (fields, commune and jurisdiction, personal IDs, children already registered), and writes all
/// rows or none: in batches that let other writers take turns, undone if it does not finish
/// (`ChildImportRollback`).
struct ChildImporter: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    /// Rows written per transaction (and between progress reports): another writer waits for at most one batch.
    /// At 400 a batch took 0.8 s in a debug build on a busy machine, and other people's writes waited that long.
    static let batchSize = 100

    static func readRows(_ data: Data, defaultCommune: Int?) throws -> [ChildImportFile.Row] {
        if XLSXTable.isZIP(data) || XLSXTable.isOldExcel(data) {
            return try readWorkbook(data, defaultCommune: defaultCommune).rows
        }
        return try read(data, defaultCommune: defaultCommune).rows
    }

    /// A table's rows as drafts, below its header row (found even under a title block); line numbers are the
    /// table's, the first row being line 1.
    static func rows(of table: [[String]], defaultCommune: Int?) throws -> (
        rows: [ChildImportFile.Row], headerLine: Int
    ) {
        let header = try ChildImportFile.headerRow(in: table, communeGiven: defaultCommune != nil)
        let drafts = ChildImportFile.drafts(
            rows: Array(table.dropFirst(header.index + 1)), columns: header.columns, defaultCommune: defaultCommune,
            firstLine: header.index + 2)
        guard !drafts.isEmpty else { throw ChildImportFile.FileError.empty }
        return (drafts, header.index + 1)
    }

    /// What was read from a workbook: the rows of the chosen sheet (by name; otherwise the first sheet whose
    /// columns are recognised, or else the first with data), which sheet and header row that was, and the others.
    struct WorkbookRead {
        var rows: [ChildImportFile.Row]
        var sheets: [String]
        var sheet: String
        var headerLine: Int
    }

    static func readWorkbook(
        _ data: Data, defaultCommune: Int?, sheet chosen: String? = nil, limits: XLSXTable.Limits = .init()
    ) throws -> WorkbookRead {
        let workbook = try XLSXTable(data: data, limits: limits)
        let names = workbook.sheets.map(\.name)
        if let chosen {
            guard let sheet = workbook.sheets.first(where: { $0.name == chosen }) else {
                throw XLSXTable.ReadError.noSheet(chosen)
            }
            let read = try rows(of: try workbook.rows(of: sheet), defaultCommune: defaultCommune)
            return WorkbookRead(rows: read.rows, sheets: names, sheet: sheet.name, headerLine: read.headerLine)
        }
        var firstFailure: (any Error)?
        for sheet in workbook.sheets {
            let table = try workbook.rows(of: sheet)
            guard table.contains(where: { !$0.isEmpty }) else { continue }
            do {
                let read = try rows(of: table, defaultCommune: defaultCommune)
                return WorkbookRead(rows: read.rows, sheets: names, sheet: sheet.name, headerLine: read.headerLine)
            } catch {
                if firstFailure == nil { firstFailure = error }
            }
        }
        throw firstFailure ?? ChildImportFile.FileError.empty
    }

    /// The file's rows, and how its text was read: the encoding and separator are detected unless chosen
    /// (`ImportText`), so that the preview can show both and a wrong guess can be corrected before anything is
    /// written.
    static func read(
        _ data: Data, defaultCommune: Int?, encoding: ImportTextEncoding? = nil, separator: ImportSeparator? = nil
    ) throws -> (rows: [ChildImportFile.Row], reading: ImportTextReading) {
        let reading = try ImportText.read([UInt8](data), encoding: encoding, separator: separator)
        let reader = try CSVReader(string: reading.text, hasHeaderRow: false, delimiter: reading.separator.scalar)
        var table: [[String]] = []
        let limit = XLSXTable.Limits().rows
        while let row = reader.next() {
            guard table.count < limit else { throw XLSXTable.ReadError.tooManyRows(limit: limit) }
            table.append(row)
        }
        return (try rows(of: table, defaultCommune: defaultCommune).rows, reading)
    }

    /// The file as it is kept between preview and commit: UTF-8, and comma-separated when the person chose the
    /// separator, so that reading it again (which detects) finds the same rows.
    static func keptText(_ reading: ImportTextReading) throws -> String {
        guard !reading.separatorWasDetected else { return reading.text }
        let reader = try CSVReader(string: reading.text, hasHeaderRow: false, delimiter: reading.separator.scalar)
        var lines: [String] = []
        while let row = reader.next() {
            lines.append(
                row.map { field in
                    field.contains(where: { [",", ";", "\t", "\""].contains($0) || $0.isNewline })
                        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func check(_ rows: [ChildImportFile.Row]) async throws -> ImportCheck {
        let today = ChildAge.todayInVietnam()
        let communes = Dictionary(
            try await Commune.query(on: database).filter(\.$validTo == nil).all().map { ($0.code, $0) },
            uniquingKeysWith: { first, _ in first })
        let fileIDs = rows.map { $0.draft.personalID.filter(\.isNumber) }.filter { !$0.isEmpty }
        var takenIDs = Set<String>()
        for start in stride(from: 0, to: fileIDs.count, by: 500) {
            let chunk = Array(fileIDs[start..<min(start + 500, fileIDs.count)])
            takenIDs.formUnion(
                try await Child.query(on: database).filter(\.$personalID ~~ chunk).all(\.$personalID).compactMap { $0 })
        }
        let registered = try await alreadyRegistered(communeCodes: Set(rows.compactMap(\.draft.communeCode)))

        var results: [ImportCheck.RowResult] = []
        var ready: [(ValidChild, Int)] = []
        var seenIDs = Set<String>()
        var seenChildren = Set<String>()
        for row in rows {
            var errors: [LocalizedText] = []
            switch row.draft.validate(today: today) {
            case .failure(let failure):
                errors = failure.errors.map(\.message)
            case .success(let valid):
                let commune = communes[valid.communeCode]
                if commune == nil {
                    errors.append(JurisdictionError.unknownCommune.message)
                } else if let commune,
                    !principal.jurisdiction.contains(provinceCode: commune.provinceCode, communeCode: commune.code)
                {
                    errors.append(JurisdictionError.outsideJurisdiction.message)
                }
                if let id = valid.personalID {
                    if takenIDs.contains(id) {
                        errors.append(ChildRegistryError.personalIDTaken.message)
                    } else if !seenIDs.insert(id).inserted {
                        errors.append(Self.repeatedInFile)
                    }
                }
                let identity =
                    "\(VietnameseText.folded(valid.name.fullName))|\(valid.birthDateForAge)|\(valid.communeCode)"
                if registered.contains(identity) {
                    errors.append(Self.alreadyRegisteredMessage)
                } else if !seenChildren.insert(identity).inserted {
                    errors.append(Self.repeatedInFile)
                }
                if errors.isEmpty, let commune { ready.append((valid, commune.provinceCode)) }
            }
            results.append(
                ImportCheck.RowResult(
                    line: row.line, fullName: VietnameseText.normalized(row.draft.fullName), errors: errors))
        }
        return ImportCheck(rows: results, ready: ready)
    }

    /// Writes every checked row, a batch per transaction, with an audit entry per child and one for the import.
    /// A failure undoes the batches already written; a crash is undone when Tre starts.
    func commit(
        _ check: ImportCheck, batchID: UUID = UUID(), progress: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> Int {
        guard check.canCommit else { return 0 }
        do {
            try await write(check.ready, batchID: batchID, progress: progress)
        } catch {
            try? await ChildImportRollback.undo(batchID: batchID, by: actor, on: database)
            throw error
        }
        return check.ready.count
    }

    private func write(
        _ ready: [(valid: ValidChild, provinceCode: Int)], batchID: UUID,
        progress: @escaping @Sendable (Int) async -> Void
    ) async throws {
        let actor = actor
        let jurisdiction = principal.jurisdiction
        for start in stride(from: 0, to: ready.count, by: Self.batchSize) {
            let end = min(start + Self.batchSize, ready.count)
            try await database.writeTransaction { database in
                guard let sql = database as? any SQLDatabase else { return }
                var children: [Child] = []
                var caregivers: [ChildCaregiver] = []
                var tokens: [ChildNameToken] = []
                for (valid, provinceCode) in ready[start..<end] {
                    let child = Child()
                    let id = UUID()
                    child.id = id
                    child.apply(valid, provinceCode: provinceCode)
                    children.append(child)
                    caregivers += valid.caregivers.map {
                        ChildCaregiver(
                            childID: id, relation: $0.relation.rawValue, fullName: $0.fullName, phone: $0.phone)
                    }
                    tokens += try valid.searchTokens.map { try ChildNameToken($0, of: child) }
                }
                try await ChildRowsWriter.insert(children, on: sql)
                try await ChildRowsWriter.insert(caregivers, on: sql)
                try await ChildRowsWriter.insert(tokens, on: sql)
                try await AuditLog.record(
                    children.map {
                        AuditEvent(
                            action: "child.created", recordType: "child", recordID: $0.id?.uuidString,
                            jurisdiction: $0.jurisdiction, details: "import")
                    }, by: actor, on: database)
                if end < ready.count {
                    try await ChildImportRollback.record(children.compactMap(\.id), batchID: batchID, on: sql)
                } else {
                    // The last batch: the import is whole once this commits, and nothing is left to undo.
                    try await ChildImportRollback.complete(batchID: batchID, on: sql)
                    try await AuditLog.record(
                        AuditEvent(
                            action: "children.imported", recordType: "child", jurisdiction: jurisdiction,
                            details: "rows=\(ready.count)"),
                        by: actor, on: database)
                }
            }
            await progress(end)
        }
    }

    /// Children already in the registry of these communes, by folded name, birth and commune. Read as
    /// three columns, not as models: a demo commune holds tens of thousands of children.
    private func alreadyRegistered(communeCodes: Set<Int>) async throws -> Set<String> {
        guard !communeCodes.isEmpty, let sql = database as? any SQLDatabase else { return [] }
        struct Identity: Decodable {
            var nameFolded: String
            var birthDateForAge: String
            var communeCode: Int
        }
        let existing = try await sql.select().columns("name_folded", "birth_date_for_age", "commune_code")
            .from(Child.schema).where("commune_code", .in, Array(communeCodes)).where(
                "merged_into", .is, SQLLiteral.null
            )
            .all(decoding: Identity.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Set(existing.map { "\($0.nameFolded)|\($0.birthDateForAge)|\($0.communeCode)" })
    }

    static let repeatedInFile = LocalizedText(
        vi: "Trùng với một dòng khác trong tệp.", en: "Repeats another row of the file.")
    static let alreadyRegisteredMessage = LocalizedText(
        vi: "Trẻ này đã có trong hồ sơ của xã (cùng họ tên, ngày sinh).",
        en: "This child is already registered in the commune (same name and date of birth).")
}
