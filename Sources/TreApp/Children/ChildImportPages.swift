import Foundation
import TreDomain

/// The import's pages (upload form, preview, progress), each built without a database.
enum ChildImportPages {
    struct Form: Encodable {
        var communes: [Choice]
        var error: String?
        var columns = ChildCSV.header.joined(separator: ", ")
        var action = SiteURL.children(.importFile).path

        init(communes: [Commune], selected: Int?, error: String?) {
            self.communes = CommuneChoices.choices(communes, selected: selected)
            self.error = error
        }
    }

    struct PreviewRow: Encodable {
        var line: Int
        var fullName: String
        var errors: [String]
    }

    struct Preview: Encodable {
        var fileName: String
        var total: Int
        var errorCount: Int
        var rows: [PreviewRow]
        var commitAction: String?
        var importHref = SiteURL.children(.importFile).path

        /// Every row with a problem, and the first rows that are fine, so the person sees both.
        init(_ check: ImportCheck, fileName: String, batch: UUID?, language: Language) {
            self.fileName = fileName
            total = check.rows.count
            errorCount = check.errorCount
            let shown = check.rows.filter { !$0.errors.isEmpty } + check.rows.filter(\.errors.isEmpty).prefix(20)
            rows = shown.sorted { $0.line < $1.line }.prefix(1000).map {
                PreviewRow(line: $0.line, fullName: $0.fullName, errors: $0.errors.map { $0(language) })
            }
            commitAction = batch.map { SiteURL.children(.importBatch(.value($0))).path }
        }
    }

    struct Progress: Encodable {
        var fileName: String
        var total: Int
        var done: Int
        var running: Bool
        var finished: Bool
        var failed: Bool
        var listHref = SiteURL.children(.list).path

        /// `written` is how many rows the running import has written so far, if it runs on this node.
        init(_ batch: ChildImportBatch, written: Int?) {
            let status = ChildImportBatch.Status(rawValue: batch.status) ?? .previewed
            fileName = batch.fileName
            total = batch.rowCount
            done = status == .done ? batch.rowCount : written ?? 0
            running = status == .running
            finished = status == .done
            failed = status == .failed
        }
    }
}
