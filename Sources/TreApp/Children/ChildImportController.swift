import Fluent
import TreDomain
import Vapor

/// Loading a commune's list in one go: upload, a preview of every row's problems, then an
/// all-or-nothing commit.
struct ChildImportController {
    struct Upload: Content {
        var file: File
        var communeCode: String?
        var sheet: String?
        /// The person's choice when detection read the file wrongly; empty means detect.
        var encoding: String?
        var separator: String?

        var chosenEncoding: ImportTextEncoding? { encoding.flatMap(ImportTextEncoding.init(rawValue:)) }
        var chosenSeparator: ImportSeparator? { separator.flatMap(ImportSeparator.init(rawValue:)) }
    }

    struct SheetChoice: Content {
        var sheet: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(.children(.importFile), access: .permission(.editChildren), use: showForm)
        routes.post(.children(.importFile), access: .permission(.editChildren), use: preview)
        routes.post(.children(.importBatch(.pattern)), access: .permission(.editChildren), use: commit)
        routes.get(.children(.importBatch(.pattern)), access: .permission(.editChildren), use: progress)
        routes.post(.children(.importSheet(.pattern)), access: .permission(.editChildren), use: chooseSheet)
        routes.get(.children(.importTemplateCSV), access: .permission(.editChildren), use: templateCSV)
        routes.get(.children(.importTemplateXLSX), access: .permission(.editChildren), use: templateXLSX)
    }

    @Sendable func showForm(_ request: Request) async throws -> Response {
        try await renderForm(request, error: nil)
    }

    @Sendable func preview(_ request: Request) async throws -> Response {
        let upload = try request.content.decode(Upload.self)
        let principal = try request.requirePrincipal()
        let defaultCommune = Int(upload.communeCode ?? "") ?? principal.jurisdiction.communeCode
        let service = try service(request)
        let (check, batch, reading): (ImportCheck, UUID?, ChildImportService.Reading)
        do {
            let file = try ChildImportService.read(
                Data(buffer: upload.file.data), fileName: upload.file.filename, defaultCommune: defaultCommune,
                encoding: upload.chosenEncoding, separator: upload.chosenSeparator,
                sheet: upload.sheet.flatMap { $0.isEmpty ? nil : $0 })
            // A large file: checked in the background while its page shows how far the check has come.
            if file.rows.count > request.application.importCheckInBackgroundAbove {
                let id = try await service.checkInBackground(
                    file, fileName: upload.file.filename, defaultCommune: defaultCommune,
                    background: request.application.db(request.application.backgroundDatabaseID),
                    progress: request.application.importProgress, logger: request.logger)
                return request.redirect(to: SiteURL.children(.importBatch(.value(id))).path)
            }
            (check, batch, reading) = try await service.check(
                file, fileName: upload.file.filename, defaultCommune: defaultCommune)
        } catch let failure as any LocalizedFailure {
            // A file that cannot be read at all: the upload form again, with why.
            let refusal = Refusal(failure, language: request.language)
            return try await renderForm(
                request, error: refusal.message, status: refusal.status, encoding: upload.chosenEncoding,
                separator: upload.chosenSeparator)
        }
        let language = request.language
        return try await request.render(
            "children/import-preview", title: UIStrings.text("importChildren", language),
            ChildImportPages.Preview(
                check, fileName: upload.file.filename, batch: batch, language: language, reading: reading),
            status: check.errorCount == 0 ? .ok : .unprocessableEntity)
    }

    /// Another sheet of a kept workbook, checked again and previewed like an upload.
    @Sendable func chooseSheet(_ request: Request) async throws -> Response {
        let service = try service(request)
        let kept = try await service.batch(request.parameters.get("batch", as: UUID.self))
        let choice = try request.content.decode(SheetChoice.self)
        let (check, batch, reading): (ImportCheck, UUID?, ChildImportService.Reading)
        do {
            (check, batch, reading) = try await service.choose(sheet: choice.sheet, of: kept)
        } catch let failure as any LocalizedFailure {
            // The sheet cannot be read: why, with the other sheets still to choose from.
            let refusal = Refusal(failure, language: request.language)
            return try await request.render(
                "children/import-preview", title: UIStrings.text("importChildren", request.language),
                ChildImportPages.Preview(
                    refused: refusal.message, fileName: kept.fileName,
                    reading: ChildImportService.keptSheets(kept, sheet: choice.sheet)),
                status: refusal.status)
        }
        let language = request.language
        return try await request.render(
            "children/import-preview", title: UIStrings.text("importChildren", language),
            ChildImportPages.Preview(
                check, fileName: kept.fileName, batch: batch, language: language, reading: reading),
            status: check.errorCount == 0 ? .ok : .unprocessableEntity)
    }

    /// The list to fill in: the columns named in Vietnamese and one example row.
    @Sendable func templateCSV(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: ChildImportTemplate.csvName)
        return Response(status: .ok, headers: headers, body: .init(string: ChildImportTemplate.csv))
    }

    @Sendable func templateXLSX(_ request: Request) async throws -> Response {
        XLSXWorkbook.respond(request, fileName: ChildImportTemplate.xlsxName, data: try ChildImportTemplate.xlsx())
    }

    /// Starts writing the checked file in the background and sends the person to its progress page; it is
    /// written all or nothing (`ChildImporter.commit`).
    @Sendable func commit(_ request: Request) async throws -> Response {
        let service = try service(request)
        let batch = try await service.batch(request.parameters.get("batch", as: UUID.self))
        let started = try await service.start(
            batch, background: request.application.db(request.application.backgroundDatabaseID),
            progress: request.application.importProgress, logger: request.logger)
        if case .registryChanged = started {
            return try await renderForm(
                request, error: UIStrings.text("importChanged", request.language), status: .conflict)
        }
        return request.redirect(to: SiteURL.children(.importBatch(.value(try batch.requireID()))).path)
    }

    /// The progress of a large file's check or of a running import; the page refreshes itself (no script
    /// needed) until it ends. A large file's check, once ended, shows its preview here.
    @Sendable func progress(_ request: Request) async throws -> Response {
        let batch = try await service(request).batch(request.parameters.get("batch", as: UUID.self))
        if batch.status == ChildImportBatch.Status.previewed.rawValue,
            let preview = ChildImportService.keptPreview(batch, language: request.language)
        {
            return try await request.render(
                "children/import-preview", title: UIStrings.text("importChildren", request.language), preview,
                status: preview.errorCount == 0 ? .ok : .unprocessableEntity)
        }
        let page = ChildImportPages.Progress(
            batch, written: await request.application.importProgress.done(try batch.requireID()))
        return try await request.render(
            "children/import-progress", title: UIStrings.text("importChildren", request.language), page,
            refreshSeconds: page.running ? 2 : nil)
    }

    private func service(_ request: Request) throws -> ChildImportService {
        ChildImportService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }

    private func renderForm(
        _ request: Request, error: String?, status: HTTPStatus = .ok, encoding: ImportTextEncoding? = nil,
        separator: ImportSeparator? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let page = ChildImportPages.Form(
            communes: try await CommuneChoices.communes(for: principal, on: request.db),
            selected: principal.jurisdiction.communeCode, error: error, language: request.language,
            encoding: encoding, separator: separator)
        return try await request.render(
            "children/import", title: UIStrings.text("importChildren", request.language), page, status: status)
    }
}
