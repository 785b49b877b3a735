import CSV
import Crypto
import Fluent
import Foundation
import SQLKit
import TreDomain

/// What an import would do, row by row, before anything is written.
struct ImportCheck: Sendable {
    enum RowKind: Sendable {
        /// A child not yet registered.
        case new
        /// A registered child whose record the row changes.
        case update
        /// A registered child the row says nothing new about: importing the same file again changes nothing.
        case unchanged
    }

    struct RowResult: Sendable {
        var line: Int
        var fullName: String
        var errors: [LocalizedText]
        var kind = RowKind.new
        var changes: [ImportFieldChange] = []
    }

    var rows: [RowResult]
    /// How the file's text was read (encoding, separator), for the preview to show and let the person change.
    var reading: ImportTextReading?
    fileprivate var ready: [(valid: ValidChild, provinceCode: Int)]
    fileprivate var updates: [ImportPlannedUpdate] = []
    /// The file is the commune police's answer (it carries Tre's record codes or their results): each change's
    /// audit entry names that source.
    var isPoliceAnswer = false
    var source: String { isPoliceAnswer ? "police-answer" : "import" }

    var errorCount: Int { rows.filter { !$0.errors.isEmpty }.count }
    var newCount: Int { ready.count }
    var updateCount: Int { updates.count }
    var unchangedCount: Int { rows.filter { $0.errors.isEmpty && $0.kind == .unchanged }.count }
    /// Rows the commit writes: new children and changed records.
    var writeCount: Int { ready.count + updates.count }
    var canCommit: Bool { errorCount == 0 && writeCount > 0 }

    /// A digest of what the commit would do: which rows are new, and which record each update changes as it
    /// was when checked. Kept with the preview, so that a commit whose fresh check differs is refused.
    var plan: String {
        let updates = updates.map { "\($0.child.id?.uuidString ?? "")@\($0.checkedAt?.timeIntervalSince1970 ?? 0)" }
        let facts = "new=\(ready.count);" + updates.joined(separator: ",")
        return SHA256.hash(data: Data(facts.utf8)).map { String(format: "%02x", $0) }.joined()
    }
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

