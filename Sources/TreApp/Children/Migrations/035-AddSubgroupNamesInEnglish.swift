import Fluent
import Foundation
import TreDomain

/// The English sentence of each sub-group of special circumstances, so a page read in English shows the
/// sub-group in English (the statute's Vietnamese stays in `subgroup_name`). Filled from the shipped list
/// for the rows already there; a new database gets the column the same way, right after migration 012.
struct AddSubgroupNamesInEnglish: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CircumstanceSubgroupRecord.schema)
            .field("subgroup_name_en", .string)
            .update()
        try await Self.fill(on: database)
    }

    /// Writes each shipped sub-group's English sentence on its row (found by group and number).
    static func fill(on database: any Database) async throws {
        for subgroup in try CircumstanceSubgroupRecord.shipped() {
            try await CircumstanceSubgroupRecord.query(on: database)
                .filter(\.$groupCode == subgroup.groupCode)
                .filter(\.$subgroupNumber == subgroup.number)
                .set(\.$subgroupNameEN, to: subgroup.name.en)
                .update()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CircumstanceSubgroupRecord.schema).deleteField("subgroup_name_en").update()
    }
}
