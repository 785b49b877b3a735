import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateInspections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InspectionRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("date", .string, .required)
            .field("place_kind", .string, .required)
            .field("place_name", .string, .required)
            .field("place_name_folded", .string, .required)
            .field("findings", .string, .required)
            .field("violations", .int, .required)
            .field("children_found", .int, .required)
            .field("follow_up", .string, .required)
            .field("follow_up_due", .string)
            .field("follow_up_done_on", .string)
            .field("recorded_by", .uuid)
            .field("created_at", .datetime)
            .create()
        try await database.schema(InspectionChildRecord.schema)
            .id()
            .field("inspection_id", .uuid, .required, .references(InspectionRecord.schema, "id"))
            .field("child_id", .uuid, .required, .references(Child.schema, "id"))
            .field("created_at", .datetime)
            .unique(on: "inspection_id", "child_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.createIndex(
                "inspections_commune_idx", on: InspectionRecord.schema, columns: ["commune_code", "date"])
            try await sql.createIndex(
                "inspections_province_idx", on: InspectionRecord.schema, columns: ["province_code", "date"])
            try await sql.createIndex("inspections_date_idx", on: InspectionRecord.schema, columns: ["date"])
            try await sql.createIndex(
                "inspection_children_child_idx", on: InspectionChildRecord.schema, columns: ["child_id"])
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InspectionChildRecord.schema).delete()
        try await database.schema(InspectionRecord.schema).delete()
    }
}
