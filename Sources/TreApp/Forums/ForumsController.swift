import Fluent
import Foundation
import TreDomain
import Vapor

/// `/forums`: the children's forums of the reader's jurisdiction with their report deadlines, paged,
/// searchable by commune, exportable; `/forums/{id}`: one forum, the children's questions routed to
/// agencies, their answers and the report; `/forums/questions`: every question, the overdue first.
struct ForumsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("forums", access: .permission(.viewCommuneWork), use: list)
        routes.get("forums.csv", access: .permission(.viewCommuneWork), use: csv)
        routes.post("forums", access: .permission(.recordCommuneWork), use: create)
        routes.get("forums", "questions", access: .permission(.viewCommuneWork), use: questions)
        routes.get("forums", "questions.csv", access: .permission(.viewCommuneWork), use: questionsCSV)
        routes.get("forums", ":forum", access: .permission(.viewCommuneWork), use: show)
        routes.post("forums", ":forum", "questions", access: .permission(.recordCommuneWork), use: ask)
        routes.post(
            "forums", ":forum", "questions", ":question", "answer", access: .permission(.recordCommuneWork), use: answer
        )
        routes.post("forums", ":forum", "report", access: .permission(.recordCommuneWork), use: report)
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

    struct ForumRow: Encodable {
        var href: String
        var date: String
        var commune: String
        var level: String
        var place: String
        var children: Int
        var reportDue: String
        var reportStatus: String
        var overdue: Bool
    }

    struct ListPage: Encodable {
        var canRecord: Bool
        var input: ForumInput
        var levels: [Choice]
        var year: String
        var q: String
        var overdue: Bool
        var rows: [ForumRow]
        var pager: PagerModel
        var csvHref: String
        var error: String?
    }

    private func filter(_ request: Request) -> ForumQueries.Filter {
        ForumQueries.Filter(
            year: (try? request.query.get(Int.self, at: "year")),
            q: VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? ""),
            overdue: request.flag("overdue"))
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request, input: nil, error: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(ForumInput.self)
        do {
            let forum = try await service(request).record(
                input.draft, communeCode: input.communeCode.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
            return request.redirect(to: "/forums/\(try forum.requireID().uuidString)?saved=1")
        } catch let failure as any LocalizedFailure {
            return try await renderList(
                request, input: input, error: failure.message(request.language), status: HTTPStatus(refusal: failure))
        }
    }

    private func renderList(_ request: Request, input: ForumInput?, error: String?, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let language = request.language
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let paging = Paging(request)
        let (total, records) = try await ForumQueries.forums(filter, in: principal.jurisdiction, on: request.db)
            .page(paging)
        let page = ListPage(
            canRecord: AccessPolicy.allows(principal.role, .recordCommuneWork),
            input: input ?? ForumInput(),
            levels: Choice.list(ForumLevel.self, selected: input?.level ?? "commune", language: language) {
                $0.label
            },
            year: filter.year.map(String.init) ?? "", q: filter.q, overdue: filter.overdue,
            rows: try await rows(records, language: language, on: request.db),
            pager: PagerModel(paging, total: total, path: "/forums", query: filter.query),
            csvHref: Paths.link("/forums.csv", filter.query), error: error)
        return try await request.render(
            "forums/list", title: UIStrings.text("forums", language), page, status: status)
    }

    private func rows(_ records: [ChildrenForumRecord], language: Language, on database: any Database) async throws
        -> [ForumRow]
    {
        let names = try await CommuneScope.names(of: records.map(\.communeCode), on: database)
        let today = VietnamDay.containing(Date())
        return records.map { record in
            let status = record.reportStatus(today: today)
            return ForumRow(
                href: "/forums/\(record.id?.uuidString ?? "")", date: VietnamTime.date(record.date),
                commune: names[record.communeCode] ?? "",
                level: ForumLevel(rawValue: record.level)?.label(language) ?? record.level, place: record.place,
                children: record.children, reportDue: VietnamTime.date(record.reportDue),
                reportStatus: status.label(language), overdue: status == .overdue)
        }
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let language = request.language
        return try await CSVDownload.respond(
            request, fileName: "dien-dan-tre-em.csv",
            header: ["date", "commune", "level", "place", "children", "report_due", "report_status"],
            audit: {
                AuditEvent(
                    action: "forums.exported", recordType: "forum", jurisdiction: principal.jurisdiction,
                    details: "rows=\($0)")
            },
            rows: { page in
                let records = try await ForumQueries.forums(filter, in: principal.jurisdiction, on: request.db)
                    .range(CSVDownload.rows(ofPage: page)).all()
                return try await rows(records, language: language, on: request.db).map {
                    [$0.date, $0.commune, $0.level, $0.place, String($0.children), $0.reportDue, $0.reportStatus]
                }
            })
    }

    // MARK: one forum

    struct QuestionRow: Encodable {
        var id: String
        var text: String
        var agency: String
        var due: String
        var answer: String?
        var answeredOn: String?
        var overdue: Bool
        var onTime: Bool
        var forumHref: String?
        var commune: String?
        /// The answer form as typed, given back when it was refused.
        var typed = AnswerInput()
    }

    struct ForumPage: Encodable {
        var id: String
        var commune: String
        var level: String
        var date: String
        var place: String
        var children: Int
        var chaperones: Int
        var consents: Int
        var belowMinimumReason: String
        var reportDue: String
        var reportStatus: String
        var reportOverdue: Bool
        var reportSubmitted: Bool
        var canRecord: Bool
        var questions: [QuestionRow]
        var question: QuestionInput
        var error: String?
        var notice: String?
    }

    struct QuestionInput: Content {
        var text: String?
        var agency: String?
        var due: String?
    }

    struct AnswerInput: Content {
        var answer: String?
        var answeredOn: String?
    }

    struct ReportInput: Content {
        var reportSubmittedOn: String?
    }

    private func forum(_ request: Request) async throws -> ChildrenForumRecord {
        guard let id = request.parameters.get("forum", as: UUID.self),
            let forum = try await service(request).find(id)
        else { throw Abort(.notFound) }
        return forum
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderForum(request, try await forum(request), question: nil, error: nil, notice: request.savedNotice)
    }

    @Sendable func ask(_ request: Request) async throws -> Response {
        let forum = try await forum(request)
        let input = try request.content.decode(QuestionInput.self)
        var draft = ForumQuestionDraft()
        draft.text = input.text ?? ""
        draft.agency = input.agency ?? ""
        draft.due = input.due ?? ""
        return try await request.submitting(to: Self.path(of: forum)) {
            try await service(request).ask(draft, at: forum)
        } otherwise: { error, status in
            try await renderForum(request, forum, question: input, error: error, status: status)
        }
    }

    static func path(of forum: ChildrenForumRecord) -> String { "/forums/\(forum.id?.uuidString ?? "")" }

    @Sendable func answer(_ request: Request) async throws -> Response {
        let forum = try await forum(request)
        guard let questionID = request.parameters.get("question", as: UUID.self) else { throw Abort(.notFound) }
        let input = try request.content.decode(AnswerInput.self)
        var draft = ForumAnswerDraft()
        draft.answer = input.answer ?? ""
        draft.answeredOn = input.answeredOn ?? ""
        return try await request.submitting(to: Self.path(of: forum)) {
            try await service(request).answer(draft, question: questionID, at: forum)
        } otherwise: { error, status in
            try await renderForum(
                request, forum, question: nil, answer: (questionID, input), error: error, status: status)
        }
    }

    @Sendable func report(_ request: Request) async throws -> Response {
        let forum = try await forum(request)
        let input = try request.content.decode(ReportInput.self)
        return try await request.submitting(to: Self.path(of: forum)) {
            try await service(request).reportSubmitted(forum, on: input.reportSubmittedOn ?? "")
        } otherwise: { error, status in
            try await renderForum(request, forum, question: nil, error: error, status: status)
        }
    }

    private func renderForum(
        _ request: Request, _ forum: ChildrenForumRecord, question: QuestionInput?,
        answer typed: (question: UUID, input: AnswerInput)? = nil, error: String?, notice: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = request.language
        let principal = try request.requirePrincipal()
        let today = VietnamDay.containing(Date())
        let names = try await CommuneScope.names(of: [forum.communeCode], on: request.db)
        let reportStatus = forum.reportStatus(today: today)
        let questions = try await service(request).questions(of: forum)
        let page = ForumPage(
            id: try forum.requireID().uuidString, commune: names[forum.communeCode] ?? "",
            level: ForumLevel(rawValue: forum.level)?.label(language) ?? forum.level,
            date: VietnamTime.date(forum.date), place: forum.place, children: forum.children,
            chaperones: forum.chaperones, consents: forum.consents, belowMinimumReason: forum.belowMinimumReason,
            reportDue: VietnamTime.date(forum.reportDue), reportStatus: reportStatus.label(language),
            reportOverdue: reportStatus == .overdue, reportSubmitted: forum.reportSubmittedOn != nil,
            canRecord: AccessPolicy.allows(principal.role, .recordCommuneWork),
            questions: questions.map { record in
                var row = Self.row(record, today: today, commune: nil)
                if let typed, typed.question == record.id { row.typed = typed.input }
                return row
            },
            question: question ?? QuestionInput(), error: error, notice: notice)
        return try await request.render(
            "forums/forum", title: UIStrings.text("forum", language), page, status: status)
    }

    static func row(_ record: ForumQuestionRecord, today: CivilDate, commune: String?) -> QuestionRow {
        let question = record.question
        return QuestionRow(
            id: record.id?.uuidString ?? "", text: record.text, agency: record.agency,
            due: VietnamTime.date(record.due), answer: record.answer,
            answeredOn: record.answeredOn.map(VietnamTime.date), overdue: question.isOverdue(today: today),
            onTime: question.answeredOnTime,
            forumHref: commune == nil ? nil : "/forums/\(record.$forum.id.uuidString)", commune: commune)
    }

    // MARK: every question

    struct QuestionsPage: Encodable {
        var year: String
        var q: String
        var overdue: Bool
        var rows: [QuestionRow]
        var pager: PagerModel
        var csvHref: String
    }

    @Sendable func questions(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let paging = Paging(request)
        let (total, records) = try await ForumQueries.questions(filter, in: principal.jurisdiction, on: request.db)
            .page(paging)
        let page = QuestionsPage(
            year: filter.year.map(String.init) ?? "", q: filter.q, overdue: filter.overdue,
            rows: try await questionRows(records, on: request.db),
            pager: PagerModel(paging, total: total, path: "/forums/questions", query: filter.query),
            csvHref: Paths.link("/forums/questions.csv", filter.query))
        return try await request.render(
            "forums/questions", title: UIStrings.text("forumQuestions", request.language), page)
    }

    private func questionRows(_ records: [ForumQuestionRecord], on database: any Database) async throws
        -> [QuestionRow]
    {
        let names = try await CommuneScope.names(of: records.map(\.communeCode), on: database)
        let today = VietnamDay.containing(Date())
        return records.map { Self.row($0, today: today, commune: names[$0.communeCode] ?? "") }
    }

    @Sendable func questionsCSV(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        return try await CSVDownload.respond(
            request, fileName: "cau-hoi-dien-dan.csv",
            header: ["commune", "question", "agency", "due", "answered_on", "on_time", "overdue", "answer"],
            audit: {
                AuditEvent(
                    action: "forum_questions.exported", recordType: "forum", jurisdiction: principal.jurisdiction,
                    details: "rows=\($0)")
            },
            rows: { page in
                let records = try await ForumQueries.questions(filter, in: principal.jurisdiction, on: request.db)
                    .range(CSVDownload.rows(ofPage: page)).all()
                return try await questionRows(records, on: request.db).map {
                    [
                        $0.commune ?? "", $0.text, $0.agency, $0.due, $0.answeredOn ?? "", $0.onTime ? "x" : "",
                        $0.overdue ? "x" : "", $0.answer ?? "",
                    ]
                }
            })
    }

    private func service(_ request: Request) throws -> ForumService {
        ForumService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
