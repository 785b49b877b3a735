import Fluent
import Foundation
import SQLKit
import TreDomain

/// Loads the map in force since 1 July 2025 (34 provinces, 3,321 communes) from the file Tre ships.
struct SeedAdministrativeUnits2025: AsyncMigration {
    static let fileName = "administrative-units-2025.csv"
    static let validFrom = Date(timeIntervalSince1970: 1_751_302_800)  // 2025-07-01 00:00 Asia/Ho_Chi_Minh

    func prepare(on database: any Database) async throws {
        let text = try String(contentsOfFile: ResourceDirectories.data + Self.fileName, encoding: .utf8)
        let rows = try AdministrativeUnitsFile.parse(text)
        try await database.transaction { database in
            var seenProvinces = Set<Int>()
            var provinces: [Province] = []
            for row in rows where seenProvinces.insert(row.provinceCode).inserted {
                provinces.append(
                    Province(
                        code: row.provinceCode, name: row.provinceName,
                        nameFolded: VietnameseText.folded(row.provinceName), kind: row.provinceType,
                        validFrom: Self.validFrom))
            }
            try await provinces.create(on: database)
            let communes = rows.map {
                Commune(
                    code: $0.communeCode, provinceCode: $0.provinceCode, name: $0.communeName,
                    nameFolded: VietnameseText.folded($0.communeName), kind: $0.communeType, validFrom: Self.validFrom)
            }
            // Batches keep each statement under both databases' limits on bound parameters.
            for start in stride(from: 0, to: communes.count, by: 500) {
                try await Array(communes[start..<min(start + 500, communes.count)]).create(on: database)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await Commune.query(on: database).filter(\.$validFrom == Self.validFrom).delete()
        try await Province.query(on: database).filter(\.$validFrom == Self.validFrom).delete()
    }
}
