import Fluent
import Foundation
import TreDomain

/// Recording inspections, the registered children found there and the follow-up carried out, inside the
/// writer's jurisdiction and audited (on the child's history too).
struct InspectionService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    /// Records an inspection under `id` (given by the page, which sends the browser to it once saved).
    func record(_ draft: InspectionDraft, communeCode: Int?, id: UUID = UUID()) async throws -> InspectionRecord {
        let valid = try draft.validate(today: ChildAge.todayInVietnam()).get()
        let commune = try await CommuneScope.commune(communeCode, for: principal, on: database)
        let record = InspectionRecord(
            valid, provinceCode: commune.provinceCode, communeCode: commune.code, recordedBy: principal.userID)
        record.id = id
        try await CommuneScope.save(
            record, action: "inspection.recorded",
            details: "place=\(valid.placeKind.rawValue);violations=\(valid.violations)", by: actor, on: database)
        return record
    }

    /// Links a registered child the principal may see; linking twice changes nothing.
    func link(child id: UUID?, to inspection: InspectionRecord) async throws {
        guard let id, let child = try await ChildQueries.find(id, in: principal.jurisdiction, on: database) else {
            throw InjuryService.unknownChild
        }
        let inspectionID = try inspection.requireID()
        let existing = try await InspectionChildRecord.query(on: database)
            .filter(\.$inspection.$id == inspectionID).filter(\.$child.$id == id).first()
        guard existing == nil else { return }
        let link = InspectionChildRecord()
        link.$inspection.id = inspectionID
        link.$child.id = id
        try await database.writeTransaction { database in
            try await link.create(on: database)
            try await AuditLog.record(
                [
                    AuditEvent(
                        action: "inspection.child_linked", recordType: "inspection",
                        recordID: inspectionID.uuidString, jurisdiction: inspection.jurisdiction,
                        details: "child=\(id.uuidString)"),
                    AuditEvent(
                        action: "child.found_at_inspection", recordType: "child", recordID: id.uuidString,
                        jurisdiction: child.jurisdiction, details: "inspection=\(inspectionID.uuidString)"),
                ], by: actor, on: database)
        }
    }

    func followUpDone(_ inspection: InspectionRecord, on day: String) async throws {
        guard inspection.followUpDue != nil else { throw Self.noFollowUp }
        inspection.followUpDoneOn = try DueStatus.doneDay(
            day, field: "followUpDoneOn", today: ChildAge.todayInVietnam()
        ).get()
        try await CommuneScope.save(
            inspection, action: "inspection.follow_up_done", details: "on=\(inspection.followUpDoneOn ?? "")",
            by: actor, on: database)
    }

    static let noFollowUp = TreError(
        status: .conflict, code: "no_follow_up",
        message: LocalizedText(
            vi: "Lần kiểm tra này không có biện pháp khắc phục nào để ghi nhận.",
            en: "This inspection has no follow-up to record."))
}
