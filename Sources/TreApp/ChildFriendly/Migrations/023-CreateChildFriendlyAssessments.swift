import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateChildFriendlyAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CriteriaSetRecord.schema)
            .id()
            .field("code", .string, .required)
            .field("version", .int, .required)
            .field("document", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code", "version")
            .create()
        try await database.schema(FriendlyAssessmentRecord.schema)
            .id()
            .field("set_id", .uuid, .required, .references(CriteriaSetRecord.schema, "id"))
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("year", .int, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("items", .string, .required)
            .field("total", .int, .required)
            .field("decision_number", .string)
            .field("decision_date", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "commune_code", "year")
            .create()
        try await database.schema(FriendlyAssessmentEventRecord.schema)
            .id()
            .field("assessment_id", .uuid, .required, .references(FriendlyAssessmentRecord.schema, "id"))
            .field("action", .string, .required)
            .field("status", .string, .required)
            .field("username", .string, .required)
            .field("comment", .string, .required)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.createIndex(
                "friendly_assessments_province_idx", on: FriendlyAssessmentRecord.schema,
                columns: ["province_code", "year"])
            try await sql.createIndex(
                "friendly_assessment_events_idx", on: FriendlyAssessmentEventRecord.schema, columns: ["assessment_id"])
        }
        try await CriteriaSetRecord(.decision06of2019).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FriendlyAssessmentEventRecord.schema).delete()
        try await database.schema(FriendlyAssessmentRecord.schema).delete()
        try await database.schema(CriteriaSetRecord.schema).delete()
    }
}
