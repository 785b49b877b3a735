import Fluent
import Foundation
import TreDomain

/// Recording children's forums, the questions children raised there, the answers, and the forum report:
/// checked by the domain's rules, kept inside the writer's jurisdiction, and audited.
struct ForumService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    /// Records a forum under `id` (given by the page, which sends the browser to it once saved).
    func record(_ draft: ForumDraft, communeCode: Int?, id: UUID = UUID()) async throws -> ChildrenForumRecord {
        let valid = try draft.validate(today: ChildAge.todayInVietnam()).get()
        let commune = try await CommuneScope.commune(communeCode, for: principal, on: database)
        let record = ChildrenForumRecord(
            valid, provinceCode: commune.provinceCode, communeCode: commune.code, recordedBy: principal.userID)
        record.id = id
        try await CommuneScope.save(
            record, action: "forum.recorded", details: "level=\(valid.level.rawValue);children=\(valid.children)",
            by: actor, on: database)
        return record
    }

    /// Routes a question to the agency that must answer it by its due date.
    func ask(_ draft: ForumQuestionDraft, at forum: ChildrenForumRecord) async throws {
        let question = try draft.validate(forumDate: forum.date).get()
        let record = ForumQuestionRecord()
        record.id = UUID()
        record.$forum.id = try forum.requireID()
        record.provinceCode = forum.provinceCode
        record.communeCode = forum.communeCode
        record.text = question.text
        record.agency = question.agency
        record.due = question.due
        try await CommuneScope.save(
            record, action: "forum.question_routed",
            details: "forum=\(try forum.requireID().uuidString);agency=\(question.agency);due=\(question.due)",
            by: actor,
            on: database)
    }

    func answer(_ draft: ForumAnswerDraft, question id: UUID, at forum: ChildrenForumRecord) async throws {
        guard let question = try await ForumQuestionRecord.find(id, on: database), question.$forum.id == forum.id
        else { throw Self.unknownQuestion }
        let answer = try draft.validate(today: ChildAge.todayInVietnam()).get()
        question.answer = answer.answer
        question.answeredOn = answer.answeredOn
        try await CommuneScope.save(
            question, action: "forum.question_answered", details: "on_time=\(question.question.answeredOnTime)",
            by: actor, on: database)
    }

    /// Records the day the forum's report was sent (today when not given).
    func reportSubmitted(_ forum: ChildrenForumRecord, on day: String) async throws {
        forum.reportSubmittedOn = try DueStatus.doneDay(
            day, field: "reportSubmittedOn", today: ChildAge.todayInVietnam()
        ).get()
        try await CommuneScope.save(
            forum, action: "forum.report_submitted", details: "on=\(forum.reportSubmittedOn ?? "")", by: actor,
            on: database)
    }

    static let unknownQuestion = TreError(
        status: .notFound, code: "question_not_found",
        message: LocalizedText(
            vi: "Không tìm thấy câu hỏi này trong diễn đàn.", en: "This question is not one of the forum's."))
}
