import Foundation
import TreDomain

/// `/forums`: the register of children's forums, built from one loaded page of records.
struct ForumListPage: Encodable {
    struct Row: Encodable {
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

    var register: RegisterPage
    var questionsHref: String
    var input: ForumsController.ForumInput
    var levels: [Choice]
    var rows: [Row]

    init(
        _ listing: RegisterListing<ChildrenForumRecord>, filter: RegisterFilter, paging: Paging, reader: Principal,
        language: Language, today: CivilDate, input: ForumsController.ForumInput? = nil, refusal: Refusal? = nil
    ) {
        register = RegisterPage(
            name: "forums", item: "forum", list: .communeWork(.forums(.list)),
            export: .communeWork(.forums(.export)), recordLabel: UIStrings.text("recordForum", language),
            canRecord: AccessPolicy.allows(reader.role, .recordCommuneWork), filter: filter, query: filter.query,
            paging: paging, total: listing.total, refusal: refusal, notice: nil, communes: listing.writableCommunes,
            chosenCommune: CommuneScope.code(input?.communeCode))
        questionsHref = SiteURL.communeWork(.forums(.questions)).path
        self.input = input ?? ForumsController.ForumInput()
        levels = Choice.list(ForumLevel.self, selected: input?.level ?? "commune", language: language) { $0.label }
        rows = Self.rows(listing, language: language, today: today)
    }

    static func rows(_ listing: RegisterListing<ChildrenForumRecord>, language: Language, today: CivilDate) -> [Row] {
        listing.records.map { record in
            let status = record.reportStatus(today: today)
            return Row(
                href: record.id.map { SiteURL.communeWork(.forums(.show(.value($0)))).path } ?? "",
                date: VietnamTime.date(record.date), commune: listing.commune(of: record),
                level: ForumLevel(rawValue: record.level)?.label(language) ?? record.level, place: record.place,
                children: record.children, reportDue: VietnamTime.date(record.reportDue),
                reportStatus: status.label(language), overdue: status == .overdue)
        }
    }

    static func csv(_ listing: RegisterListing<ChildrenForumRecord>, language: Language, today: CivilDate)
        -> [[String]]
    {
        rows(listing, language: language, today: today).map {
            [$0.date, $0.commune, $0.level, $0.place, String($0.children), $0.reportDue, $0.reportStatus]
        }
    }
}

/// A question children raised at a forum, as a row of the forum's page or of every question.
struct ForumQuestionRow: Encodable {
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
    /// Where the answer is posted.
    var answerAction: String
    /// The answer form as typed, given back when it was refused.
    var typed = ForumsController.AnswerInput()

    init(_ record: ForumQuestionRecord, today: CivilDate, commune: String?) {
        let question = record.question
        id = record.id?.uuidString ?? ""
        text = record.text
        agency = record.agency
        due = VietnamTime.date(record.due)
        answer = record.answer
        answeredOn = record.answeredOn.map(VietnamTime.date)
        overdue = question.isOverdue(today: today)
        onTime = question.answeredOnTime
        forumHref = commune == nil ? nil : SiteURL.communeWork(.forums(.show(.value(record.$forum.id)))).path
        self.commune = commune
        answerAction =
            record.id.map { SiteURL.communeWork(.forums(.answer(.value(record.$forum.id), .value($0)))).path } ?? ""
    }
}

/// `/forums/{id}`: one forum, its questions routed to agencies, their answers and the report.
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
    var questions: [ForumQuestionRow]
    var question: ForumsController.QuestionInput
    var askAction: String
    var reportAction: String
    var forumsHref = SiteURL.communeWork(.forums(.list)).path
    /// The agencies children's questions usually go to, offered while typing.
    var agencies = [
        "UBND xã", "Trường học", "Công an xã", "Trạm y tế xã", "UBND tỉnh", "Sở Y tế", "Sở Giáo dục và Đào tạo",
    ]
    var error: String?
    var notice: String?

    init(
        _ file: ForumQueries.ForumFile, reader: Principal, language: Language, today: CivilDate,
        question: ForumsController.QuestionInput? = nil,
        answer typed: (question: UUID, input: ForumsController.AnswerInput)? = nil, refusal: Refusal? = nil,
        notice: String? = nil
    ) {
        let forum = file.forum
        let reportStatus = forum.reportStatus(today: today)
        let place = RouteValue<UUID>.value(forum.id ?? UUID())
        id = forum.id?.uuidString ?? ""
        commune = file.commune
        level = ForumLevel(rawValue: forum.level)?.label(language) ?? forum.level
        date = VietnamTime.date(forum.date)
        self.place = forum.place
        children = forum.children
        chaperones = forum.chaperones
        consents = forum.consents
        belowMinimumReason = forum.belowMinimumReason
        reportDue = VietnamTime.date(forum.reportDue)
        self.reportStatus = reportStatus.label(language)
        reportOverdue = reportStatus == .overdue
        reportSubmitted = forum.reportSubmittedOn != nil
        canRecord = AccessPolicy.allows(reader.role, .recordCommuneWork)
        questions = file.questions.map { record in
            var row = ForumQuestionRow(record, today: today, commune: nil)
            if let typed, typed.question == record.id { row.typed = typed.input }
            return row
        }
        self.question = question ?? ForumsController.QuestionInput()
        askAction = SiteURL.communeWork(.forums(.ask(place))).path
        reportAction = SiteURL.communeWork(.forums(.report(place))).path
        error = refusal?.message
        self.notice = notice
    }
}

/// `/forums/questions`: every question of the reader's jurisdiction, the overdue first.
struct ForumQuestionsPage: Encodable {
    var register: RegisterPage
    var forumsHref = SiteURL.communeWork(.forums(.list)).path
    var rows: [ForumQuestionRow]

    init(
        _ listing: RegisterListing<ForumQuestionRecord>, filter: RegisterFilter, paging: Paging, language: Language,
        today: CivilDate
    ) {
        register = RegisterPage(
            name: "questions", item: "question", list: .communeWork(.forums(.questions)),
            export: .communeWork(.forums(.questionsExport)), recordLabel: "", canRecord: false, filter: filter,
            query: filter.query, paging: paging, total: listing.total, refusal: nil, notice: nil)
        rows = Self.rows(listing, today: today)
    }

    static func rows(_ listing: RegisterListing<ForumQuestionRecord>, today: CivilDate) -> [ForumQuestionRow] {
        listing.records.map { ForumQuestionRow($0, today: today, commune: listing.commune(of: $0)) }
    }

    static func csv(_ listing: RegisterListing<ForumQuestionRecord>, today: CivilDate) -> [[String]] {
        rows(listing, today: today).map {
            [
                $0.commune ?? "", $0.text, $0.agency, $0.due, $0.answeredOn ?? "", $0.onTime ? "x" : "",
                $0.overdue ? "x" : "", $0.answer ?? "",
            ]
        }
    }
}
