import Fluent
import Foundation
import SQLKit
import TreDomain
import Vapor

/// Recomputes the stored figures of every measure, commune and period of the open years from the
/// records, in one transaction, so a dashboard reads a few index rows instead of scanning a million
/// children. Periods whose commune report was approved keep the figures they were approved with.
///
/// It runs every few minutes on the node that holds the lease, after `tre demo`, and when an
/// administrator asks; each run records when it finished, which the dashboards show.
enum IndicatorRefresh {
    struct Outcome: Sendable {
        /// Figures computed, and how many of them were written (new, changed or gone since the last run).
        var facts: Int
        var written: Int
        var milliseconds: Int
        /// Figures of rows whose place or category no reference data knows: left out and reported, never fatal.
        var skipped: Int = 0
    }

    /// The years kept fresh: the current one, and the previous one until the end of March (late entries).
    static func openYears(today: CivilDate) -> ClosedRange<Int> {
        (today.month <= 3 ? today.year - 1 : today.year)...today.year
    }

    /// Runs unless another node holds the lease; nil when it did not run.
    @discardableResult
    static func runIfDue(now: Date = Date(), on database: any Database) async throws -> Outcome? {
        guard let sql = database as? any SQLDatabase else { return nil }
        let claimed = try await sql.update(IndicatorRefreshState.schema)
            .set("lease_until", to: now.addingTimeInterval(15 * 60))
            .where("id", .equal, 1).where("lease_until", .lessThan, now)
            .returning("id").all()
        guard claimed.count == 1 else { return nil }
        let outcome = try await run(now: now, on: database)
        try await sql.update(IndicatorRefreshState.schema).set("lease_until", to: Date(timeIntervalSince1970: 0))
            .where("id", .equal, 1).run()
        return outcome
    }

