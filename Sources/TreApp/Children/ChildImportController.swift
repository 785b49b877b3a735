import Fluent
import TreDomain
import Vapor

/// Loading a commune's list in one go: upload, a preview of every row's problems, then an
/// all-or-nothing commit.
struct ChildImportController {
    struct Upload: Content {
        var file: File
        var communeCode: String?
    }

    struct FormPage: Encodable {
        var communes: [Choice]
        var error: String?
        var columns: String
        var action = SiteURL.children(.importFile).path
    }

    struct PreviewRow: Encodable {
        var line: Int
        var fullName: String
        var errors: [String]
    }

    struct PreviewPage: Encodable {
        var fileName: String
        var total: Int
        var errorCount: Int
        var rows: [PreviewRow]
        var commitAction: String?
        var importHref = SiteURL.children(.importFile).path
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(.children(.importFile), access: .permission(.editChildren), use: showForm)
        routes.post(.children(.importFile), access: .permission(.editChildren), use: preview)
        routes.post(.children(.importBatch(.pattern)), access: .permission(.editChildren), use: commit)
        routes.get(.children(.importBatch(.pattern)), access: .permission(.editChildren), use: progress)
    }

    @Sendable func showForm(_ request: Request) async throws -> Response {
        try await renderForm(request, error: nil)
    }

    @Sendable func preview(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let upload = try request.content.decode(Upload.self)
        let defaultCommune = Int(upload.communeCode ?? "") ?? principal.jurisdiction.communeCode
        let data = Data(buffer: upload.file.data)
        let importer = ChildImporter(database: request.db, principal: principal, actor: request.auditActor())
        let check: ImportCheck
        do {
            check = try await importer.check(try ChildImporter.readRows(data, defaultCommune: defaultCommune))
        } catch let failure as any LocalizedFailure {
            return try await renderForm(request, error: failure.message(request.language), status: .unprocessableEntity)
        }
        var commitAction: String?
        if check.canCommit {
            let batch = ChildImportBatch(
                userID: principal.userID, defaultCommune: defaultCommune, fileName: upload.file.filename,
                content: String(decoding: data, as: UTF8.self))
            try await batch.create(on: request.db)
            commitAction = SiteURL.children(.importBatch(.value(try batch.requireID()))).path
        }
        let language = request.language
        // Every row with a problem, and the first rows that are fine, so the person sees both.
        let shown = check.rows.filter { !$0.errors.isEmpty } + check.rows.filter(\.errors.isEmpty).prefix(20)
        let page = PreviewPage(
            fileName: upload.file.filename, total: check.rows.count, errorCount: check.errorCount,
            rows: shown.sorted { $0.line < $1.line }.prefix(1000).map {
                PreviewRow(line: $0.line, fullName: $0.fullName, errors: $0.errors.map { $0(language) })
            },
            commitAction: commitAction)
        let status: HTTPStatus = check.canCommit ? .ok : .unprocessableEntity
        return try await request.render(
            "children/import-preview", title: UIStrings.text("importChildren", language), page, status: status)
    }

    /// Starts writing the checked file in the background and sends the person to its progress page; it is
    /// written all or nothing (`ChildImporter.commit`), on connections of the background pool so that no request
    /// waits for the connection an import holds.
    @Sendable func commit(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let batch = try await findBatch(request, principal: principal)
        guard batch.status == ChildImportBatch.Status.previewed.rawValue else {
            return request.redirect(to: SiteURL.children(.importBatch(.value(try batch.requireID()))).path)
        }
        let importer = ChildImporter(database: request.db, principal: principal, actor: request.auditActor())
        // Checked again: the registry may have changed since the preview.
        let check = try await importer.check(
            try ChildImporter.readRows(Data(batch.content.utf8), defaultCommune: batch.defaultCommune))
        guard check.canCommit else {
            return try await renderForm(
                request, error: UIStrings.text("importChanged", request.language), status: .conflict)
        }
        let id = try batch.requireID()
        batch.status = ChildImportBatch.Status.running.rawValue
        batch.rowCount = check.rows.count
        try await batch.update(on: request.db)
        let database = request.application.db(request.application.backgroundDatabaseID)
        let progress = request.application.importProgress
        let logger = request.logger
        Task {
            let running = ChildImporter(database: database, principal: importer.principal, actor: importer.actor)
            do {
                _ = try await running.commit(check, batchID: id) { done in await progress.update(id, done: done) }
                batch.status = ChildImportBatch.Status.done.rawValue
                batch.content = ""  // the file's personal data is not kept once it is in the registry
            } catch {
                logger.report(error: error)
                batch.status = ChildImportBatch.Status.failed.rawValue
                batch.failure = String(describing: type(of: error))
            }
            try? await batch.update(on: database)
            await progress.finish(id)
        }
        return request.redirect(to: SiteURL.children(.importBatch(.value(id))).path)
    }

    struct ProgressPage: Encodable {
        var fileName: String
        var total: Int
        var done: Int
        var running: Bool
        var finished: Bool
        var failed: Bool
        var listHref: String
    }

    /// The progress of a running import; the page refreshes itself (no script needed) until it ends.
    @Sendable func progress(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let batch = try await findBatch(request, principal: principal)
        let id = try batch.requireID()
        let status = ChildImportBatch.Status(rawValue: batch.status) ?? .previewed
        let done = status == .done ? batch.rowCount : await request.application.importProgress.done(id) ?? 0
        let page = ProgressPage(
            fileName: batch.fileName, total: batch.rowCount, done: done, running: status == .running,
            finished: status == .done, failed: status == .failed, listHref: SiteURL.children(.list).path)
        return try await request.render(
            "children/import-progress", title: UIStrings.text("importChildren", request.language), page,
            refreshSeconds: page.running ? 2 : nil)
    }

    private func findBatch(_ request: Request, principal: Principal) async throws -> ChildImportBatch {
        guard let id = request.parameters.get("batch", as: UUID.self),
            let batch = try await ChildImportBatch.query(on: request.db).filter(\.$id == id)
                .filter(\.$userID == principal.userID).first(),
            (batch.createdAt ?? .distantPast) > Date().addingTimeInterval(-ChildImportBatch.lifetime)
        else { throw TreError.notFound }
        return batch
    }

    private func renderForm(_ request: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let principal = try request.requirePrincipal()
        let communes: [Choice]
        if let province = principal.jurisdiction.provinceCode {
            communes = try await UnitQueries.communesInForce(provinceCode: province, on: request.db)
                .filter { principal.jurisdiction.contains(provinceCode: $0.provinceCode, communeCode: $0.code) }
                .map {
                    Choice(
                        value: String($0.code), label: $0.name, selected: $0.code == principal.jurisdiction.communeCode)
                }
        } else {
            communes = []
        }
        let page = FormPage(communes: communes, error: error, columns: ChildCSV.header.joined(separator: ", "))
        return try await request.render(
            "children/import", title: UIStrings.text("importChildren", request.language), page, status: status)
    }
}
