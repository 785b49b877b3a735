import Fluent
import Foundation
import SQLKit
import TreDomain

/// The children an import has written so far, until it has written them all. An import commits a few hundred
/// rows at a time, so that other people's writes take their turn between its batches instead of waiting minutes
/// for one long transaction (on SQLite, one writer at a time). What makes it still all or nothing: each batch
/// records its children here in the same transaction, the last batch clears the list in the same transaction as
/// its rows, and an import that fails, or whose process died, is undone from the list.
struct ChildImportWritten: AsyncMigration {
    static let schema = "child_import_written"

    func prepare(on database: any Database) async throws {
        try await database.schema(Self.schema)
            .field("batch_id", .uuid, .required)
            .field("child_id", .uuid, .required)
            .field("written_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "child_import_written_batch_idx").on(Self.schema).column("batch_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Self.schema).delete()
    }
}
