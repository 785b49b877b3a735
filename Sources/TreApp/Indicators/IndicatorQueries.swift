import Fluent
import Foundation
import SQLKit
import TreDomain
import Vapor

/// The shipped catalogue, read and checked once.
enum IndicatorCatalogueFile {
    private static let loaded = Result {
        try IndicatorCatalogue(
            json: try Data(contentsOf: URL(fileURLWithPath: ResourceDirectories.data + "indicators.json")))
    }

    /// Called by `configure`: a catalogue that is not valid stops start-up with the reason, in one line.
    static func check() throws {
        do {
            _ = try loaded.get()
        } catch let failure as IndicatorCatalogue.DefinitionError {
            throw ConfigurationFailure("Resources/Data/indicators.json: \(failure.message.en)")
        } catch {
            throw ConfigurationFailure("Resources/Data/indicators.json is not a valid catalogue: \(error)")
        }
    }

    /// The catalogue; `check()` has already refused to start without a valid one.
    static var shared: IndicatorCatalogue {
        (try? loaded.get()) ?? IndicatorCatalogue()
    }

    static func indicator(_ code: String) throws -> IndicatorDefinition {
        guard let found = shared.indicator(code) else {
            throw TreError(
                status: .notFound, code: "unknown_indicator",
                message: LocalizedText(vi: "Không có chỉ tiêu mã \(code).", en: "There is no indicator \(code)."))
        }
        return found
    }
}

/// A unit on the map as the indicator API names it: `VN`, a province's two-digit code or a commune's
/// five-digit code.
struct ConfigurationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum IndicatorUnit {
    static func code(_ unit: Jurisdiction) -> String {
        switch unit {
        case .nation: "VN"
        case .province(let code): String(format: "%02d", code)
        case .commune(_, let code): String(format: "%05d", code)
        }
    }

    /// The unit asked for (the caller's own jurisdiction when none is), refused outside it.
    static func resolve(_ text: String?, for principal: Principal, on database: any Database) async throws
        -> Jurisdiction
    {
        let own = principal.jurisdiction
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return own }
        let unknown = TreError.invalidInput(
            LocalizedText(
                vi: "Không có đơn vị mã \(text). Viết VN, mã tỉnh 2 chữ số hoặc mã xã 5 chữ số.",
                en: "There is no unit \(text). Write VN, a two-digit province code or a five-digit commune code."))
        let unit: Jurisdiction
        if text.uppercased() == "VN" {
            unit = .nation
        } else if let code = Int(text), text.count <= 2 {
            guard try await Province.query(on: database).filter(\.$code == code).first() != nil else { throw unknown }
            unit = .province(provinceCode: code)
        } else if let code = Int(text), text.count <= 5 {
            guard let commune = try await UnitQueries.commune(code: code, on: database) else { throw unknown }
            unit = .commune(provinceCode: commune.provinceCode, communeCode: code)
        } else {
            throw unknown
        }
        guard own.contains(unit) else {
            throw TreError(
                status: .forbidden, code: "outside_jurisdiction",
                message: LocalizedText(
                    vi: "Đơn vị \(text) nằm ngoài phạm vi của bạn.", en: "Unit \(text) is outside your jurisdiction."))
        }
        return unit
    }

    /// A period from the query, the current year when none is given.
    static func period(_ text: String?) throws -> IndicatorPeriod {
        guard let text, !text.isEmpty else {
            return IndicatorPeriod(kind: .year, year: VietnamDay.containing(Date()).year)
        }
        do {
            return try IndicatorPeriod(parsing: text)
        } catch {
            throw TreError(status: .badRequest, code: error.code, message: error.message)
        }
    }
}

/// Reads the stored figures: a unit's totals, its sub-units, a breakdown, a trend.
enum IndicatorQueries {
    /// PostgreSQL sums a bigint into a numeric; cast back so both databases answer an integer.
    private static let sumOfValues = SQLRaw("CAST(SUM(value) AS BIGINT)")

    private static func scoped(_ select: SQLSelectBuilder, _ unit: Jurisdiction) -> SQLSelectBuilder {
        switch unit {
        case .nation: select
        case .province(let code): select.where("province_code", .equal, code)
        case .commune(let province, let code):
            select.where("province_code", .equal, province).where("commune_code", .equal, code)
        }
    }

    /// Totals of several measures for a unit and periods: [measure: [period: value]].
    static func totals(
        _ measures: Set<IndicatorMeasure>, periods: [String], unit: Jurisdiction, on database: any Database
    ) async throws -> [IndicatorMeasure: [String: Int]] {
        guard let sql = database as? any SQLDatabase, !measures.isEmpty, !periods.isEmpty else { return [:] }
        let select = sql.select().column("measure").column("period")
            .column(Self.sumOfValues, as: "total")
            .from(IndicatorFactsTable.name)
            .where("measure", .in, measures.map(\.rawValue)).where("period", .in, periods)
            .where("dimension", .equal, "")
        var result: [IndicatorMeasure: [String: Int]] = [:]
        for row in try await scoped(select, unit).groupBy("measure").groupBy("period").all() {
            guard let measure = IndicatorMeasure(rawValue: try row.decode(column: "measure", as: String.self)) else {
                continue
            }
            result[measure, default: [:]][try row.decode(column: "period", as: String.self)] = try row.decode(
                column: "total", as: Int.self)
        }
        return result
    }

    /// A measure for each unit one level down (provinces of the nation, communes of a province):
    /// [unit code: value].
    static func bySubUnit(
        _ measure: IndicatorMeasure, period: String, unit: Jurisdiction, on database: any Database
    ) async throws -> [Int: Int] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        let key = unit == .nation ? "province_code" : "commune_code"
        let select = sql.select().column(key, as: "unit")
            .column(Self.sumOfValues, as: "total")
            .from(IndicatorFactsTable.name)
            .where("measure", .equal, measure.rawValue).where("period", .equal, period).where("dimension", .equal, "")
        var result: [Int: Int] = [:]
        for row in try await scoped(select, unit).groupBy(key).all() {
            result[try row.decode(column: "unit", as: Int.self)] = try row.decode(column: "total", as: Int.self)
        }
        return result
    }

    /// A measure broken down by one disaggregation: [category: value].
    static func byCategory(
        _ measure: IndicatorMeasure, period: String, dimension: Disaggregation, unit: Jurisdiction,
        on database: any Database
    ) async throws -> [String: Int] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        let select = sql.select().column("category")
            .column(Self.sumOfValues, as: "total")
            .from(IndicatorFactsTable.name)
            .where("measure", .equal, measure.rawValue).where("period", .equal, period)
            .where("dimension", .equal, dimension.rawValue)
        var result: [String: Int] = [:]
        for row in try await scoped(select, unit).groupBy("category").all() {
            result[try row.decode(column: "category", as: String.self)] = try row.decode(column: "total", as: Int.self)
        }
        return result
    }

    /// The target for an indicator, unit and year, if one is set.
    static func target(_ code: String, unit: Jurisdiction, year: Int, on database: any Database) async throws -> Double?
    {
        try await IndicatorTargetRecord.query(on: database).filter(\.$indicatorCode == code)
            .filter(\.$unit == IndicatorUnit.code(unit)).filter(\.$year == year).first()?.target
    }

    static func targets(unit: Jurisdiction, year: Int, on database: any Database) async throws -> [String: Double] {
        var result: [String: Double] = [:]
        for target in try await IndicatorTargetRecord.query(on: database).filter(\.$unit == IndicatorUnit.code(unit))
            .filter(\.$year == year).all()
        {
            result[target.indicatorCode] = target.target
        }
        return result
    }
}
