import Fluent
import Foundation
import SQLKit
import TreDomain

/// The indexes behind the registry's lists, search and duplicate check.
struct IndexChildren: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("children_commune_sort_idx", Child.schema, ["commune_code", "sort_key"]),
        ("children_province_sort_idx", Child.schema, ["province_code", "sort_key"]),
        ("children_sort_idx", Child.schema, ["sort_key"]),
        ("children_given_folded_idx", Child.schema, ["given_folded", "birth_year"]),
        ("child_name_tokens_token_idx", ChildNameToken.schema, ["token", "child_id"]),
        ("child_name_tokens_province_idx", ChildNameToken.schema, ["province_code", "token", "child_id"]),
        ("child_name_tokens_commune_idx", ChildNameToken.schema, ["commune_code", "token", "child_id"]),
        ("child_name_tokens_child_idx", ChildNameToken.schema, ["child_id"]),
        ("child_caregivers_child_idx", ChildCaregiver.schema, ["child_id"]),
        ("child_caregivers_phone_idx", ChildCaregiver.schema, ["phone"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.createIndex(index.name, on: index.table, columns: index.columns)
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
