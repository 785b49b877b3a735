import TreDomain
import Vapor

/// A download of many children's personal data asks first what it is for (`PersonalDataExport`): the page keeps
/// the list's filters and sends the same download again with the purpose, which its audit entry then records.
enum ExportPurposeGate {
    struct Page: Encodable {
        struct Field: Encodable {
            var name: String
            var value: String
        }
        var action: String
        var message: String
        var fields: [Field]
        var purpose: String
    }

    static func purpose(_ request: Request) -> String? {
        (try? request.query.get(String.self, at: "purpose")).map(VietnameseText.normalized)
    }

    /// The page asking for a purpose, or nil when this download may go ahead as it is.
    static func check(_ request: Request, rowCount: Int, action: String) async throws -> Response? {
        let purpose = purpose(request)
        guard
            let problem = PersonalDataExport.purposeProblem(
                rowCount: rowCount, purpose: purpose,
                rowsWithoutPurpose: request.application.exportRowsWithoutPurpose)
        else { return nil }
        let language = request.language
        let fields = InputCheckMiddleware.queryItems(request.url.query).filter { $0.name != "purpose" }.map {
            Page.Field(name: $0.name, value: $0.value)
        }
        return try await request.render(
            "exports/purpose", title: UIStrings.text("exportCSV", language),
            Page(action: action, message: problem(language), fields: fields, purpose: purpose ?? ""),
            status: purpose == nil ? .ok : .unprocessableEntity)
    }
}

extension Application {
    private struct ExportRowsWithoutPurposeKey: StorageKey {
        typealias Value = Int
    }

    /// `PersonalDataExport.rowsWithoutPurpose`, lowered by tests that cannot register a thousand children.
    var exportRowsWithoutPurpose: Int {
        get { storage[ExportRowsWithoutPurposeKey.self] ?? PersonalDataExport.rowsWithoutPurpose }
        set { storage[ExportRowsWithoutPurposeKey.self] = newValue }
    }
}
