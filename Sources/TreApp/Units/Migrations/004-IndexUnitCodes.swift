import Fluent
import Foundation
import SQLKit
import TreDomain

/// Unit look-ups are by code among the units in force, so every query filters on an open validity.
struct IndexUnitCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "communes_province_code_idx").on(Commune.schema).column("province_code").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "communes_province_code_idx").run()
    }
}
