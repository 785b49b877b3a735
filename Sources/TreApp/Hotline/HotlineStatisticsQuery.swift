import Fluent
import Foundation
import SQLKit
import TreDomain

/// The figures of a period, counted by the database in one grouped scan of the period's contacts.
enum HotlineStatisticsQuery {
    private struct Row: Decodable {
        var channel: String
        var outcome: String?
        var primaryTopic: String?
        var childSex: String?
        var childAgeBand: String?
        var total: Int

        enum CodingKeys: String, CodingKey {
            case channel, outcome, total
            case primaryTopic = "primary_topic"
            case childSex = "child_sex"
            case childAgeBand = "child_age_band"
        }
    }

    static func figures(for period: StatisticsPeriod, provinceCode: Int?, on database: any Database) async throws
        -> HotlineStatistics
    {
        guard let sql = database as? any SQLDatabase else { return HotlineStatistics(groups: [], abuseForms: [:]) }
        let columns = ["channel", "outcome", "primary_topic", "child_sex", "child_age_band"]
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
        return HotlineStatistics(
            groups: rows.map {
                .init(
                    channel: $0.channel, outcome: $0.outcome, primaryTopic: $0.primaryTopic, childSex: $0.childSex,
                    childAgeBand: $0.childAgeBand, count: $0.total)
            }, abuseForms: forms)
    }
}
