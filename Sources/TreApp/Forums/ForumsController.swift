import Fluent
import Foundation
import TreDomain
import Vapor

/// `/forums`: the children's forums of the reader's jurisdiction with their report deadlines, paged,
/// searchable by commune, exportable; `/forums/{id}`: one forum, the children's questions routed to
/// agencies, their answers and the report; `/forums/questions`: every question, the overdue first.
struct ForumsController {
    func register(_ routes: any RoutesBuilder) {
        let view = Access.permission(.viewCommuneWork)
        let record = Access.permission(.recordCommuneWork)
        routes.get(.communeWork(.forums(.list)), access: view, use: list)
        routes.get(.communeWork(.forums(.export)), access: view, use: csv)
        routes.post(.communeWork(.forums(.list)), access: record, use: create)
        routes.get(.communeWork(.forums(.questions)), access: view, use: questions)
        routes.get(.communeWork(.forums(.questionsExport)), access: view, use: questionsCSV)
        routes.get(.communeWork(.forums(.show(.pattern))), access: view, use: show)
        routes.post(.communeWork(.forums(.ask(.pattern))), access: record, use: ask)
        routes.post(.communeWork(.forums(.answer(.pattern, .pattern))), access: record, use: answer)
        routes.post(.communeWork(.forums(.report(.pattern))), access: record, use: report)
    }

    struct ForumInput: Content {
        var level: String?
        var date: String?
        var place: String?
        var children: String?
        var chaperones: String?
        var consents: String?
        var belowMinimumReason: String?
        var communeCode: String?

        var draft: ForumDraft {
            var draft = ForumDraft()
            draft.level = level ?? ""
            draft.date = date ?? ""
            draft.place = place ?? ""
            draft.children = children ?? ""
            draft.chaperones = chaperones ?? ""
            draft.consents = consents ?? ""
            draft.belowMinimumReason = belowMinimumReason ?? ""
            return draft
        }
    }

    struct QuestionInput: Content {
        var text: String?
        var agency: String?
        var due: String?

        var draft: ForumQuestionDraft {
            var draft = ForumQuestionDraft()
            draft.text = text ?? ""
            draft.agency = agency ?? ""
            draft.due = due ?? ""
            return draft
        }
    }

    struct AnswerInput: Content {
        var answer: String?
        var answeredOn: String?

        var draft: ForumAnswerDraft {
            var draft = ForumAnswerDraft()
            draft.answer = answer ?? ""
            draft.answeredOn = answeredOn ?? ""
            return draft
        }
    }

    struct ReportInput: Content {
        var reportSubmittedOn: String?
    }

