import Fluent
import Foundation
import SQLKit
import TreDomain

/// Re-check rounds (phúc tra) and their sampled records.
struct CreateRecheckRounds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RecheckRoundRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("drawn_on", .string, .required)
            .field("drawn_by", .uuid)
            .field("drawn_by_name", .string, .required)
            .field("seed", .string, .required)
            .field("size", .int, .required)
            .field("candidates", .int, .required)
            .field("status", .string, .required)
            .field("fields_checked", .int, .required)
            .field("fields_differing", .int, .required)
            .field("records_checked", .int, .required)
            .field("records_differing", .int, .required)
            .field("closed_on", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(RecheckItemRecord.schema)
            .id()
            .field("round_id", .uuid, .required, .references(RecheckRoundRecord.schema, "id"))
            .field("child_id", .uuid, .required, .references(Child.schema, "id"))
            .field("position", .int, .required)
            .field("findings", .string, .required)
            .field("checked_on", .string)
            .field("checked_by", .uuid)
            .unique(on: "round_id", "child_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.createIndex(
                "recheck_rounds_commune_idx", on: RecheckRoundRecord.schema, columns: ["commune_code", "drawn_on"])
            try await sql.createIndex(
                "recheck_rounds_province_idx", on: RecheckRoundRecord.schema, columns: ["province_code", "drawn_on"])
            try await sql.createIndex("recheck_rounds_drawn_idx", on: RecheckRoundRecord.schema, columns: ["drawn_on"])
            try await sql.createIndex("recheck_items_child_idx", on: RecheckItemRecord.schema, columns: ["child_id"])
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecheckItemRecord.schema).delete()
        try await database.schema(RecheckRoundRecord.schema).delete()
    }
}
