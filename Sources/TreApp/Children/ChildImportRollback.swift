import Fluent
import Foundation
import SQLKit
import TreDomain

enum ChildImportRollback {
    /// Records the children of one batch as written by the import `batchID` (inside that batch's transaction).
    static func record(_ childIDs: [UUID], batchID: UUID, on sql: any SQLDatabase) async throws {
        let now = Date()
        for start in stride(from: 0, to: childIDs.count, by: 400) {
            let insert = sql.insert(into: ChildImportWritten.schema).columns("batch_id", "child_id", "written_at")
            for id in childIDs[start..<min(start + 400, childIDs.count)] {
                insert.values(SQLBind(batchID), SQLBind(id), SQLBind(now))
            }
            try await insert.run()
        }
    }

    /// The import is complete: its children stay (inside the last batch's transaction).
    static func complete(batchID: UUID, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: ChildImportWritten.schema).where("batch_id", .equal, SQLBind(batchID)).run()
    }

    /// Removes what an unfinished import wrote, with an audit entry saying so; returns how many children.
    @discardableResult
    static func undo(batchID: UUID, by actor: AuditActor, on database: any Database) async throws -> Int {
        try await database.writeTransaction { database in
            let sql = try database.sql()
            struct Count: Decodable { var n: Int }
            let written =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(ChildImportWritten.schema).where("batch_id", .equal, SQLBind(batchID))
                .first(decoding: Count.self)?.n ?? 0
            guard written > 0 else { return 0 }
            let ids = SQLSubquery.select {
                $0.column("child_id").from(ChildImportWritten.schema).where(
                    "batch_id", .equal, SQLBind(batchID))
            }
            for (table, column) in [
                (ChildNameToken.schema, "child_id"), (ChildCaregiver.schema, "child_id"), (Child.schema, "id"),
            ] {
                try await sql.delete(from: table).where(SQLColumn(column), .in, ids).run()
            }
            try await complete(batchID: batchID, on: sql)
            try await AuditLog.record(
                AuditEvent(
                    action: "children.import_undone", recordType: "child", jurisdiction: .nation,
                    details: "batch=\(batchID.uuidString) rows=\(written)"), by: actor, on: database)
            return written
        }
    }

    @discardableResult
    /// Imports cut off by a stop or crash (nothing written for `idle`): undone when Tre starts. A live import on
    /// another node writes a batch every second or so and is left alone.
    static func undoInterrupted(idle: TimeInterval = 120, on database: any Database) async throws -> Int {
        let sql = try database.sql()
        struct Batch: Decodable { var batchId: UUID }
        let batches = try await sql.select().column("batch_id").from(ChildImportWritten.schema).groupBy("batch_id")
            .having(
                SQLFunction("MAX", args: SQLColumn("written_at")), .lessThan,
                SQLBind(Date().addingTimeInterval(-idle))
            )
            .all(decoding: Batch.self, keyDecodingStrategy: .convertFromSnakeCase)
        var undone = 0
        for batch in batches {
            undone += try await undo(batchID: batch.batchId, by: .system("import recovery"), on: database)
        }
        return undone
    }
}
