import Fluent
import Foundation
import SQLKit
import TreDomain

/// Whether the reporter agreed to be contacted by the commune (issue 14): reports received before it have no
/// answer, which counts as no.
struct AddReporterConsent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AbuseReport.schema).field("reporter_agrees_to_contact", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AbuseReport.schema).deleteField("reporter_agrees_to_contact").update()
    }
}
