import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateChildrenForums: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ChildrenForumRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("level", .string, .required)
            .field("date", .string, .required)
            .field("place", .string, .required)
            .field("children", .int, .required)
            .field("chaperones", .int, .required)
            .field("consents", .int, .required)
            .field("below_minimum_reason", .string, .required)
            .field("report_due", .string, .required)
            .field("report_submitted_on", .string)
            .field("recorded_by", .uuid)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ForumQuestionRecord.schema)
            .id()
            .field("forum_id", .uuid, .required, .references(ChildrenForumRecord.schema, "id"))
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("text", .string, .required)
            .field("agency", .string, .required)
            .field("due", .string, .required)
            .field("answer", .string)
            .field("answered_on", .string)
            .field("created_at", .datetime)
            .create()
        // Lists of a commune or province, newest first; a forum's questions; the refresh's window.
        if let sql = database as? any SQLDatabase {
            try await sql.createIndex(
                "children_forums_commune_idx", on: ChildrenForumRecord.schema, columns: ["commune_code", "date"])
            try await sql.createIndex(
                "children_forums_province_idx", on: ChildrenForumRecord.schema, columns: ["province_code", "date"])
            try await sql.createIndex("children_forums_date_idx", on: ChildrenForumRecord.schema, columns: ["date"])
            try await sql.createIndex(
                "forum_questions_forum_idx", on: ForumQuestionRecord.schema, columns: ["forum_id"])
            try await sql.createIndex(
                "forum_questions_commune_idx", on: ForumQuestionRecord.schema, columns: ["commune_code", "due"])
            try await sql.createIndex(
                "forum_questions_province_idx", on: ForumQuestionRecord.schema, columns: ["province_code", "due"])
            try await sql.createIndex("forum_questions_due_idx", on: ForumQuestionRecord.schema, columns: ["due"])
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ForumQuestionRecord.schema).delete()
        try await database.schema(ChildrenForumRecord.schema).delete()
    }
}
