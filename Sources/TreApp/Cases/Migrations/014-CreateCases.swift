import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AbuseReport.schema)
            .id()
            .field("channel", .string, .required)
            .field("received_at", .datetime, .required)
            .field("anonymous", .bool, .required)
            .field("reporter_name", .string, .required)
            .field("reporter_phone", .string, .required)
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("abuse_forms", .string, .required)
            .field("abuser_is_carer", .bool, .required)
            .field("description", .string, .required)
            .field("received_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ProtectionCase.schema)
            .id()
            .field("report_id", .uuid, .required, .references(AbuseReport.schema, "id"))
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("status", .string, .required)
            .field("abuser_is_carer", .bool, .required)
            .field("serious_threat", .bool)
            .field("risk", .string)
            .field("received_at", .datetime, .required)
            .field("plan_submitted_at", .datetime)
            .field("separation_end", .string)
            .field("next_deadline_kind", .string)
            .field("next_deadline_at", .datetime)
            .field("escalated_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(CaseChild.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ProtectionCase.schema, "id"))
            .field("child_id", .uuid, .required, .references(Child.schema, "id"))
            .unique(on: "case_id", "child_id")
            .create()
        try await database.schema(CaseStepRecord.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ProtectionCase.schema, "id"))
            .field("step", .string, .required)
            .field("status_after", .string, .required)
            .field("content", .string, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for (name, table, columns) in [
            ("protection_cases_commune_idx", ProtectionCase.schema, ["commune_code", "status", "next_deadline_at"]),
            ("protection_cases_province_idx", ProtectionCase.schema, ["province_code", "status", "next_deadline_at"]),
            ("protection_cases_deadline_idx", ProtectionCase.schema, ["next_deadline_at"]),
            ("case_children_child_idx", CaseChild.schema, ["child_id"]),
            ("case_steps_case_idx", CaseStepRecord.schema, ["case_id"]),
        ] {
            try await sql.createIndex(name, on: table, columns: columns)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [CaseStepRecord.schema, CaseChild.schema, ProtectionCase.schema, AbuseReport.schema] {
            try await database.schema(schema).delete()
        }
    }
}
