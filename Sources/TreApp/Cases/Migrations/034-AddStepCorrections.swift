import Fluent

/// A recorded step can be corrected (issue 16): the correction is a new record naming the one it corrects and
/// why; the earlier one stays as it was.
struct AddStepCorrections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(CaseStepRecord.schema).field("corrects_id", .uuid).update()
        try await database.schema(CaseStepRecord.schema).field("correction_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseStepRecord.schema).deleteField("correction_reason").update()
        try await database.schema(CaseStepRecord.schema).deleteField("corrects_id").update()
    }
}