    @discardableResult
    static func run(now: Date = Date(), on database: any Database) async throws -> Outcome {
        let sql = try database.sql()
        let started = ContinuousClock.now
        let today = VietnamDay.containing(now)
        let years = openYears(today: today)
        let periods = IndicatorTally.window(years: years, today: today)
        let windowStart = VietnamDay.start(of: CivilDate(years.lowerBound, 1, 1))
        let box = TallyBox(IndicatorTally(periods: periods, today: today))

        try await IndicatorSources.populations(years: years, into: box, on: sql)
        try await IndicatorSources.specialCircumstances(from: windowStart, into: box, on: sql)
        try await IndicatorSources.abusedChildren(from: windowStart, into: box, on: sql)
        try await IndicatorSources.cases(
            from: windowStart, now: now, clock: try await DayOff.clock(on: database), into: box, on: sql)
        try await IndicatorSources.hotline(from: windowStart, into: box, on: sql)
        try await IndicatorSources.injuries(from: windowStart, into: box, on: sql)
        try await IndicatorSources.childFriendlyCommunes(into: box, on: sql)
        try await IndicatorSources.communeWork(from: windowStart, years: years, into: box, on: sql)
        try await IndicatorSources.dataQuality(now: now, today: today, into: box, on: database)

        let periodNames = periods.map(\.description)
        let written = try await database.writeTransaction { database -> Int in
            guard let sql = database as? any SQLDatabase else { return 0 }
            // Two refreshes at once (an administrator's and the periodic one) take turns here: the second
            // waits for the first to commit, then compares with what it wrote instead of adding to it.
            try await sql.update(IndicatorRefreshState.schema).set("fact_count", to: SQLColumn("fact_count"))
                .where("id", .equal, 1).run()
            let locked = try await sql.select().column("commune_code").column("period").from(IndicatorFactsTable.locks)
                .where("period", .in, periodNames).all()
            var lockedKeys = Set<String>()
            for row in locked {
                lockedKeys.insert(
                    "\(try row.decode(column: "commune_code", as: Int.self))|\(try row.decode(column: "period", as: String.self))"
                )
            }
            // Only what changed is written: from one refresh to the next that is a few hundred figures
            // of 1.25 million, so SQLite's write lock is held for seconds, not for rewriting them all.
            let stored = sql.select()
                .columns("measure", "period", "province_code", "commune_code", "dimension", "category", "value")
                .from(IndicatorFactsTable.name).where("period", .in, periodNames)
            try await sql.streamRows(stored.select) { row in
                guard let fact = try? StoredIndicatorFact(row) else { return }
                box.tally.compare(fact)
            }
            let changes = box.tally.changes()
            func open(_ place: IndicatorPlace, _ period: String) -> Bool {
                !lockedKeys.contains("\(place.communeCode)|\(period)")
            }
            for fact in changes.deletes where open(fact.place, fact.period) {
                try await sql.delete(from: IndicatorFactsTable.name).where(StoredIndicatorFact.matching(fact)).run()
            }
            for fact in changes.updates where open(fact.place, fact.period) {
                try await sql.update(IndicatorFactsTable.name).set("value", to: fact.value)
                    .where(StoredIndicatorFact.matching(fact)).run()
            }
            var batch: [IndicatorFact] = []
            func flush() async throws {
                guard !batch.isEmpty else { return }
                let insert = sql.insert(into: IndicatorFactsTable.name)
                    .columns("measure", "period", "province_code", "commune_code", "dimension", "category", "value")
                for fact in batch {
                    insert.values(
                        fact.measure.rawValue, fact.period, fact.place.provinceCode, fact.place.communeCode,
                        fact.dimension, fact.category, fact.value)
                }
                try await insert.run()
                batch.removeAll(keepingCapacity: true)
            }
            for fact in changes.inserts where open(fact.place, fact.period) {
                batch.append(fact)
                if batch.count == 1000 { try await flush() }
            }
            try await flush()
            let milliseconds = (ContinuousClock.now - started).milliseconds
            try await sql.update(IndicatorRefreshState.schema).set("refreshed_at", to: now)
                .set("duration_ms", to: milliseconds).set("fact_count", to: box.tally.count)
                .where("id", .equal, 1).run()
            return changes.count
        }
        try await database.treDialect.settleAfterBulkWrite(table: IndicatorFactsTable.name, on: sql)
        return Outcome(
            facts: box.tally.count, written: written, milliseconds: (ContinuousClock.now - started).milliseconds,
            skipped: box.tally.skipped)
    }

    /// When the figures were last computed.
    static func state(on database: any Database) async throws -> IndicatorRefreshState? {
        try await IndicatorRefreshState.find(1, on: database)
    }
}

extension StoredIndicatorFact {
    init(_ row: any SQLRow) throws {
        self.init(
            measure: try row.decode(column: "measure", as: String.self),
            period: try row.decode(column: "period", as: String.self),
            place: IndicatorPlace(
                provinceCode: try row.decode(column: "province_code", as: Int.self),
                communeCode: try row.decode(column: "commune_code", as: Int.self)),
            dimension: try row.decode(column: "dimension", as: String.self),
            category: try row.decode(column: "category", as: String.self),
            value: try row.decode(column: "value", as: Int.self))
    }

    /// The stored row of this figure, by every column but its value.
    static func matching(_ fact: StoredIndicatorFact) -> any SQLExpression {
        let parts: [(String, any Encodable & Sendable)] = [
            ("measure", fact.measure), ("period", fact.period), ("province_code", fact.place.provinceCode),
            ("commune_code", fact.place.communeCode), ("dimension", fact.dimension), ("category", fact.category),
        ]
        let conditions = parts.map { SQLBinaryExpression(SQLColumn($0.0), .equal, SQLBind($0.1)) }
        return conditions.dropFirst().reduce(conditions[0] as any SQLExpression) { SQLBinaryExpression($0, .and, $1) }
    }
}

/// Rows stream in one at a time from the database driver; the tally they feed lives here.
final class TallyBox: @unchecked Sendable {
    var tally: IndicatorTally
    init(_ tally: IndicatorTally) { self.tally = tally }
}

extension Duration {
    var milliseconds: Int { Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000) }
}
