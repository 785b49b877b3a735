import Fluent
import Foundation
import TreDomain

/// What a commune types into its self-assessment: per criterion, the figure, a reason when it differs
/// from Tre's, points, met or not, and a note on the evidence kept.
struct AssessmentEntry: Sendable {
    var reportedFigure: String?
    var overrideReason = ""
    var points: String = ""
    var met: String = ""
    var evidenceNote = ""
}

/// What the province decides on a submitted self-assessment, with its per-item appraisal.
struct AppraisalEntry: Sendable {
    var points: String = ""
    var met: String = ""
    var comment = ""
}

enum AppraisalDecision: Sendable {
    case keepAppraising
    case returnToCommune(comment: String)
    case recognise(decisionNumber: String, decisionDate: String)
    case refuse(comment: String)
}

/// A commune's self-assessment for a year, as stored or as it would start (pre-filled, not yet saved).
struct LoadedAssessment: Sendable {
    var commune: Commune
    var set: CriteriaSet
    var setID: UUID
    var record: FriendlyAssessmentRecord?
    var items: [AssessmentItem]
    var status: AssessmentStatus { record?.assessmentStatus ?? .draft }
    var category: CommuneCategory { record?.communeCategory ?? .other }
    var result: RecognitionResult {
        RecognitionRule.evaluate(set, category: category, scores: items.compactMap(\.score))
    }
}

