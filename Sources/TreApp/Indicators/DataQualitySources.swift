import Fluent
import Foundation
import SQLKit
import TreDomain

extension IndicatorSources {
    /// Children under 16 in the register, those whose record is complete for the population database, those
    /// with each problem and those not updated for a year, per commune, as they stand now: counted for the
    /// current year only (a record's past completeness is not kept). One grouped pass
    /// (`DataQualityQueries.communeFigures`, the rules `DataQualitySQL`'s).
    static func dataQuality(now: Date, today: CivilDate, into box: TallyBox, on database: any Database) async throws {
        let figures = try await DataQualityQueries.communeFigures(
            in: nil, now: now, today: (today.year, today.month, today.day), on: database)
        let period = IndicatorPeriod(kind: .year, year: today.year)
        for (place, counts) in figures {
            box.tally.add(.childrenRegistered, place, period: period, value: counts.children)
            box.tally.add(.childrenRecordsComplete, place, period: period, value: counts.children - counts.onWorklist)
            box.tally.add(.recordsStale, place, period: period, value: counts.stale)
            for problem in DataQualityProblem.allCases {
                box.tally.add(.records(with: problem), place, period: period, value: counts.problems[problem] ?? 0)
            }
        }
    }
}
