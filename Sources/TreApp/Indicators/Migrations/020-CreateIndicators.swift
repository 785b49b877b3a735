import CSV
import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorFactsTable.name)
            .field("measure", .string, .required)
            .field("period", .string, .required)
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("dimension", .string, .required)
            .field("category", .string, .required)
            .field("value", .int64, .required)
            .create()
        try await database.schema(IndicatorFactsTable.locks)
            .field("commune_code", .int, .required)
            .field("period", .string, .required)
            .unique(on: "commune_code", "period")
            .create()
        try await database.schema(CommunePopulation.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("year", .int, .required)
            .field("children", .int, .required)
            .field("entered_by", .uuid, .required)
            .field("updated_at", .datetime)
            .unique(on: "commune_code", "year")
            .create()
        try await database.schema(IndicatorTargetRecord.schema)
            .id()
            .field("indicator_code", .string, .required)
            .field("unit", .string, .required)
            .field("year", .int, .required)
            .field("target", .double, .required)
            .field("source", .string, .required)
            .unique(on: "indicator_code", "unit", "year")
            .create()
        try await database.schema(PeriodicReportRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("period", .string, .required)
            .field("status", .string, .required)
            .field("comment", .string, .required)
            .field("submitted_by", .string, .required)
            .field("submitted_at", .datetime)
            .field("decided_by", .string, .required)
            .field("decided_at", .datetime)
            .unique(on: "commune_code", "period")
            .create()
        try await database.schema(IndicatorRefreshState.schema)
            .field("id", .int, .identifier(auto: false))
            .field("refreshed_at", .datetime)
            .field("duration_ms", .int, .required)
            .field("fact_count", .int, .required)
            .field("lease_until", .datetime, .required)
            .create()
        let state = IndicatorRefreshState()
        state.id = 1
        state.durationMilliseconds = 0
        state.factCount = 0
        state.leaseUntil = Date(timeIntervalSince1970: 0)
        try await state.create(on: database)
        if let sql = database as? any SQLDatabase {
            // Every dashboard read is one range of this index; `value` at the end lets it answer alone.
            try await sql.create(index: "indicator_facts_lookup_idx").on(IndicatorFactsTable.name)
                .column("measure").column("period").column("dimension").column("province_code")
                .column("commune_code").column("category").column("value").run()
            try await sql.create(index: "periodic_reports_province_idx").on(PeriodicReportRecord.schema)
                .column("province_code").column("status").run()
        }
        try await seedTargets(on: database)
    }

    /// The national targets DOMAIN.md knows, from the shipped file.
    private func seedTargets(on database: any Database) async throws {
        let reader = try CSVReader(
            string: try String(contentsOfFile: ResourceDirectories.data + "indicator-targets.csv", encoding: .utf8),
            hasHeaderRow: true)
        while let row = reader.next() {
            let target = IndicatorTargetRecord()
            target.indicatorCode = row[0]
            target.unit = row[1] == "0" ? "VN" : row[1]
            target.year = Int(row[2]) ?? 0
            target.target = Double(row[3]) ?? 0
            target.source = row[4]
            try await target.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            IndicatorRefreshState.schema, PeriodicReportRecord.schema, IndicatorTargetRecord.schema,
            CommunePopulation.schema, IndicatorFactsTable.locks, IndicatorFactsTable.name,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
