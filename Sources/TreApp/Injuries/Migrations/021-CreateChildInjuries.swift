import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateChildInjuries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ChildInjuryRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("date", .string, .required)
            .field("cause", .string, .required)
            .field("place", .string, .required)
            .field("outcome", .string, .required)
            .field("child_id", .uuid, .references(Child.schema, "id"))
            .field("sex", .string)
            .field("age_years", .int)
            .field("description", .string, .required)
            .field("recorded_by", .uuid)
            .field("created_at", .datetime)
            .create()
        // A commune's or province's list, newest first, and the indicator refresh's read of a window.
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "child_injuries_commune_idx").on(ChildInjuryRecord.schema)
                .column("commune_code").column("date").run()
            try await sql.create(index: "child_injuries_province_idx").on(ChildInjuryRecord.schema)
                .column("province_code").column("date").run()
            try await sql.create(index: "child_injuries_date_idx").on(ChildInjuryRecord.schema).column("date").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChildInjuryRecord.schema).delete()
    }
}
