import Foundation
import SQLKit
import TreDomain

extension IndicatorSources {
    /// Children under 16 in the register and those whose record is complete for the population database,
    /// per commune, as they stand now: counted for the current year only (a record's past completeness is
    /// not kept). One grouped pass; the rules are `DataQualitySQL`'s.
    static func dataQuality(today: CivilDate, into box: TallyBox, on sql: any SQLDatabase) async throws {
        let adulthood = String(
            format: "%04d-%02d-%02d", today.year - ChildAge.adulthood, today.month, today.day)
        let period = IndicatorPeriod(kind: .year, year: today.year)
        let rows = try await sql.select().column("province_code").column("commune_code")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "children")
            .column(SQLQueryString("SUM(CASE WHEN \(DataQualitySQL.anyProblem()) THEN 0 ELSE 1 END)"), as: "complete")
            .from(Child.schema)
            .where(SQLColumn("merged_into", table: Child.schema), .is, SQLLiteral.null)
            .where(SQLColumn("birth_date_for_age", table: Child.schema), .greaterThan, SQLBind(adulthood))
            .groupBy("province_code").groupBy("commune_code").all()
        for row in rows {
            let place = IndicatorPlace(
                provinceCode: try row.decode(column: "province_code", as: Int.self),
                communeCode: try row.decode(column: "commune_code", as: Int.self))
            box.tally.add(
                .childrenRegistered, place, period: period, value: try row.decode(column: "children", as: Int.self))
            box.tally.add(
                .childrenRecordsComplete, place, period: period,
                value: try row.decode(column: "complete", as: Int?.self) ?? 0)
        }
    }
}