    // MARK: the register

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(ForumInput.self)
        let id = UUID()
        return try await request.submitting(to: .communeWork(.forums(.show(.value(id))))) {
            _ = try await service(request).record(
                input.draft, communeCode: CommuneScope.code(input.communeCode), id: id)
        } otherwise: { refusal in
            try await renderList(request, input: input, refusal: refusal)
        }
    }

    private func renderList(_ request: Request, input: ForumInput? = nil, refusal: Refusal? = nil)
        async throws -> Response
    {
        let principal = try request.requirePrincipal()
        let filter = RegisterFilter(request)
        let paging = Paging(request)
        let listing = try await CommuneScope.listing(
            ForumQueries.forums(filter, in: principal.jurisdiction, on: request.db), paging, for: principal,
            on: request.db)
        let page = ForumListPage(
            listing, filter: filter, paging: paging, reader: principal, language: request.language,
            today: VietnamDay.containing(Date()), input: input, refusal: refusal)
        return try await request.render(
            "forums/list", title: UIStrings.text("forums", request.language), page,
            status: refusal?.status ?? .ok)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = RegisterFilter(request)
        let language = request.language
        let today = VietnamDay.containing(Date())
        return try await CommuneScope.export(
            request, fileName: "dien-dan-tre-em.csv",
            header: ["date", "commune", "level", "place", "children", "report_due", "report_status"],
            action: "forums.exported",
            query: { try await ForumQueries.forums(filter, in: principal.jurisdiction, on: request.db) },
            rows: { ForumListPage.csv($0, language: language, today: today) })
    }

    // MARK: one forum

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderForum(request, try await forum(request), notice: request.savedNotice)
    }

    @Sendable func ask(_ request: Request) async throws -> Response {
        let forum = try await forum(request)
        let input = try request.content.decode(QuestionInput.self)
        return try await request.submitting(to: Self.place(of: forum)) {
            try await service(request).ask(input.draft, at: forum)
        } otherwise: { refusal in
            try await renderForum(request, forum, question: input, refusal: refusal)
        }
    }

    @Sendable func answer(_ request: Request) async throws -> Response {
        let forum = try await forum(request)
        guard let questionID = request.parameters.get("question", as: UUID.self) else { throw TreError.notFound }
        let input = try request.content.decode(AnswerInput.self)
        return try await request.submitting(to: Self.place(of: forum)) {
            try await service(request).answer(input.draft, question: questionID, at: forum)
        } otherwise: { refusal in
            try await renderForum(request, forum, answer: (questionID, input), refusal: refusal)
        }
    }

    @Sendable func report(_ request: Request) async throws -> Response {
        let forum = try await forum(request)
        let input = try request.content.decode(ReportInput.self)
        return try await request.submitting(to: Self.place(of: forum)) {
            try await service(request).reportSubmitted(forum, on: input.reportSubmittedOn ?? "")
        } otherwise: { refusal in
            try await renderForum(request, forum, refusal: refusal)
        }
    }

    private func forum(_ request: Request) async throws -> ChildrenForumRecord {
        try await ForumQueries.forum(
            request.parameters.get("forum", as: UUID.self), for: try request.requirePrincipal(), on: request.db)
    }

    private static func place(of forum: ChildrenForumRecord) throws -> SiteURL {
        .communeWork(.forums(.show(.value(try forum.requireID()))))
    }

    private func renderForum(
        _ request: Request, _ forum: ChildrenForumRecord, question: QuestionInput? = nil,
        answer typed: (question: UUID, input: AnswerInput)? = nil, refusal: Refusal? = nil, notice: String? = nil
    ) async throws -> Response {
        let file = try await ForumQueries.file(of: forum, on: request.db)
        let page = ForumPage(
            file, reader: try request.requirePrincipal(), language: request.language,
            today: VietnamDay.containing(Date()), question: question, answer: typed, refusal: refusal,
            notice: notice)
        return try await request.render(
            "forums/forum", title: UIStrings.text("forum", request.language), page, status: refusal?.status ?? .ok)
    }

    // MARK: every question

    @Sendable func questions(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = RegisterFilter(request)
        let paging = Paging(request)
        let listing = try await CommuneScope.listing(
            ForumQueries.questions(filter, in: principal.jurisdiction, on: request.db), paging, on: request.db)
        let page = ForumQuestionsPage(
            listing, filter: filter, paging: paging, language: request.language, today: VietnamDay.containing(Date()))
        return try await request.render(
            "forums/questions", title: UIStrings.text("forumQuestions", request.language), page)
    }

    @Sendable func questionsCSV(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = RegisterFilter(request)
        let today = VietnamDay.containing(Date())
        return try await CommuneScope.export(
            request, fileName: "cau-hoi-dien-dan.csv",
            header: ["commune", "question", "agency", "due", "answered_on", "on_time", "overdue", "answer"],
            action: "forum_questions.exported", recordType: ChildrenForumRecord.auditType,
            query: { try await ForumQueries.questions(filter, in: principal.jurisdiction, on: request.db) },
            rows: { ForumQuestionsPage.csv($0, today: today) })
    }

    private func service(_ request: Request) throws -> ForumService {
        ForumService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
