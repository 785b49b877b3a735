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
