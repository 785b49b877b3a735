import CSV
import Fluent
import Foundation

/// The data-quality indicator's (TR24) national targets, from the shipped targets file, for a database whose
/// targets were seeded before the indicator existed (a new database already has them from `CreateIndicators`).
struct SeedDataQualityTargets: AsyncMigration {
    static let indicator = "TR24"

    func prepare(on database: any Database) async throws {
        let seeded = try await IndicatorTargetRecord.query(on: database)
            .filter(\.$indicatorCode == Self.indicator).count()
        guard seeded == 0 else { return }
        let reader = try CSVReader(
            string: try String(contentsOfFile: ResourceDirectories.data + "indicator-targets.csv", encoding: .utf8),
            hasHeaderRow: true)
        while let row = reader.next() {
            guard row.count >= 5, row[0] == Self.indicator, let year = Int(row[2]), let value = Double(row[3]) else {
                continue
            }
            let target = IndicatorTargetRecord()
            target.indicatorCode = row[0]
            target.unit = row[1] == "0" ? "VN" : row[1]
            target.year = year
            target.target = value
            target.source = row[4]
            try await target.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await IndicatorTargetRecord.query(on: database).filter(\.$indicatorCode == Self.indicator)
            .filter(\.$unit == "VN").delete()
    }
}
