import Fluent
import Foundation
import SQLKit
import TreDomain

/// A version of a criteria set, kept whole as a document: criteria, weights, thresholds, cycle and roles.
/// An assessment points at the version it was made against, so a later decision is loaded as a new row
/// and past results keep theirs.
final class CriteriaSetRecord: Model, @unchecked Sendable {
    static let schema = "friendly_criteria_sets"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "version") var version: Int
    @Field(key: "document") var document: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ set: CriteriaSet) throws {
        code = set.code
        version = set.version
        document = String(decoding: try JSONEncoder().encode(set), as: UTF8.self)
    }

    func criteriaSet() throws -> CriteriaSet {
        try JSONDecoder().decode(CriteriaSet.self, from: Data(document.utf8))
    }
}

/// A commune's child-friendly assessment of one year: its items (scores, figures, reasons, the province's
/// appraisal) as a document, its status and, once decided, the decision.
final class FriendlyAssessmentRecord: Model, @unchecked Sendable {
    static let schema = "friendly_assessments"

    @ID(key: .id) var id: UUID?
    @Field(key: "set_id") var setID: UUID
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "year") var year: Int
    @Field(key: "category") var category: String
    @Field(key: "status") var status: String
    @Field(key: "items") var itemsDocument: String
    /// The total that counts (appraised where appraised), kept for lists.
    @Field(key: "total") var total: Int
    @OptionalField(key: "decision_number") var decisionNumber: String?
    /// `yyyy-MM-dd`.
    @OptionalField(key: "decision_date") var decisionDate: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var jurisdiction: Jurisdiction { .commune(provinceCode: provinceCode, communeCode: communeCode) }

    /// The items as saved. A document that cannot be read is an error, never an empty assessment.
    func decodedItems() throws -> [AssessmentItem] {
        try JSONDecoder().decode([AssessmentItem].self, from: Data(itemsDocument.utf8))
    }

    func setItems(_ items: [AssessmentItem]) throws {
        itemsDocument = String(decoding: try JSONEncoder().encode(items), as: UTF8.self)
    }

    var assessmentStatus: AssessmentStatus { AssessmentStatus(rawValue: status) ?? .draft }
    var communeCategory: CommuneCategory { CommuneCategory(rawValue: category) ?? .other }
}

/// One step of an assessment's history: who saved, submitted, returned, recognised or refused it, and why.
final class FriendlyAssessmentEventRecord: Model, @unchecked Sendable {
    static let schema = "friendly_assessment_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "assessment_id") var assessmentID: UUID
    @Field(key: "action") var action: String
    @Field(key: "status") var status: String
    @Field(key: "username") var username: String
    @Field(key: "comment") var comment: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(assessmentID: UUID, action: String, status: AssessmentStatus, username: String, comment: String) {
        self.assessmentID = assessmentID
        self.action = action
        self.status = status.rawValue
        self.username = username
        self.comment = comment
    }
}

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
