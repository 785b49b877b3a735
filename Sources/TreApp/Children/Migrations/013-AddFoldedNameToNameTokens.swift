import Fluent
import Foundation
import SQLKit
import TreDomain

/// Tokens carry the folded name; the search indexes end with it, so a search reads one index range.
struct AddFoldedNameToNameTokens: AsyncMigration {
    static let replacedIndexes = [
        "child_name_tokens_token_idx", "child_name_tokens_province_idx", "child_name_tokens_commune_idx",
    ]
    static let indexes: [(name: String, columns: [String])] = [
        ("child_name_tokens_token_name_idx", ["token", "name_folded", "child_id"]),
        ("child_name_tokens_province_name_idx", ["province_code", "token", "name_folded", "child_id"]),
        ("child_name_tokens_commune_name_idx", ["commune_code", "token", "name_folded", "child_id"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await database.schema(ChildNameToken.schema)
            .field("name_folded", .string, .required, .sql(.default(""))).update()
        try await sql.raw(
            """
            UPDATE child_name_tokens SET name_folded = \
            (SELECT name_folded FROM children WHERE children.id = child_name_tokens.child_id)
            """
        ).run()
        for name in Self.replacedIndexes { try await sql.drop(index: name).run() }
        for index in Self.indexes {
            try await sql.createIndex(index.name, on: ChildNameToken.schema, columns: index.columns)
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
        try await database.schema(ChildNameToken.schema).deleteField("name_folded").update()
    }
}
