import Fluent
import Foundation
import TreDomain

/// Recording children's accidents and injuries: checked by the domain's rules, kept inside the
/// recorder's jurisdiction, refused in an approved (locked) period, and saved with its audit entry.
struct InjuryService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    /// Records an injury; with `childID`, of a registered child the recorder may see (its commune is the
    /// default place, and its sex and birth date count in the figures).
    func record(_ draft: InjuryDraft, childID: UUID?) async throws -> ChildInjuryRecord {
        var draft = draft
        var child: Child?
        if let childID {
            guard let found = try await ChildQueries.find(childID, in: principal.jurisdiction, on: database) else {
                throw Self.unknownChild
            }
            child = found
            draft.childKnown = true
            if draft.communeCode == nil { draft.communeCode = found.communeCode }
        }
        let valid = try draft.validate(today: ChildAge.todayInVietnam()).get()
        guard let commune = try await UnitQueries.commune(code: valid.communeCode, on: database) else {
            throw JurisdictionError.unknownCommune
        }
        guard principal.jurisdiction.contains(provinceCode: commune.provinceCode, communeCode: commune.code) else {
            throw JurisdictionError.outsideJurisdiction
        }
        if let day = CivilDate(iso: valid.date) {
            try await IndicatorLocks.ensureOpen(communeCode: commune.code, day: day, on: database)
        }
        let record = ChildInjuryRecord(
            valid, provinceCode: commune.provinceCode, childID: childID, recordedBy: principal.userID)
        record.id = UUID()
        let injuredChild = child
        try await database.writeTransaction { database in
            try await record.create(on: database)
            let details = "cause=\(valid.cause.rawValue);outcome=\(valid.outcome.rawValue)"
            var events = [
                AuditEvent(
                    action: "injury.recorded", recordType: "injury", recordID: record.id?.uuidString,
                    jurisdiction: record.jurisdiction, details: details)
            ]
            if let child = injuredChild {
                events.append(
                    AuditEvent(
                        action: "child.injury_recorded", recordType: "child", recordID: child.id?.uuidString,
                        jurisdiction: child.jurisdiction, details: details))
            }
            try await AuditLog.record(events, by: actor, on: database)
        }
        return record
    }

    static let unknownChild = TreError(
        status: .notFound, code: "child_not_found",
        message: LocalizedText(
            vi: "Không tìm thấy trẻ này trong hồ sơ bạn được xem.",
            en: "This child is not among the records you may see."))
}
