import Fluent
import Foundation
import TreDomain

/// An administrator's changes to the criteria set in force: weights, and their confirmation against the
/// decision's text. A set that has already decided an assessment is never changed in place: the change is
/// saved as the next version, and only the assessments not yet decided move to it.
struct CriteriaSetService: Sendable {
    var database: any Database
    var actor: AuditActor

    struct WeightChange: Sendable {
        var points: String
        var confirmed: Bool
    }

    static let decided = [AssessmentStatus.recognised.rawValue, AssessmentStatus.notRecognised.rawValue]

    /// Changes weights, their confirmation and the thresholds of the set in force.
    @discardableResult
    func update(_ changes: [Int: WeightChange], thresholds: [CommuneCategory: String] = [:]) async throws
        -> CriteriaSet
    {
        let (setID, current) = try await ChildFriendlyService.currentSet(on: database)
        var set = current
        var problems: [LocalizedText] = []
        for index in set.criteria.indices {
            let number = set.criteria[index].number
            guard let change = changes[number] else { continue }
            guard let points = Int(change.points.trimmingCharacters(in: .whitespaces)) else {
                problems.append(
                    LocalizedText(
                        vi: "Tiêu chí \(number): điểm chuẩn phải là số nguyên từ 1 đến 1000.",
                        en: "Criterion \(number): the weight must be a whole number from 1 to 1000."))
                continue
            }
            set.criteria[index].maxPoints = points
            set.criteria[index].weightConfirmed = change.confirmed
        }
        for (category, text) in thresholds {
            set.thresholds[category] = Int(text.trimmingCharacters(in: .whitespaces)) ?? 0
        }
        problems += set.definitionProblems.filter { !problems.contains($0) }
        if !problems.isEmpty { throw ChildFriendlyError.problems(problems) }
        guard set != current else { return set }
        try await store(set, replacing: setID, newVersionOnlyIfDecided: true)
        return set
    }

    /// Loads the set of a new decision, written as the JSON document `GET /child-friendly/criteria.json`
    /// gives: it becomes the next version, and assessments not yet decided move to it.
    @discardableResult
    func load(document: String) async throws -> CriteriaSet {
        let (setID, current) = try await ChildFriendlyService.currentSet(on: database)
        guard var set = try? JSONDecoder().decode(CriteriaSet.self, from: Data(document.utf8)) else {
            throw ChildFriendlyError.problems([
                LocalizedText(
                    vi: "Không đọc được bộ tiêu chí: hãy dùng đúng mẫu JSON tải về từ trang này.",
                    en: "The criteria set cannot be read: use the JSON template downloaded from this page.")
            ])
        }
        let problems = set.definitionProblems
        if !problems.isEmpty { throw ChildFriendlyError.problems(problems) }
        let latest = try await CriteriaSetRecord.query(on: database).max(\.$version) ?? current.version
        set.version = latest + 1
        try await store(set, replacing: setID, newVersionOnlyIfDecided: false)
        return set
    }

    /// Saves a changed set: in place while nothing was decided against it (and the caller allows), else as
    /// a new version that the undecided assessments move to.
    private func store(_ set: CriteriaSet, replacing setID: UUID, newVersionOnlyIfDecided: Bool) async throws {
        let changed = set
        let auditActor = actor
        try await database.writeTransaction { database in
            let decidedCount = try await FriendlyAssessmentRecord.query(on: database).filter(\.$setID == setID)
                .filter(\.$status ~~ Self.decided).count()
            let saved: CriteriaSetRecord
            if decidedCount == 0 && newVersionOnlyIfDecided {
                guard let record = try await CriteriaSetRecord.find(setID, on: database) else {
                    throw TreError.notFound
                }
                record.document = try CriteriaSetRecord(changed).document
                try await record.save(on: database)
                saved = record
            } else {
                var next = changed
                if newVersionOnlyIfDecided {
                    next.version = (try await CriteriaSetRecord.query(on: database).max(\.$version) ?? 0) + 1
                }
                saved = try CriteriaSetRecord(next)
                try await saved.create(on: database)
                try await FriendlyAssessmentRecord.query(on: database).filter(\.$setID == setID)
                    .filter(\.$status !~ Self.decided).set(\.$setID, to: try saved.requireID()).update()
            }
            let weights = changed.criteria.map { "\($0.number)=\($0.maxPoints)\($0.weightConfirmed ? "" : "?")" }
            let thresholds = CommuneCategory.allCases.map { "\($0.rawValue)=\(changed.thresholds[$0] ?? 0)" }
            try await AuditLog.record(
                [
                    AuditEvent(
                        action: "criteria_set.updated", recordType: "criteria_set", recordID: saved.id?.uuidString,
                        jurisdiction: .nation,
                        details:
                            "code=\(changed.code);version=\(saved.version);weights=\(weights.joined(separator: ","));"
                            + "thresholds=\(thresholds.joined(separator: ","))")
                ], by: auditActor, on: database)
        }
    }
}
