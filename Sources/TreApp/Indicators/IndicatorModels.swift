import CSV
import Fluent
import Foundation
import SQLKit
import TreDomain

/// The figures behind every dashboard: one row per measure, period, commune and breakdown category,
/// written by `IndicatorRefresh` (no Fluent model: it is only ever read and written in bulk by SQL).
enum IndicatorFactsTable {
    static let name = "indicator_facts"
    static let locks = "indicator_locks"
}

/// The children living in a commune in a year, as the commune enters it: the denominator of rates
/// per child.
final class CommunePopulation: Model, @unchecked Sendable {
    static let schema = "commune_populations"

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "year") var year: Int
    @Field(key: "children") var children: Int
    @Field(key: "entered_by") var enteredBy: UUID
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A target for an indicator, unit ("VN", a province's or a commune's code) and year.
final class IndicatorTargetRecord: Model, @unchecked Sendable {
    static let schema = "indicator_targets"

    @ID(key: .id) var id: UUID?
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "unit") var unit: String
    @Field(key: "year") var year: Int
    @Field(key: "target") var target: Double
    @Field(key: "source") var source: String

    init() {}
}

/// A commune's periodic report for one period, and where it stands with the province.
final class PeriodicReportRecord: Model, @unchecked Sendable {
    static let schema = "periodic_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "period") var period: String
    @Field(key: "status") var status: String
    @Field(key: "comment") var comment: String
    @Field(key: "submitted_by") var submittedBy: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Field(key: "decided_by") var decidedBy: String
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}
}

/// When the figures were last computed, and a lease so that one node of several computes them.
final class IndicatorRefreshState: Model, @unchecked Sendable {
    static let schema = "indicator_refresh_state"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @OptionalField(key: "refreshed_at") var refreshedAt: Date?
    @Field(key: "duration_ms") var durationMilliseconds: Int
    @Field(key: "fact_count") var factCount: Int
    @Field(key: "lease_until") var leaseUntil: Date

    init() {}
}

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
