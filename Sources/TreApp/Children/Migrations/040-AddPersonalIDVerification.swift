import Fluent

/// The commune police's last answer about a child's personal ID (`PoliceVerification`) and its date, so that the
/// list prepared for them carries only the records not yet confirmed, and a "not found" goes back on the worklist.
struct AddPersonalIDVerification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema(Child.schema).field("id_verification", .string).update()
        try await database.schema(Child.schema).field("id_verified_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Child.schema).deleteField("id_verification").update()
        try await database.schema(Child.schema).deleteField("id_verified_on").update()
    }
}
