import Foundation

/// A message, recommendation or question children raised, routed to the agency that must answer it.
public struct ForumQuestion: Equatable, Sendable {
    public var text: String
    public var agency: String
    /// `yyyy-MM-dd`.
    public var due: String
    public var answeredOn: String?

    public init(text: String, agency: String, due: String, answeredOn: String? = nil) {
        self.text = text
        self.agency = agency
        self.due = due
        self.answeredOn = answeredOn
    }

    /// Not answered and past its due date.
    public func isOverdue(today: CivilDate) -> Bool {
        guard answeredOn == nil, let due = CivilDate(iso: due) else { return false }
        return due < today
    }

    public var answeredOnTime: Bool {
        guard let answeredOn, let answered = CivilDate(iso: answeredOn), let due = CivilDate(iso: due) else {
            return false
        }
        return !(due < answered)
    }
}

/// What the children's message is, as the organiser types it after the forum.
public struct ForumQuestionDraft: Equatable, Sendable {
    public var text = ""
    public var agency = ""
    public var due = ""

    public init() {}

    /// A question needs its words, the agency that must answer, and a due date no earlier than the forum.
    public func validate(forumDate: String) -> Result<ForumQuestion, FieldErrors> {
        var errors: [FieldError] = []
        let text = VietnameseText.normalized(self.text)
        let agency = VietnameseText.normalized(self.agency)
        if text.isEmpty {
            errors.append(
                FieldError(
                    field: "text", code: "text_required",
                    message: LocalizedText(
                        vi: "Ghi lại ý kiến, kiến nghị hoặc câu hỏi của trẻ em.",
                        en: "Write down the children's message, recommendation or question.")))
        }
        if agency.isEmpty {
            errors.append(
                FieldError(
                    field: "agency", code: "agency_required",
                    message: LocalizedText(
                        vi: "Chọn cơ quan phải trả lời.", en: "Name the agency that must answer.")))
        }
        let due = RecordDate.parse(self.due, field: "due", required: true, today: nil, errors: &errors)
        if let due, due < forumDate {
            errors.append(
                FieldError(
                    field: "due", code: "due_before_forum",
                    message: LocalizedText(
                        vi: "Hạn trả lời không thể trước ngày diễn đàn.",
                        en: "The answer cannot be due before the forum was held.")))
        }
        guard errors.isEmpty, let due else { return .failure(FieldErrors(errors: errors)) }
        return .success(ForumQuestion(text: text, agency: agency, due: due))
    }
}

/// The agency's answer, given back to the children.
public struct ForumAnswerDraft: Equatable, Sendable {
    public var answer = ""
    public var answeredOn = ""

    public init() {}

    public struct ValidAnswer: Equatable, Sendable {
        public var answer: String
        public var answeredOn: String
    }

    public func validate(today: (year: Int, month: Int, day: Int)) -> Result<ValidAnswer, FieldErrors> {
        var errors: [FieldError] = []
        let answer = VietnameseText.normalized(self.answer)
        if answer.isEmpty {
            errors.append(
                FieldError(
                    field: "answer", code: "answer_required",
                    message: LocalizedText(
                        vi: "Ghi nội dung trả lời để báo lại cho trẻ em.",
                        en: "Write the answer so that it can be given back to the children.")))
        }
        let day = RecordDate.parse(answeredOn, field: "answeredOn", required: true, today: today, errors: &errors)
        guard errors.isEmpty, let day else { return .failure(FieldErrors(errors: errors)) }
        return .success(ValidAnswer(answer: answer, answeredOn: day))
    }
}
