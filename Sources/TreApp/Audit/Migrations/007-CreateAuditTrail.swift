import Fluent
import Foundation
import TreDomain

struct CreateAuditTrail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_username", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .string)
            .field("province_code", .int)
            .field("commune_code", .int)
            .field("source_address", .string)
            .field("details", .string, .required)
            .field("sequence", .int)
            .field("seal_hash", .string)
            .unique(on: "sequence")
            .create()
        try await database.schema(AuditChainHead.schema)
            .field("chain", .string, .identifier(auto: false))
            .field("sequence", .int, .required)
            .field("hash", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditChainHead.schema).delete()
        try await database.schema(AuditEntry.schema).delete()
    }
}
