import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateChildren: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Child.schema)
            .id()
            .field("full_name", .string, .required)
            .field("family_name", .string, .required)
            .field("middle_name", .string, .required)
            .field("given_name", .string, .required)
            .field("name_folded", .string, .required)
            .field("given_folded", .string, .required)
            .field("family_comparable", .string, .required)
            .field("sort_key", .string, .required)
            .field("sex", .string, .required)
            .field("birth_date", .string)
            .field("birth_year", .int, .required)
            .field("birth_date_for_age", .string, .required)
            .field("ethnicity_code", .string)
            .field("personal_id", .string)
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("address", .string, .required)
            .field("school_status", .string)
            .field("health_insurance_card", .string)
            .field("nutrition_status", .string)
            .field("disability_level", .string)
            .field("notes", .string, .required)
            .field("merged_into", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "personal_id")
            .create()
        try await database.schema(ChildCaregiver.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, "id", onDelete: .cascade))
            .field("relation", .string, .required)
            .field("full_name", .string, .required)
            .field("phone", .string, .required)
            .create()
        try await database.schema(ChildNameToken.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, "id", onDelete: .cascade))
            .field("token", .string, .required)
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChildNameToken.schema).delete()
        try await database.schema(ChildCaregiver.schema).delete()
        try await database.schema(Child.schema).delete()
    }
}
