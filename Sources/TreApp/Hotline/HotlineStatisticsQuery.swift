import Fluent
import Foundation
import SQLKit
import TreDomain

/// The figures of a period, counted by the database in one grouped scan of the period's contacts.
enum HotlineStatisticsQuery {
    fileprivate struct Row: Decodable, Sendable {
        var channel: String
        var outcome: String?
        var primaryTopic: String?
        var childSex: String?
        var childAgeBand: String?
        var provinceCode: Int?
        var total: Int

        enum CodingKeys: String, CodingKey {
            case channel, outcome, total
            case provinceCode = "province_code"
            case primaryTopic = "primary_topic"
            case childSex = "child_sex"
            case childAgeBand = "child_age_band"
        }
    }

    static func figures(for period: StatisticsPeriod, provinceCode: Int?, on database: any Database) async throws
        -> HotlineStatistics
    {
        let (rows, forms) = try await rows(for: period, provinceCode: provinceCode, byProvince: false, on: database)
        return statistics(rows, forms)
    }

    /// A period's contacts counted by province, kept so that periods add up without being read again
    /// (contacts are events: a year's are its quarters').
    struct ContactCounts: Sendable {
        fileprivate var rows: [Row]
        fileprivate var forms: [String: String]

        static let none = ContactCounts(rows: [], forms: [:])

        static func + (left: ContactCounts, right: ContactCounts) -> ContactCounts {
            ContactCounts(rows: left.rows + right.rows, forms: left.forms.merging(right.forms) { first, _ in first })
        }

        /// The country's figures and each province's (contacts placed in no province under 0), to hide
        /// what the country's figures minus the provinces' would give away.
        var snapshot: HotlineSnapshot {
            HotlineSnapshot(
                nation: HotlineStatisticsQuery.statistics(rows, forms),
                provinces: Dictionary(grouping: rows) { $0.provinceCode ?? 0 }.mapValues {
                    HotlineStatisticsQuery.statistics($0, forms)
                })
        }
    }

    static func counts(for period: StatisticsPeriod, on database: any Database) async throws -> ContactCounts {
        let (rows, forms) = try await rows(for: period, provinceCode: nil, byProvince: true, on: database)
        return ContactCounts(rows: rows, forms: forms)
    }

    fileprivate static func statistics(_ rows: [Row], _ forms: [String: String]) -> HotlineStatistics {
        HotlineStatistics(
            groups: rows.map {
                .init(
                    channel: $0.channel, outcome: $0.outcome, primaryTopic: $0.primaryTopic, childSex: $0.childSex,
                    childAgeBand: $0.childAgeBand, count: $0.total)
            }, abuseForms: forms)
    }

    private static func rows(
        for period: StatisticsPeriod, provinceCode: Int?, byProvince: Bool, on database: any Database
    ) async throws -> ([Row], [String: String]) {
        guard let sql = database as? any SQLDatabase else { return ([], [:]) }
        let columns =
            ["channel", "outcome", "primary_topic", "child_sex", "child_age_band"]
            + (byProvince ? ["province_code"] : [])
        let query = sql.select()
        for column in columns { query.column(column) }
        query.column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(HotlineContact.schema)
            .where("started_at", .greaterThanOrEqual, VietnamDay.start(of: period.start))
            .where("started_at", .lessThan, VietnamDay.start(of: period.end))
        if let provinceCode { query.where("province_code", .equal, provinceCode) }
        for column in columns { query.groupBy(column) }
        let rows = try await query.all(decoding: Row.self)
        let forms = try await ContactTopicRecord.query(on: database).all().reduce(into: [String: String]()) {
            if let form = $1.abuseForm { $0[$1.code] = form }
        }
        return (rows, forms)
    }
}
