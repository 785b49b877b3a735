import Fluent
import Foundation
import SQLKit
import TreDomain

/// The writes of indicators: a commune's child population and periodic report, the province's decision on a
/// report (which locks or unlocks its figures), and a unit's targets. Each is validated through the domain and
/// written with its audit entry in one transaction.
struct PeriodicReportService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    /// The commune submits its report for a period ("2026-Q1").
    @discardableResult
    func submit(period text: String) async throws -> PeriodicReportRecord {
        guard case .commune(let province, let commune) = principal.jurisdiction else { throw TreError.forbidden }
        let period = try Self.period(text)
        let principal = principal
        let actor = actor
        return try await database.writeTransaction { database in
            let existing = try await PeriodicReportRecord.query(on: database).filter(\.$communeCode == commune)
                .filter(\.$period == period.description).first()
            let next = try PeriodicReportRules.next(
                after: existing.flatMap { PeriodicReportStatus(rawValue: $0.status) }, .submit, byProvince: false,
                comment: "")
            let record = existing ?? PeriodicReportRecord()
            record.provinceCode = province
            record.communeCode = commune
            record.period = period.description
            record.status = next.rawValue
            record.comment = existing?.comment ?? ""
            record.submittedBy = principal.fullName
            record.submittedAt = Date()
            record.decidedBy = existing?.decidedBy ?? ""
            try await record.save(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "indicators.report_submitted", recordType: "periodic_report",
                    recordID: record.id?.uuidString, jurisdiction: principal.jurisdiction, details: "period=\(period)"),
                by: actor, on: database)
            return record
        }
    }

    /// The province approves a submitted report (locking the figures of its period and the periods inside it),
    /// returns it with a reason, or reopens an approved one with a reason (unlocking them). A report outside the
    /// reader's jurisdiction is not found.
    @discardableResult
    func decide(_ id: UUID, _ action: PeriodicReportAction, comment text: String) async throws
        -> PeriodicReportStatus
    {
        guard
            let record = try await PeriodicReportRecord.query(on: database).filter(\.$id == id)
                .within(principal.jurisdiction, province: \.$provinceCode, commune: \.$communeCode).first()
        else { throw TreError.notFound }
        let comment = VietnameseText.normalized(text)
        let next = try PeriodicReportRules.next(
            after: PeriodicReportStatus(rawValue: record.status), action,
            byProvince: principal.jurisdiction.level == .province, comment: comment)
        let period = try Self.period(record.period)
        let principal = principal
        let actor = actor
        try await database.writeTransaction { database in
            record.status = next.rawValue
            record.comment = comment
            record.decidedBy = principal.fullName
            record.decidedAt = Date()
            try await record.save(on: database)
            try await IndicatorLocks.set(
                communeCode: record.communeCode, periods: period.lockedPeriods, locked: next == .approved,
                on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "indicators.report_\(next.rawValue)", recordType: "periodic_report",
                    recordID: record.id?.uuidString,
                    jurisdiction: .commune(provinceCode: record.provinceCode, communeCode: record.communeCode),
                    details: "period=\(period) comment=\(comment)"),
                by: actor, on: database)
        }
        return next
    }

    /// The commune enters how many children live there in a year: the denominator of rates per child. A year
    /// whose report was approved is locked.
    @discardableResult
    func savePopulation(year yearText: String, children childrenText: String) async throws -> CommunePopulation {
        guard case .commune(let province, let commune) = principal.jurisdiction else { throw TreError.forbidden }
        guard let year = Int(yearText), (2000...2100).contains(year),
            let children = Int(
                childrenText.replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces)),
            children >= 0
        else { throw TreError.invalidInput(Self.words("populationNotANumber")) }
        let principal = principal
        let actor = actor
        return try await database.writeTransaction { database in
            try await IndicatorLocks.ensureOpen(
                communeCode: commune, period: IndicatorPeriod(kind: .year, year: year), on: database)
            let record =
                try await CommunePopulation.query(on: database).filter(\.$communeCode == commune)
                .filter(\.$year == year).first() ?? CommunePopulation()
            let before = record.id == nil ? "none" : String(record.children)
            record.provinceCode = province
            record.communeCode = commune
            record.year = year
            record.children = children
            record.enteredBy = principal.userID
            try await record.save(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "indicators.population_saved", recordType: "commune_population",
                    recordID: record.id?.uuidString, jurisdiction: principal.jurisdiction,
                    details: "year=\(year) children=\(before)->\(children)"),
                by: actor, on: database)
            return record
        }
    }

    /// Sets (or, with an empty value, clears) the reader's unit's target for an indicator and year; returns
    /// the year.
    @discardableResult
    func saveTarget(indicator code: String, year yearText: String, target text: String) async throws -> Int {
        let definition = try IndicatorCatalogueFile.indicator(code)
        guard let year = Int(yearText), (2000...2100).contains(year) else {
            throw TreError.invalidInput(Self.words("targetYearInvalid"))
        }
        let value: Double?
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            value = nil
        } else {
            guard let parsed = IndicatorTarget.parse(text), definition.factor != .percent || parsed <= 100 else {
                let message = Self.words("targetNotANumber")
                func filled(_ words: String) -> String {
                    words.replacingOccurrences(of: "{value}", with: text)
                        .replacingOccurrences(of: "{code}", with: definition.code)
                }
                throw TreError.invalidInput(LocalizedText(vi: filled(message.vi), en: filled(message.en)))
            }
            value = parsed
        }
        let unit = IndicatorUnit.code(principal.jurisdiction)
        let principal = principal
        let actor = actor
        try await database.writeTransaction { database in
            let existing = try await IndicatorTargetRecord.query(on: database)
                .filter(\.$indicatorCode == definition.code).filter(\.$unit == unit).filter(\.$year == year).first()
            if let value {
                let record = existing ?? IndicatorTargetRecord()
                record.indicatorCode = definition.code
                record.unit = unit
                record.year = year
                record.target = value
                record.source = principal.fullName
                try await record.save(on: database)
            } else {
                try await existing?.delete(on: database)
            }
            try await AuditLog.record(
                AuditEvent(
                    action: "indicators.target_set", recordType: "indicator_target", recordID: definition.code,
                    jurisdiction: principal.jurisdiction, details: "year=\(year) target=\(text)"),
                by: actor, on: database)
        }
        return year
    }

    /// Recomputes the stored figures now (on `background`, the database long jobs use) and records who asked.
    @discardableResult
    func refresh(on background: any Database) async throws -> IndicatorRefresh.Outcome {
        let outcome = try await IndicatorRefresh.run(on: background)
        try await AuditLog.record(
            AuditEvent(
                action: "indicators.refreshed", recordType: "indicator", jurisdiction: .nation,
                details: "facts=\(outcome.facts) ms=\(outcome.milliseconds) skipped=\(outcome.skipped)"),
            by: actor, on: database)
        return outcome
    }

    private static func period(_ text: String) throws -> IndicatorPeriod {
        do {
            return try IndicatorPeriod(parsing: text)
        } catch {
            throw TreError(status: .badRequest, code: error.code, message: error.message)
        }
    }

    private static func words(_ key: String) -> LocalizedText {
        UIStrings.all[key] ?? LocalizedText(vi: key, en: key)
    }
}

