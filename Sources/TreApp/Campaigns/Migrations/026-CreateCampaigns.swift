import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateCampaigns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CampaignRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            // 32-bit so that PostgreSQL sums them as bigint (a sum of bigints is numeric, which does not
            // decode into Int); a campaign's budget is capped at 2 billion đồng.
            .field("children", .int32, .required)
            .field("adults", .int32, .required)
            .field("budget", .int32, .required)
            .field("report_due", .string)
            .field("report_submitted_on", .string)
            .field("recorded_by", .uuid)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.createIndex(
                "campaigns_commune_idx", on: CampaignRecord.schema, columns: ["commune_code", "start_date"])
            try await sql.createIndex(
                "campaigns_province_idx", on: CampaignRecord.schema, columns: ["province_code", "start_date"])
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CampaignRecord.schema).delete()
    }
}
