import Foundation

/// Where a commune's self-assessment stands. A returned one is edited and submitted again; recognition
/// and refusal end it.
public enum AssessmentStatus: String, CaseIterable, Codable, Sendable {
    case draft, submitted, returned, recognised
    case notRecognised = "not_recognised"

    public var label: LocalizedText {
        switch self {
        case .draft: LocalizedText(vi: "Đang tự đánh giá", en: "Draft")
        case .submitted: LocalizedText(vi: "Đã gửi, chờ thẩm định", en: "Submitted, awaiting appraisal")
        case .returned: LocalizedText(vi: "Trả lại để bổ sung", en: "Returned for changes")
        case .recognised: LocalizedText(vi: "Được công nhận", en: "Recognised")
        case .notRecognised: LocalizedText(vi: "Không được công nhận", en: "Not recognised")
        }
    }

    /// The commune may still change its scores.
    public var editableByCommune: Bool { self == .draft || self == .returned }
}

/// One criterion as the commune assesses it and the province appraises it.
public struct AssessmentItem: Codable, Equatable, Sendable {
    public var number: Int
    /// The figure Tre computed from its records when the form was opened, and how.
    public var computedFigure: String?
    public var computedHow: String?
    /// The figure the commune reports; it differs from the computed one only with a reason.
    public var reportedFigure: String
    public var overrideReason: String
    public var points: Int?
    public var met: Bool?
    public var evidenceNote: String
    /// The province's appraisal of this item.
    public var appraisedPoints: Int?
    public var appraisedMet: Bool?
    public var appraisalComment: String

    public init(number: Int, computedFigure: String? = nil, computedHow: String? = nil) {
        self.number = number
        self.computedFigure = computedFigure
        self.computedHow = computedHow
        self.reportedFigure = computedFigure ?? ""
        self.overrideReason = ""
        self.evidenceNote = ""
        self.appraisalComment = ""
    }

    public var overridesComputed: Bool {
        guard let computedFigure else { return false }
        return reportedFigure.trimmingCharacters(in: .whitespaces) != computedFigure
    }

    /// The score that counts: the province's once appraised, the commune's until then.
    public var score: CriterionScore? {
        guard let points = appraisedPoints ?? points, let met = appraisedMet ?? met else { return nil }
        return CriterionScore(number: number, points: points, met: met)
    }
}

/// What stops a self-assessment from being submitted.
public enum SubmissionProblem: Equatable, Sendable {
    case unscored(Int)
    case pointsOutOfRange(criterion: Int, maximum: Int)
    case overrideWithoutReason(Int)

    public var message: LocalizedText {
        switch self {
        case .unscored(let number):
            LocalizedText(
                vi: "Tiêu chí \(number): chưa nhập điểm hoặc chưa chọn đạt/không đạt.",
                en: "Criterion \(number): points or met/not met missing.")
        case .pointsOutOfRange(let number, let maximum):
            LocalizedText(
                vi: "Tiêu chí \(number): điểm phải từ 0 đến \(maximum).",
                en: "Criterion \(number): points must be from 0 to \(maximum).")
        case .overrideWithoutReason(let number):
            LocalizedText(
                vi: "Tiêu chí \(number): số liệu khác với số liệu Tre tính được, cần ghi lý do.",
                en: "Criterion \(number): the figure differs from the one Tre computed; give a reason.")
        }
    }
}

public enum SelfAssessmentRules {
    /// Every criterion scored within its points and met or not; every changed computed figure explained.
    public static func submissionProblems(_ items: [AssessmentItem], against set: CriteriaSet) -> [SubmissionProblem] {
        let byNumber = Dictionary(items.map { ($0.number, $0) }, uniquingKeysWith: { _, last in last })
        var problems: [SubmissionProblem] = []
        for criterion in set.criteria {
            guard let item = byNumber[criterion.number], let points = item.points, item.met != nil else {
                problems.append(.unscored(criterion.number))
                continue
            }
            if points < 0 || points > criterion.maxPoints {
                problems.append(.pointsOutOfRange(criterion: criterion.number, maximum: criterion.maxPoints))
            }
            if item.overridesComputed && item.overrideReason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(.overrideWithoutReason(criterion.number))
            }
        }
        return problems
    }

    /// A recognition decision's date as typed (dd/mm/yyyy), `yyyy-MM-dd`; nil when it is not a real day
    /// or lies in the future.
    public static func decisionDate(_ text: String, today: (year: Int, month: Int, day: Int)) -> String? {
        var errors: [FieldError] = []
        let date = RecordDate.parse(text, field: "decisionDate", required: true, today: today, errors: &errors)
        return errors.isEmpty ? date : nil
    }

    /// The year's status of a commune changes only along these steps.
    public static func allows(_ from: AssessmentStatus, to: AssessmentStatus) -> Bool {
        switch (from, to) {
        case (.draft, .submitted), (.returned, .submitted): true
        case (.submitted, .returned), (.submitted, .recognised), (.submitted, .notRecognised): true
        default: false
        }
    }
}
