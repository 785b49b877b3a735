import Fluent
import Foundation
import TreDomain
import Vapor

struct CreateCaseReferrals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseReferral.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ProtectionCase.schema, "id"))
            .field("provider_kind", .string, .required)
            .field("provider_name", .string, .required)
            .field("reason", .string, .required)
            .field("sent_on", .string, .required)
            .field("status", .string, .required)
            .field("reply", .string, .required)
            .field("by_name", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(CaseFollowUp.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ProtectionCase.schema, "id"))
            .field("visited_on", .string, .required)
            .field("child_seen", .bool, .required)
            .field("notes", .string, .required)
            .field("by_name", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseFollowUp.schema).delete()
        try await database.schema(CaseReferral.schema).delete()
    }
}
