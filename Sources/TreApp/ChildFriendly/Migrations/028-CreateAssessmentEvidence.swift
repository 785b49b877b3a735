import Fluent
import Foundation
import SQLKit
import TreDomain
import Vapor

struct CreateAssessmentEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AssessmentEvidenceRecord.schema)
            .id()
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("year", .int, .required)
            .field("criterion", .int, .required)
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("content", .data, .required)
            .field("uploaded_by", .uuid)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.createIndex(
                "friendly_evidence_assessment_idx", on: AssessmentEvidenceRecord.schema,
                columns: ["commune_code", "year", "criterion"])
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentEvidenceRecord.schema).delete()
    }
}
