import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateSafetyCounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SafetyCountsRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("year", .int, .required)
            .field("homes_assessed", .int, .required)
            .field("safe_homes", .int, .required)
            .field("schools", .int, .required)
            .field("safe_schools", .int, .required)
            .field("communities", .int, .required)
            .field("safe_communities", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "commune_code", "year")
            .create()
        try await database.schema(SafeHomeCheckRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("year", .int, .required)
            .field("household", .string, .required)
            .field("criteria_met", .int, .required)
            .field("mandatory_met", .int, .required)
            .field("injury_at_home", .bool, .required)
            .field("safe", .bool, .required)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.createIndex(
                "safe_home_checks_commune_idx", on: SafeHomeCheckRecord.schema, columns: ["commune_code", "year"])
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SafeHomeCheckRecord.schema).delete()
        try await database.schema(SafetyCountsRecord.schema).delete()
    }
}
