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

    @discardableResult
    func update(_ changes: [Int: WeightChange]) async throws -> CriteriaSet {
        let (setID, current) = try await ChildFriendlyService.currentSet(on: database)
        var set = current
        var problems: [LocalizedText] = []
        for index in set.criteria.indices {
            let number = set.criteria[index].number
            guard let change = changes[number] else { continue }
            guard let points = Int(change.points.trimmingCharacters(in: .whitespaces)), (1...1000).contains(points)
            else {
                problems.append(
                    LocalizedText(
                        vi: "Tiêu chí \(number): điểm chuẩn phải là số nguyên từ 1 đến 1000.",
                        en: "Criterion \(number): the weight must be a whole number from 1 to 1000."))
                continue
            }
            set.criteria[index].maxPoints = points
            set.criteria[index].weightConfirmed = change.confirmed
        }
        if !problems.isEmpty { throw ChildFriendlyError.problems(problems) }
        guard set != current else { return set }
        let changed = set
        let auditActor = actor
        try await database.writeTransaction { database in
            let decidedCount = try await FriendlyAssessmentRecord.query(on: database).filter(\.$setID == setID)
                .filter(\.$status ~~ Self.decided).count()
            let saved: CriteriaSetRecord
            if decidedCount == 0 {
                guard let record = try await CriteriaSetRecord.find(setID, on: database) else {
                    throw TreError.notFound
                }
                record.document = try CriteriaSetRecord(changed).document
                try await record.save(on: database)
                saved = record
            } else {
                var next = changed
                next.version = current.version + 1
                saved = try CriteriaSetRecord(next)
                try await saved.create(on: database)
                try await FriendlyAssessmentRecord.query(on: database).filter(\.$setID == setID)
                    .filter(\.$status !~ Self.decided).set(\.$setID, to: try saved.requireID()).update()
            }
            let weights = changed.criteria.map { "\($0.number)=\($0.maxPoints)\($0.weightConfirmed ? "" : "?")" }
            try await AuditLog.record(
                [
                    AuditEvent(
                        action: "criteria_set.updated", recordType: "criteria_set", recordID: saved.id?.uuidString,
                        jurisdiction: .nation,
                        details:
                            "code=\(changed.code);version=\(saved.version);weights=\(weights.joined(separator: ","))")
                ], by: auditActor, on: database)
        }
        return changed
    }
}
