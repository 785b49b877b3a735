import Fluent
import Foundation
import TreDomain

extension ChildService {
    /// Adds a group of special circumstances to a child's record.
    func addCircumstance(to child: Child, _ draft: CircumstanceDraft) async throws -> ChildCircumstance {
        let subgroups = try await CircumstanceSubgroupRecord.all(on: database)
        let valid = try draft.validate(subgroups: subgroups, today: ChildAge.todayInVietnam()).get()
        let circumstance = ChildCircumstance(childID: try child.requireID(), valid)
        if let start = CivilDate(iso: valid.startDate) {
            try await IndicatorLocks.ensureOpen(communeCode: child.communeCode, day: start, on: database)
        }
        try await database.writeTransaction { database in
            try await circumstance.create(on: database)
            try await AuditLog.record(
                event(child, "child.circumstance_added", details: "group=\(valid.groupCode).\(valid.subgroupNumber)"),
                by: actor, on: database)
        }
        return circumstance
    }

    /// Closes a membership on a date (the child no longer is in that situation); the record stays.
    func endCircumstance(_ circumstance: ChildCircumstance, of child: Child, on text: String) async throws {
        var draft = CircumstanceDraft()
        draft.groupCode = circumstance.groupCode
        draft.subgroupNumber = String(circumstance.subgroupNumber)
        draft.startDate = circumstance.startDate
        draft.endDate = text
        draft.reviewDate = circumstance.reviewDate ?? ""
        draft.evidence = circumstance.evidence
        let subgroups = try await CircumstanceSubgroupRecord.all(on: database)
        let valid = try draft.validate(subgroups: subgroups, today: ChildAge.todayInVietnam()).get()
        guard let endDate = valid.endDate else {
            throw FieldErrors(errors: [
                FieldError(
                    field: "endDate", code: "date_required",
                    message: LocalizedText(vi: "Nhập ngày.", en: "Enter the date."))
            ])
        }
        circumstance.endDate = endDate
        try await database.writeTransaction { database in
            try await circumstance.update(on: database)
            try await AuditLog.record(
                event(
                    child, "child.circumstance_ended",
                    details: "group=\(circumstance.groupCode).\(circumstance.subgroupNumber)"),
                by: actor, on: database)
        }
    }

    /// Records support the child received.
    func recordSupport(for child: Child, _ draft: SupportDraft) async throws -> ChildSupport {
        let valid = try draft.validate(today: ChildAge.todayInVietnam()).get()
        let support = ChildSupport(childID: try child.requireID(), valid)
        if let day = CivilDate(iso: valid.date) {
            try await IndicatorLocks.ensureOpen(communeCode: child.communeCode, day: day, on: database)
        }
        try await database.writeTransaction { database in
            try await support.create(on: database)
            try await AuditLog.record(
                event(child, "child.support_recorded", details: "kind=\(valid.kind.rawValue)"), by: actor, on: database)
        }
        return support
    }
}

/// A child's circumstances and supports, newest first.
enum ChildHistoryQueries {
    static func circumstances(of child: Child, on database: any Database) async throws -> [ChildCircumstance] {
        try await ChildCircumstance.query(on: database).filter(\.$child.$id == child.requireID())
            .sort(\.$startDate, .descending).all()
    }

    static func supports(of child: Child, on database: any Database) async throws -> [ChildSupport] {
        try await ChildSupport.query(on: database).filter(\.$child.$id == child.requireID()).sort(\.$date, .descending)
            .all()
    }
}