/// The child-friendly commune procedure: the commune fills in and the chairperson submits; the province
/// appraises item by item, returns with comments, recognises or refuses. Every step is audited and kept
/// in the assessment's history.
struct ChildFriendlyService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    /// The set new assessments use: the latest version loaded.
    static func currentSet(on database: any Database) async throws -> (id: UUID, set: CriteriaSet) {
        guard
            let record = try await CriteriaSetRecord.query(on: database).sort(\.$version, .descending)
                .sort(\.$createdAt, .descending).first()
        else { throw TreError.notFound }
        return (try record.requireID(), try record.criteriaSet())
    }

    func load(communeCode: Int, year: Int) async throws -> LoadedAssessment {
        guard let commune = try await UnitQueries.commune(code: communeCode, on: database),
            principal.jurisdiction.contains(provinceCode: commune.provinceCode, communeCode: commune.code)
        else { throw TreError.notFound }
        if let record = try await FriendlyAssessmentRecord.query(on: database)
            .filter(\.$communeCode == communeCode).filter(\.$year == year).first(),
            let setRecord = try await CriteriaSetRecord.find(record.setID, on: database)
        {
            return LoadedAssessment(
                commune: commune, set: try setRecord.criteriaSet(), setID: record.setID, record: record,
                items: try record.decodedItems())
        }
        let (setID, set) = try await Self.currentSet(on: database)
        let items = try await AssessmentPrefill.items(
            for: set, communeCode: commune.code, provinceCode: commune.provinceCode, year: year, on: database)
        return LoadedAssessment(commune: commune, set: set, setID: setID, record: nil, items: items)
    }

    func history(of record: FriendlyAssessmentRecord?) async throws -> [FriendlyAssessmentEventRecord] {
        guard let id = record?.id else { return [] }
        return try await FriendlyAssessmentEventRecord.query(on: database).filter(\.$assessmentID == id)
            .sort(\.$createdAt).all()
    }

    /// Saves the commune's entries; with `submit`, checks that nothing mandatory is empty and sends it on.
    @discardableResult
    func save(
        communeCode: Int, year: Int, category: String, entries: [Int: AssessmentEntry], submit: Bool
    ) async throws -> FriendlyAssessmentRecord {
        guard principal.jurisdiction.level == .commune else { throw ChildFriendlyError.communeOnly }
        if submit && principal.role != .communeChair { throw ChildFriendlyError.chairSubmits }
        var loaded = try await load(communeCode: communeCode, year: year)
        guard loaded.status.editableByCommune else { throw ChildFriendlyError.notEditable }
        guard let chosenCategory = CommuneCategory(rawValue: category) else { throw ChildFriendlyError.category }
        var problems: [LocalizedText] = []
        for index in loaded.items.indices {
            let number = loaded.items[index].number
            guard let entry = entries[number] else { continue }
            if let figure = entry.reportedFigure {
                loaded.items[index].reportedFigure = VietnameseText.normalized(figure)
            }
            loaded.items[index].overrideReason = VietnameseText.normalized(entry.overrideReason)
            loaded.items[index].evidenceNote = VietnameseText.normalized(entry.evidenceNote)
            let points = entry.points.trimmingCharacters(in: .whitespaces)
            if points.isEmpty {
                loaded.items[index].points = nil
            } else if let value = Int(points) {
                loaded.items[index].points = value
            } else {
                problems.append(ChildFriendlyError.pointsNotANumber(number))
            }
            loaded.items[index].met = Self.metChoice(entry.met)
        }
        if submit {
            problems += SelfAssessmentRules.submissionProblems(loaded.items, against: loaded.set).map(\.message)
        }
        if !problems.isEmpty { throw ChildFriendlyError.problems(problems) }
        let status: AssessmentStatus = submit ? .submitted : loaded.status
        let record = loaded.record ?? FriendlyAssessmentRecord()
        if record.id == nil {
            record.id = UUID()
            record.setID = loaded.setID
            record.provinceCode = loaded.commune.provinceCode
            record.communeCode = loaded.commune.code
            record.year = year
        }
        record.category = chosenCategory.rawValue
        record.status = status.rawValue
        try record.setItems(loaded.items)
        record.total =
            RecognitionRule.evaluate(
                loaded.set, category: chosenCategory, scores: loaded.items.compactMap(\.score)
            ).total
        try await write(record, action: submit ? "submitted" : "saved", status: status, comment: "")
        return record
    }

    /// The province's appraisal: scores per item, then return, recognise, refuse, or keep working.
    @discardableResult
    func appraise(
        communeCode: Int, year: Int, entries: [Int: AppraisalEntry], decision: AppraisalDecision
    ) async throws -> FriendlyAssessmentRecord {
        var loaded = try await load(communeCode: communeCode, year: year)
        // The set says who appraises (Decision 06: the province).
        guard principal.role == loaded.set.appraiserRole else { throw ChildFriendlyError.appraiserOnly }
        guard let record = loaded.record, loaded.status == .submitted else { throw ChildFriendlyError.notSubmitted }
        var problems: [LocalizedText] = []
        for index in loaded.items.indices {
            let number = loaded.items[index].number
            guard let entry = entries[number] else { continue }
            let points = entry.points.trimmingCharacters(in: .whitespaces)
            if points.isEmpty {
                loaded.items[index].appraisedPoints = nil
            } else if let value = Int(points),
                let maximum = loaded.set.criterion(number)?.maxPoints, (0...maximum).contains(value)
            {
                loaded.items[index].appraisedPoints = value
            } else {
                problems.append(
                    SubmissionProblem.pointsOutOfRange(
                        criterion: number, maximum: loaded.set.criterion(number)?.maxPoints ?? 0
                    ).message)
            }
            loaded.items[index].appraisedMet = Self.metChoice(entry.met)
            loaded.items[index].appraisalComment = VietnameseText.normalized(entry.comment)
        }
        if !problems.isEmpty { throw ChildFriendlyError.problems(problems) }
        try record.setItems(loaded.items)
        let result = loaded.result
        record.total = result.total
        let status: AssessmentStatus
        let comment: String
        switch decision {
        case .keepAppraising:
            status = .submitted
            comment = ""
        case .returnToCommune(let text), .refuse(let text):
            comment = VietnameseText.normalized(text)
            guard !comment.isEmpty else { throw ChildFriendlyError.commentRequired }
            if case .refuse = decision { status = .notRecognised } else { status = .returned }
        case .recognise(let number, let date):
            guard principal.role == loaded.set.recogniserRole else { throw ChildFriendlyError.recogniserOnly }
            guard result.recognised else { throw ChildFriendlyError.problems(result.shortfalls.map(\.message)) }
            let decisionNumber = VietnameseText.normalized(number)
            guard !decisionNumber.isEmpty,
                let day = SelfAssessmentRules.decisionDate(date, today: ChildAge.todayInVietnam())
            else { throw ChildFriendlyError.decisionRequired }
            record.decisionNumber = decisionNumber
            record.decisionDate = day
            status = .recognised
            comment = decisionNumber
        }
        record.status = status.rawValue
        let action =
            switch status {
            case .returned: "returned"
            case .recognised: "recognised"
            case .notRecognised: "refused"
            default: "appraised"
            }
        try await write(record, action: action, status: status, comment: comment)
        return record
    }

    /// The form's "met" choice: yes, no, or not chosen yet.
    private static func metChoice(_ text: String) -> Bool? { text == "yes" ? true : text == "no" ? false : nil }

    private func write(
        _ record: FriendlyAssessmentRecord, action: String, status: AssessmentStatus, comment: String
    ) async throws {
        let username = principal.username
        let auditActor = actor
        try await database.writeTransaction { database in
            try await record.save(on: database)
            let id = try record.requireID()
            try await FriendlyAssessmentEventRecord(
                assessmentID: id, action: action, status: status, username: username, comment: comment
            ).create(on: database)
            try await AuditLog.record(
                [
                    AuditEvent(
                        action: "child_friendly.\(action)", recordType: "friendly_assessment",
                        recordID: id.uuidString, jurisdiction: record.jurisdiction,
                        details: "year=\(record.year);status=\(status.rawValue);total=\(record.total)")
                ], by: auditActor, on: database)
        }
    }
}