    /// Checks every row: on its own, against the commune and the reader's jurisdiction, and against the registry,
    /// where a row that matches a registered child (`ChildImportMatches`) is an update laid over its record.
    /// `progress` hears how many rows are checked, every thousand (a large file is checked in the background).
    func check(
        _ rows: [ChildImportFile.Row], progress: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> ImportCheck {
        let today = ChildAge.todayInVietnam()
        let communes = Dictionary(
            try await Commune.query(on: database).filter(\.$validTo == nil).all().map { ($0.code, $0) },
            uniquingKeysWith: { first, _ in first })
        let alone = rows.map { $0.draft.validate(today: today) }
        let registered = try await ChildImportMatches.registered(
            communeCodes: Set(rows.compactMap(\.draft.communeCode)), on: database)

        var check = ImportCheck(rows: [], ready: [])
        check.isPoliceAnswer = rows.contains { !$0.recordCode.isEmpty || !$0.verification.isEmpty }
        var seenIDs = Set<String>()
        var seenChildren = Set<String>()
        var seenMatched = Set<UUID>()
        // A part of the file at a time, its registered children loaded for it: only the records an update
        // changes stay in memory (a re-import of 100,000 unchanged rows held them all: 830 MB).
        for start in stride(from: 0, to: rows.count, by: Self.rowsCheckedTogether) {
            await progress(start)
            let part = start..<min(start + Self.rowsCheckedTogether, rows.count)
            let identities = alone[part].compactMap { try? $0.get() }.map(ChildImportMatches.identity)
            let matches = try await ChildImportMatches.load(
                recordCodes: rows[part].compactMap { UUID(uuidString: $0.recordCode) },
                personalIDs: rows[part].map { $0.draft.personalID.filter(\.isNumber) }.filter { $0.count == 12 },
                byIdentity: Dictionary(
                    identities.compactMap { key in registered[key].map { (key, $0) } },
                    uniquingKeysWith: { first, _ in first }),
                on: database)
            for (row, result) in zip(rows[part], alone[part]) {
                var outcome = ImportCheck.RowResult(
                    line: row.line, fullName: VietnameseText.normalized(row.draft.fullName), errors: [])
                defer { check.rows.append(outcome) }
                // A row about a registered child may leave blank what it does not change (matched by its ID).
                let byCode = UUID(uuidString: row.recordCode).flatMap { matches.children[$0] }
                if !row.recordCode.isEmpty, byCode.map(isWritable) != true {
                    outcome.errors.append(Self.unknownRecordCode)
                    continue
                }
                let verification = PoliceVerification(written: row.verification)
                if !row.verification.isEmpty, verification == nil || byCode == nil {
                    outcome.errors.append(byCode == nil ? Self.verificationWithoutRecord : Self.unknownVerification)
                    continue
                }
                let byID = byCode ?? matches.byPersonalID[row.draft.personalID.filter(\.isNumber)]
                let valid: ValidChild
                switch result {
                case .success(let checked): valid = checked
                case .failure(let failure):
                    guard let byID, byID.mergedInto == nil,
                        case .success(let merged) = row.draft.laid(over: matches.draft(of: byID)).validate(today: today)
                    else {
                        outcome.errors = failure.errors.map(\.message)
                        continue
                    }
                    valid = merged
                }
                guard let commune = communes[valid.communeCode] else {
                    outcome.errors.append(JurisdictionError.unknownCommune.message)
                    continue
                }
                guard principal.jurisdiction.contains(provinceCode: commune.provinceCode, communeCode: commune.code)
                else {
                    outcome.errors.append(JurisdictionError.outsideJurisdiction.message)
                    continue
                }
                let identity = ChildImportMatches.identity(of: valid)
                var matched: Child? = byCode
                if let id = valid.personalID, let holder = matches.byPersonalID[id], holder.id != byCode?.id {
                    guard byCode == nil else {
                        outcome.errors.append(ChildRegistryError.personalIDTaken.message)
                        continue
                    }
                    guard holder.mergedInto == nil,
                        principal.jurisdiction.contains(
                            provinceCode: holder.provinceCode, communeCode: holder.communeCode)
                    else {
                        outcome.errors.append(ChildRegistryError.personalIDTaken.message)
                        continue
                    }
                    matched = holder
                } else if byCode == nil, let id = matches.byIdentity[identity] {
                    matched = matches.children[id]
                }
                if let id = valid.personalID, !seenIDs.insert(id).inserted {
                    outcome.errors.append(Self.repeatedInFile)
                    continue
                }
                guard let matched, let matchedID = matched.id else {
                    guard seenChildren.insert(identity).inserted else {
                        outcome.errors.append(Self.repeatedInFile)
                        continue
                    }
                    check.ready.append((valid, commune.provinceCode))
                    continue
                }
                guard seenMatched.insert(matchedID).inserted else {
                    outcome.errors.append(Self.repeatedInFile)
                    continue
                }
                // The row laid over the record: a blank cell keeps what is registered.
                let updated: ValidChild
                switch row.draft.laid(over: matches.draft(of: matched)).validate(today: today) {
                case .success(let checked): updated = checked
                case .failure(let failure):
                    outcome.errors = failure.errors.map(\.message)
                    continue
                }
                let update = Self.plannedUpdate(
                    of: matched, to: updated, provinceCode: commune.provinceCode,
                    caregivers: matches.caregivers[matchedID] ?? [], verification: verification)
                guard let update else {
                    outcome.kind = .unchanged
                    continue
                }
                outcome.kind = .update
                outcome.changes = update.changes(caregiversBefore: matches.caregivers[matchedID] ?? []) {
                    communes[$0]?.name ?? String($0)
                }
                check.updates.append(update)
            }
        }
        return check
    }

    /// Rows whose registered children are loaded together while a file is checked.
    static let rowsCheckedTogether = 2_000

    /// What the row changes in the record; nil when nothing.
    private static func plannedUpdate(
        of child: Child, to valid: ValidChild, provinceCode: Int, caregivers: [ChildCaregiver],
        verification: PoliceVerification?
    ) -> ImportPlannedUpdate? {
        let after = Child()
        after.apply(valid, provinceCode: provinceCode)
        // An answer already recorded is no change: the same answer imported twice changes nothing.
        let answer = verification?.rawValue == child.idVerification ? nil : verification
        let changed =
            ChildSnapshot(after).changedFields(since: ChildSnapshot(child)) + (answer == nil ? [] : ["idVerification"])
        let caregiversChanged =
            caregivers.map { "\($0.relation)|\($0.fullName)|\($0.phone)" }.sorted()
            != valid.caregivers.map { "\($0.relation.rawValue)|\($0.fullName)|\($0.phone)" }.sorted()
        guard !changed.isEmpty || caregiversChanged else { return nil }
        return ImportPlannedUpdate(
            child: child, valid: valid, provinceCode: provinceCode, checkedAt: child.updatedAt, verification: answer,
            changedFields: changed + (caregiversChanged ? ["caregivers"] : []), caregiversChanged: caregiversChanged,
            rewritesDependents: caregiversChanged || changed.contains("fullName") || changed.contains("communeCode"))
    }

    /// Writes every checked row: new children a batch per transaction, with an audit entry each; then the updates
    /// and the import's end in one last transaction. A failure undoes the batches already written; a crash is
    /// undone when Tre starts; and a record is never left half-updated.
    func commit(
        _ check: ImportCheck, batchID: UUID = UUID(), progress: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> Int {
        guard check.canCommit else { return 0 }
        do {
            try await write(check, batchID: batchID, progress: progress)
        } catch {
            try? await ChildImportRollback.undo(batchID: batchID, by: actor, on: database)
            throw error
        }
        return check.writeCount
    }

    private func write(
        _ check: ImportCheck, batchID: UUID, progress: @escaping @Sendable (Int) async -> Void
    ) async throws {
        let (actor, jurisdiction, ready) = (actor, principal.jurisdiction, check.ready)
        for start in stride(from: 0, to: ready.count, by: Self.batchSize) {
            let end = min(start + Self.batchSize, ready.count)
            try await database.writeTransaction { database in
                let sql = try database.sql()
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
                try await ChildImportRollback.record(children.compactMap(\.id), batchID: batchID, on: sql)
            }
            await progress(end)
        }
        // The last transaction: the updates, and the import is whole once it commits (nothing left to undo).
        try await database.writeTransaction { database in
            // A write first: on SQLite a transaction that reads and then writes fails at once ("busy in
            // snapshot") when anything was written since its read; writing first takes the lock before reading.
            try await ChildImportRollback.complete(batchID: batchID, on: try database.sql())
            try await Self.apply(check.updates, source: check.source, by: actor, on: database) { done in
                await progress(ready.count + done)
            }
            try await AuditLog.record(
                AuditEvent(
                    action: "children.imported", recordType: "child", jurisdiction: jurisdiction,
                    details:
                        "rows=\(check.writeCount) new=\(ready.count) updated=\(check.updates.count) source=\(check.source)"
                ),
                by: actor, on: database)
        }
    }

    /// Updates the matched records, each with an audit entry naming the fields changed. A record changed by
    /// someone else since the check stops the whole import: the preview no longer says what would happen.
    private static func apply(
        _ updates: [ImportPlannedUpdate], source: String, by actor: AuditActor, on database: any Database,
        progress: @escaping @Sendable (Int) async -> Void
    ) async throws {
        for (index, chunk) in updates.chunked(batchSize).enumerated() {
            let ids = chunk.compactMap(\.child.id)
            let current = Dictionary(
                try await Child.query(on: database).filter(\.$id ~~ ids).all().map { ($0.id, $0.updatedAt) },
                uniquingKeysWith: { first, _ in first })
            var events: [AuditEvent] = []
            for update in chunk {
                guard let stored = current[update.child.id], stored == update.checkedAt else {
                    throw ChildRegistryError.changedDuringImport
                }
                update.child.apply(update.valid, provinceCode: update.provinceCode)
                if let answer = update.verification {
                    update.child.idVerification = answer.rawValue
                    update.child.idVerifiedOn = VietnamTime.isoDate(Date())
                }
                try await update.child.update(on: database)
                if update.rewritesDependents {
                    try await ChildService.replaceDependents(of: update.child, with: update.valid, on: database)
                }
                events.append(
                    AuditEvent(
                        action: "child.updated", recordType: "child", recordID: update.child.id?.uuidString,
                        jurisdiction: update.child.jurisdiction,
                        details: "\(source) fields=" + update.changedFields.joined(separator: ",")))
            }
            try await AuditLog.record(events, by: actor, on: database)
            await progress(index * batchSize + chunk.count)
        }
    }

    /// Whether the reader may change this registered record.
    private func isWritable(_ child: Child) -> Bool {
        child.mergedInto == nil
            && principal.jurisdiction.contains(provinceCode: child.provinceCode, communeCode: child.communeCode)
    }

    static let unknownRecordCode = LocalizedText(
        vi: "Không có hồ sơ nào với mã này trong phạm vi của bạn.", en: "No record with this code is within your reach."
    )
    static let verificationWithoutRecord = LocalizedText(
        vi: "Kết quả xác minh chỉ dùng cho trẻ đã có hồ sơ: dòng cần có mã hồ sơ Tre.",
        en: "A verification result is for a registered child only: the row needs Tre's record code.")
    static let unknownVerification = LocalizedText(
        vi: "Không hiểu kết quả xác minh: hãy ghi “Khớp”, “Đã cấp số”, “Đã sửa” hoặc “Không tìm thấy”.",
        en: "The verification result is not understood: write “Khớp”, “Đã cấp số”, “Đã sửa” or “Không tìm thấy”.")

    static let repeatedInFile = LocalizedText(
        vi: "Trùng với một dòng khác trong tệp.", en: "Repeats another row of the file.")
}
