import Foundation
import TreDomain

/// The import's pages (upload form, preview, progress), each built without a database.
enum ChildImportPages {
    struct Form: Encodable {
        var communes: [Choice]
        /// How a text file is read: detected unless the person chooses (when the preview shows garbled names).
        var encodings: [Choice]
        var separators: [Choice]
        var error: String?
        var columns = ChildCSV.header.joined(separator: ", ")
        var action = SiteURL.children(.importFile).path
        var templateCSV = SiteURL.children(.importTemplateCSV).path
        var templateXLSX = SiteURL.children(.importTemplateXLSX).path

        init(
            communes: [Commune], selected: Int?, error: String?, language: Language,
            encoding: ImportTextEncoding? = nil, separator: ImportSeparator? = nil
        ) {
            self.communes = CommuneChoices.choices(communes, selected: selected)
            let detect = Choice(value: "", label: UIStrings.text("importDetect", language), selected: encoding == nil)
            encodings =
                [detect]
                + ImportTextEncoding.allCases.map {
                    Choice(value: $0.rawValue, label: $0.label(language), selected: $0 == encoding)
                }
            separators =
                [Choice(value: "", label: UIStrings.text("importDetect", language), selected: separator == nil)]
                + ImportSeparator.allCases.map {
                    Choice(value: $0.rawValue, label: $0.label(language), selected: $0 == separator)
                }
            self.error = error
        }
    }

    struct PreviewRow: Codable {
        struct Change: Codable {
            var label: String
            var before: String
            var after: String
        }

        var line: Int
        var fullName: String
        var errors: [String]
        /// A registered child's record the row changes, field by field.
        var isUpdate: Bool
        var changes: [Change]
    }

    struct Preview: Codable {
        var fileName: String
        /// The workbook's sheet that was read, and the others to choose from (empty for a text file).
        var sheet: String?
        var sheets: [Choice] = []
        var sheetAction: String?
        /// The row of column names, counted from 1, when it is not the first.
        var headerLine: Int?
        /// How a text file was read (its encoding and separator); read wrongly, the person chooses them on the
        /// upload form and sends the file again.
        var reading: String?
        /// Why the chosen sheet could not be read (the preview then offers the other sheets).
        var error: String?
        var total: Int
        var errorCount: Int
        var newCount = 0
        var updateCount = 0
        var unchangedCount = 0
        /// What the commit writes: new children and changed records.
        var writeCount = 0
        var rows: [PreviewRow]
        var commitAction: String?
        var importHref = SiteURL.children(.importFile).path

        /// A sheet that could not be read: why, and the workbook's other sheets to choose from.
        init(refused message: String, fileName: String, reading: ChildImportService.Reading) {
            self.fileName = fileName
            sheet = reading.sheet
            if let kept = reading.kept {
                sheets = reading.sheets.map { Choice(value: $0, label: $0, selected: $0 == reading.sheet) }
                sheetAction = SiteURL.children(.importSheet(.value(kept))).path
            }
            total = 0
            errorCount = 0
            rows = []
            error = message
        }

        /// Every row with a problem, and the first rows that are fine, so the person sees both.
        init(
            _ check: ImportCheck, fileName: String, batch: UUID?, language: Language,
            reading: ChildImportService.Reading = .init()
        ) {
            self.fileName = fileName
            sheet = reading.sheet
            headerLine = reading.headerLine
            self.reading = check.reading.map { "\($0.encoding.label(language)), \($0.separator.label(language))" }
            if reading.sheets.count > 1, let kept = reading.kept {
                sheets = reading.sheets.map { Choice(value: $0, label: $0, selected: $0 == reading.sheet) }
                sheetAction = SiteURL.children(.importSheet(.value(kept))).path
            }
            total = check.rows.count
            errorCount = check.errorCount
            newCount = check.newCount
            updateCount = check.updateCount
            unchangedCount = check.unchangedCount
            writeCount = check.writeCount
            // Every row with a problem and every update, then the first new rows; a row already up to date only counts.
            let shown =
                check.rows.filter { !$0.errors.isEmpty || $0.kind == .update }
                + check.rows.filter { $0.errors.isEmpty && $0.kind == .new }.prefix(20)
            rows = shown.sorted { $0.line < $1.line }.prefix(1000).map { row in
                PreviewRow(
                    line: row.line, fullName: row.fullName, errors: row.errors.map { $0(language) },
                    isUpdate: row.kind == .update,
                    changes: row.changes.map {
                        .init(label: $0.label(language), before: $0.before(language), after: $0.after(language))
                    })
            }
            commitAction = batch.map { SiteURL.children(.importBatch(.value($0))).path }
        }
    }

    struct Progress: Encodable {
        var fileName: String
        var total: Int
        var done: Int
        var running: Bool
        /// A large file still being checked: its rows are counted as they are checked.
        var checking: Bool
        var finished: Bool
        var failed: Bool
        var listHref = SiteURL.children(.list).path

        /// `written` is how many rows the running import has written so far, if it runs on this node.
        init(_ batch: ChildImportBatch, written: Int?) {
            let status = ChildImportBatch.Status(rawValue: batch.status) ?? .previewed
            fileName = batch.fileName
            total = batch.rowCount
            done = status == .done ? batch.rowCount : written ?? 0
            running = status == .running || status == .checking
            checking = status == .checking
            finished = status == .done
            failed = status == .failed
        }
    }
}
