import Fluent
import Foundation
import TreDomain
import Vapor

/// The import's writes: keeping a checked file between its preview and its commit, and starting the commit in
/// the background. The rows themselves are written all or nothing by `ChildImporter.commit`, each batch with its
/// audit entries.
struct ChildImportService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    var importer: ChildImporter { ChildImporter(database: database, principal: principal, actor: actor) }

    /// How the file was read, shown in the preview: a workbook's sheets, the one read, and the header row. (A text
    /// file's encoding and separator are in `ImportCheck.reading`.)
    struct Reading: Sendable {
        var sheets: [String] = []
        var sheet: String?
        var headerLine: Int?
        /// The kept workbook, to read another of its sheets.
        var kept: UUID?
    }

    /// An uploaded file as read, before it is checked: its rows, how they were read, and what is kept of it
    /// between preview and commit.
    struct ReadFile: Sendable {
        var rows: [ChildImportFile.Row]
        /// A text file's encoding and separator.
        var textReading: ImportTextReading?
        var reading = Reading()
        /// A text file as the text it was read as (UTF-8, NFC; `ChildImporter.keptText`); a workbook as it is, with
        /// the sheet read.
        var kept: String
        var isWorkbook: Bool { textReading == nil }
    }

    static func read(
        _ data: Data, fileName: String, defaultCommune: Int?, encoding: ImportTextEncoding? = nil,
        separator: ImportSeparator? = nil, sheet: String? = nil, limits: XLSXTable.Limits = .init()
    ) throws -> ReadFile {
        let name = fileName.lowercased()
        if (name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm")) && !XLSXTable.isZIP(data) {
            throw XLSXTable.ReadError.notWorkbook
        }
        guard XLSXTable.isZIP(data) || XLSXTable.isOldExcel(data) else {
            let file = try ChildImporter.read(
                data, defaultCommune: defaultCommune, encoding: encoding, separator: separator)
            return ReadFile(
                rows: file.rows, textReading: file.reading, kept: try ChildImporter.keptText(file.reading))
        }
        let read = try ChildImporter.readWorkbook(data, defaultCommune: defaultCommune, sheet: sheet, limits: limits)
        return ReadFile(
            rows: read.rows, textReading: nil,
            reading: Reading(sheets: read.sheets, sheet: read.sheet, headerLine: read.headerLine),
            kept: Self.keep(workbook: data, sheet: read.sheet))
    }

    /// Checks a file read and, when every row may be written, keeps it for the commit. A workbook of several
    /// sheets is kept in any case, so that another sheet can be chosen without uploading it again.
    func check(_ file: ReadFile, fileName: String, defaultCommune: Int?) async throws -> (
        ImportCheck, batch: UUID?, reading: Reading
    ) {
        var check = try await importer.check(file.rows)
        check.reading = file.textReading
        var reading = file.reading
        guard check.canCommit || reading.sheets.count > 1 else { return (check, nil, reading) }
        let batch = ChildImportBatch(
            userID: principal.userID, defaultCommune: defaultCommune, fileName: fileName, content: file.kept)
        batch.plan = check.plan
        try await batch.create(on: database)
        if file.isWorkbook { reading.kept = try batch.requireID() }
        return (check, check.canCommit ? try batch.requireID() : nil, reading)
    }

    /// A file of many rows: kept at once, and checked in the background on the background pool, its progress
    /// reported to `progress`; when the check ends, its preview (in each language) is kept with the file for the
    /// batch's page to show. Returns the batch.
    func checkInBackground(
        _ file: ReadFile, fileName: String, defaultCommune: Int?, background: any Database,
        progress: ImportProgress, logger: Logger
    ) async throws -> UUID {
        let batch = ChildImportBatch(
            userID: principal.userID, defaultCommune: defaultCommune, fileName: fileName, content: file.kept)
        batch.status = ChildImportBatch.Status.checking.rawValue
        batch.rowCount = file.rows.count
        try await batch.create(on: database)
        let id = try batch.requireID()
        let checker = ChildImporter(database: background, principal: principal, actor: actor)
        Self.inBackground(batch, id: id, on: background, progress: progress, logger: logger) {
            var check = try await checker.check(file.rows) { done in await progress.update(id, done: done) }
            check.reading = file.textReading
            var reading = file.reading
            if file.isWorkbook { reading.kept = id }
            let previews = Dictionary(
                uniqueKeysWithValues: Language.allCases.map { language in
                    (
                        language.rawValue,
                        ChildImportPages.Preview(
                            check, fileName: fileName, batch: check.canCommit ? id : nil, language: language,
                            reading: reading)
                    )
                })
            batch.preview = String(decoding: try JSONEncoder().encode(previews), as: UTF8.self)
            batch.plan = check.plan
            batch.status = ChildImportBatch.Status.previewed.rawValue
        }
        return id
    }

    /// The preview a background check kept, in `language`.
    static func keptPreview(_ batch: ChildImportBatch, language: Language) -> ChildImportPages.Preview? {
        guard let text = batch.preview,
            let previews = try? JSONDecoder().decode([String: ChildImportPages.Preview].self, from: Data(text.utf8))
        else { return nil }
        return previews[language.rawValue]
    }

    /// Reads a kept workbook again with another of its sheets; the batch then commits that sheet.
    func choose(sheet: String, of batch: ChildImportBatch) async throws -> (ImportCheck, batch: UUID?, reading: Reading)
    {
        guard batch.status == ChildImportBatch.Status.previewed.rawValue,
            let kept = Self.keptWorkbook(batch.content)
        else { throw TreError.notFound }
        let read = try ChildImporter.readWorkbook(kept.data, defaultCommune: batch.defaultCommune, sheet: sheet)
        let check = try await importer.check(read.rows)
        batch.content = Self.keep(workbook: kept.data, sheet: read.sheet)
        batch.plan = check.plan
        try await batch.update(on: database)
        let id = try batch.requireID()
        return (
            check, check.canCommit ? id : nil,
            Reading(sheets: read.sheets, sheet: read.sheet, headerLine: read.headerLine, kept: id)
        )
    }

    /// The sheets of a kept workbook, as a reading of `sheet` (for a sheet that could not be read).
    static func keptSheets(_ batch: ChildImportBatch, sheet: String) -> Reading {
        guard let kept = keptWorkbook(batch.content), let table = try? XLSXTable(data: kept.data) else {
            return Reading()
        }
        return Reading(sheets: table.sheets.map(\.name), sheet: sheet, kept: batch.id)
    }

    /// A workbook kept between preview and commit: a first line "xlsx", the chosen sheet, then the file in base64.
    static func keep(workbook data: Data, sheet: String) -> String {
        "xlsx\n\(sheet)\n" + data.base64EncodedString()
    }

    static func keptWorkbook(_ content: String) -> (data: Data, sheet: String)? {
        guard content.hasPrefix("xlsx\n") else { return nil }
        let parts = content.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Data(base64Encoded: String(parts[2])) else { return nil }
        return (data, String(parts[1]))
    }

    /// The kept file's rows, read again.
    static func keptRows(_ batch: ChildImportBatch) throws -> [ChildImportFile.Row] {
        if let kept = keptWorkbook(batch.content) {
            return try ChildImporter.readWorkbook(kept.data, defaultCommune: batch.defaultCommune, sheet: kept.sheet)
                .rows
        }
        return try ChildImporter.readRows(Data(batch.content.utf8), defaultCommune: batch.defaultCommune)
    }

    /// A kept file of this person that has not expired; not found otherwise.
    func batch(_ id: UUID?) async throws -> ChildImportBatch {
        guard let id,
            let batch = try await ChildImportBatch.query(on: database).filter(\.$id == id)
                .filter(\.$userID == principal.userID).first(),
            (batch.createdAt ?? .distantPast) > Date().addingTimeInterval(-ChildImportBatch.lifetime)
        else { throw TreError.notFound }
        return batch
    }

    enum Start {
        /// Already started (a second click): its progress is shown.
        case alreadyStarted
        /// The registry changed since the preview so that the file can no longer be written whole.
        case registryChanged
        case started
    }

    /// Checks the kept file again and starts writing it on connections of the background pool, so that no
    /// request waits for the connection an import holds; progress is reported to `progress`.
    func start(_ batch: ChildImportBatch, background: any Database, progress: ImportProgress, logger: Logger)
        async throws -> Start
    {
        guard batch.status == ChildImportBatch.Status.previewed.rawValue else { return .alreadyStarted }
        // Checked again: the registry may have changed since the preview.
        let check = try await importer.check(try Self.keptRows(batch))
        // What the person saw must still be what happens: a child registered or changed since is another plan.
        guard check.canCommit, check.plan == batch.plan else { return .registryChanged }
        let id = try batch.requireID()
        batch.status = ChildImportBatch.Status.running.rawValue
        batch.rowCount = check.writeCount
        try await batch.update(on: database)
        let running = ChildImporter(database: background, principal: principal, actor: actor)
        Self.inBackground(batch, id: id, on: background, progress: progress, logger: logger) {
            _ = try await running.commit(check, batchID: id) { done in await progress.update(id, done: done) }
            batch.status = ChildImportBatch.Status.done.rawValue
            batch.content = ""  // the file's personal data is not kept once it is in the registry
        }
        return .started
    }

    /// A batch's long work (a check or a commit) on the background pool: its outcome, or the kind of its failure,
    /// is saved on the batch, and this node's progress entry for it is cleared.
    private static func inBackground(
        _ batch: ChildImportBatch, id: UUID, on background: any Database, progress: ImportProgress, logger: Logger,
        _ work: @escaping @Sendable () async throws -> Void
    ) {
        Task {
            do {
                try await work()
            } catch {
                logger.report(error: error)
                batch.status = ChildImportBatch.Status.failed.rawValue
                batch.failure = String(describing: type(of: error))
            }
            try? await batch.update(on: background)
            await progress.finish(id)
        }
    }
}
