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

    /// Checks an uploaded file and, when every row may be written, keeps it for the commit.
    /// The file is kept as the text it was read as (UTF-8, NFC), whatever its encoding (`ChildImporter.keptText`).
    func check(
        _ data: Data, fileName: String, defaultCommune: Int?, encoding: ImportTextEncoding? = nil,
        separator: ImportSeparator? = nil
    ) async throws -> (ImportCheck, batch: UUID?) {
        let file = try ChildImporter.read(
            data, defaultCommune: defaultCommune, encoding: encoding, separator: separator)
        var check = try await importer.check(file.rows)
        check.reading = file.reading
        guard check.canCommit else { return (check, nil) }
        let batch = ChildImportBatch(
            userID: principal.userID, defaultCommune: defaultCommune, fileName: fileName,
            content: try ChildImporter.keptText(file.reading))
        try await batch.create(on: database)
        return (check, try batch.requireID())
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
        let check = try await importer.check(
            try ChildImporter.readRows(Data(batch.content.utf8), defaultCommune: batch.defaultCommune))
        guard check.canCommit else { return .registryChanged }
        let id = try batch.requireID()
        batch.status = ChildImportBatch.Status.running.rawValue
        batch.rowCount = check.rows.count
        try await batch.update(on: database)
        let running = ChildImporter(database: background, principal: principal, actor: actor)
        Task {
            do {
                _ = try await running.commit(check, batchID: id) { done in await progress.update(id, done: done) }
                batch.status = ChildImportBatch.Status.done.rawValue
                batch.content = ""  // the file's personal data is not kept once it is in the registry
            } catch {
                logger.report(error: error)
                batch.status = ChildImportBatch.Status.failed.rawValue
                batch.failure = String(describing: type(of: error))
            }
            try? await batch.update(on: background)
            await progress.finish(id)
        }
        return .started
    }
}