enum ChildFriendlyError {
    static let evidenceMissing = TreError(
        status: .unprocessableEntity, code: "evidence_missing",
        message: LocalizedText(vi: "Chọn tiêu chí và tệp cần đính kèm.", en: "Choose a criterion and a file."))
    static let communeOnly = TreError(
        status: .forbidden, code: "commune_only",
        message: LocalizedText(
            vi: "Chỉ cán bộ của xã mới tự đánh giá được.",
            en: "Only the commune's own staff fill in its self-assessment."))
    static let chairSubmits = TreError(
        status: .forbidden, code: "chair_submits",
        message: LocalizedText(
            vi: "Chỉ Chủ tịch UBND xã được gửi bản tự đánh giá. Bạn có thể lưu bản nháp.",
            en: "Only the commune chairperson submits the self-assessment. You can save it as a draft."))
    static let notEditable = TreError(
        status: .conflict, code: "assessment_not_editable",
        message: LocalizedText(
            vi: "Bản tự đánh giá đã gửi hoặc đã có kết quả, không sửa được.",
            en: "The self-assessment has been submitted or decided and can no longer be changed."))
    static let category = TreError(
        status: .unprocessableEntity, code: "commune_category",
        message: LocalizedText(vi: "Hãy chọn loại xã.", en: "Choose the commune's category."))
    static let appraiserOnly = TreError(
        status: .forbidden, code: "appraiser_only",
        message: LocalizedText(
            vi: "Chỉ cán bộ cấp tỉnh được thẩm định.", en: "Only the provincial officer appraises."))
    static let recogniserOnly = TreError(
        status: .forbidden, code: "recogniser_only",
        message: LocalizedText(
            vi: "Bộ tiêu chí đang áp dụng giao việc công nhận cho vai trò khác.",
            en: "The criteria set in force gives recognition to another role."))
    static let notSubmitted = TreError(
        status: .conflict, code: "assessment_not_submitted",
        message: LocalizedText(
            vi: "Xã chưa gửi bản tự đánh giá nên chưa thẩm định được.",
            en: "The commune has not submitted its self-assessment, so it cannot be appraised."))
    static let commentRequired = TreError(
        status: .unprocessableEntity, code: "comment_required",
        message: LocalizedText(
            vi: "Hãy ghi ý kiến để xã biết cần bổ sung gì.", en: "Write a comment so the commune knows what to change.")
    )
    static let decisionRequired = TreError(
        status: .unprocessableEntity, code: "decision_required",
        message: LocalizedText(
            vi: "Hãy nhập số và ngày (dd/mm/yyyy) của quyết định công nhận.",
            en: "Enter the recognition decision's number and date (dd/mm/yyyy)."))

    static func pointsNotANumber(_ number: Int) -> LocalizedText {
        LocalizedText(
            vi: "Tiêu chí \(number): điểm phải là số nguyên.", en: "Criterion \(number): points must be a whole number."
        )
    }

    static func problems(_ messages: [LocalizedText]) -> TreError {
        TreError(
            status: .unprocessableEntity, code: "assessment_incomplete",
            message: LocalizedText(
                vi: messages.map(\.vi).joined(separator: " "), en: messages.map(\.en).joined(separator: " ")))
    }
}
