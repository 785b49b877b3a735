import Fluent
import Foundation
import SQLKit
import TreDomain

/// A children's forum a commune (or a province, in one of its communes) held: size, consents, and the
/// report due 15 days later.
final class ChildrenForumRecord: CommuneRecord, @unchecked Sendable {
    static let schema = "children_forums"
    static let auditType = "forum"
    static let scope = CommuneRecordColumns<ChildrenForumRecord>(
        id: \.$id, province: \.$provinceCode, commune: \.$communeCode)

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "level") var level: String
    /// `yyyy-MM-dd`.
    @Field(key: "date") var date: String
    @Field(key: "place") var place: String
    @Field(key: "children") var children: Int
    @Field(key: "chaperones") var chaperones: Int
    @Field(key: "consents") var consents: Int
    @Field(key: "below_minimum_reason") var belowMinimumReason: String
    @Field(key: "report_due") var reportDue: String
    @OptionalField(key: "report_submitted_on") var reportSubmittedOn: String?
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ valid: ValidForum, provinceCode: Int, communeCode: Int, recordedBy: UUID?) {
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        level = valid.level.rawValue
        date = valid.date
        place = valid.place
        children = valid.children
        chaperones = valid.chaperones
        consents = valid.consents
        belowMinimumReason = valid.belowMinimumReason
        reportDue = valid.reportDue
        self.recordedBy = recordedBy
    }

    func reportStatus(today: CivilDate) -> DueStatus {
        DueStatus(due: reportDue, doneOn: reportSubmittedOn, today: today)
    }
}

/// A message, recommendation or question the children raised at a forum, routed to an agency with a
/// due date, and the answer given back. Carries the forum's commune so lists stay inside a jurisdiction.
final class ForumQuestionRecord: CommuneRecord, @unchecked Sendable {
    static let schema = "forum_questions"
    static let auditType = "forum_question"
    static let scope = CommuneRecordColumns<ForumQuestionRecord>(
        id: \.$id, province: \.$provinceCode, commune: \.$communeCode)

    @ID(key: .id) var id: UUID?
    @Parent(key: "forum_id") var forum: ChildrenForumRecord
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "text") var text: String
    @Field(key: "agency") var agency: String
    @Field(key: "due") var due: String
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_on") var answeredOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var question: ForumQuestion { ForumQuestion(text: text, agency: agency, due: due, answeredOn: answeredOn) }
}
