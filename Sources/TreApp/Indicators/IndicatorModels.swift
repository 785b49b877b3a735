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
