import Fluent

/// What the preview said an import would do (`ImportCheck.plan`), kept with the file: since an import also
/// updates registered children, a commit whose fresh check would do anything else (a child registered or
/// changed meanwhile) is refused instead of writing what nobody saw. And the preview itself, for a large file
/// checked in the background (`ChildImportService.checkInBackground`), shown once its check ends.
struct AddImportPlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema(ChildImportBatch.schema).field("plan", .string).update()
        try await database.schema(ChildImportBatch.schema).field("preview", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChildImportBatch.schema).deleteField("plan").update()
        try await database.schema(ChildImportBatch.schema).deleteField("preview").update()
    }
}