/// Approved periods are locked: an edit that would change their figures is refused with the reason. The locks
/// live in SQL; on a database that is not SQL the check cannot be made, so it refuses rather than lets the
/// edit through.
enum IndicatorLocks {

    static func ensureOpen(communeCode: Int, period: IndicatorPeriod, on database: any Database) async throws {
        let sql = try database.sql()
        let found = try await sql.select().column("period").from(IndicatorFactsTable.locks)
            .where("commune_code", .equal, communeCode).where("period", .equal, period.description).limit(1).all()
        if !found.isEmpty { throw PeriodicReportRules.lockedRefusal(period: period) }
    }

    /// The locked period a day's record would change, if any: the first approved month holding it.
    static func ensureOpen(communeCode: Int, day: CivilDate, on database: any Database) async throws {
        try await ensureOpen(
            communeCode: communeCode, period: IndicatorPeriod(kind: .month, year: day.year, index: day.month),
            on: database)
    }

    /// Locks (or unlocks) a commune's periods, as its report is approved (or returned, reopened).
    static func set(communeCode: Int, periods: [IndicatorPeriod], locked: Bool, on database: any Database)
        async throws
    {
        let sql = try database.sql()
        let names = periods.map(\.description)
        try await sql.delete(from: IndicatorFactsTable.locks).where("commune_code", .equal, communeCode)
            .where("period", .in, names).run()
        guard locked else { return }
        let insert = sql.insert(into: IndicatorFactsTable.locks).columns("commune_code", "period")
        for name in names { insert.values(communeCode, name) }
        try await insert.run()
    }
}
