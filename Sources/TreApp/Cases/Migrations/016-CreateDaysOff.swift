import Fluent
import Foundation
import TreDomain
import Vapor

struct CreateDaysOff: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DayOff.schema)
            .id()
            .field("date", .string, .required)
            .field("name", .string, .required)
            .unique(on: "date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DayOff.schema).delete()
    }
}
