import Fluent
import Foundation
import TreDomain

/// Recording inspections, the registered children found there and the follow-up carried out, inside the
/// writer's jurisdiction and audited (on the child's history too).
struct InspectionService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    func record(_ draft: InspectionDraft, communeCode: Int?) async throws -> InspectionRecord {
        let valid = try draft.validate(today: ChildAge.todayInVietnam()).get()
        let commune = try await CommuneScope.commune(communeCode, for: principal, on: database)
        let record = InspectionRecord(
            valid, provinceCode: commune.provinceCode, communeCode: commune.code, recordedBy: principal.userID)
        record.id = UUID()
        try await CommuneScope.save(
            record, action: "inspection.recorded",
            details: "place=\(valid.placeKind.rawValue);violations=\(valid.violations)", by: actor, on: database)
        return record
    }

    func find(_ id: UUID) async throws -> InspectionRecord? {
        try await CommuneScope.find(InspectionRecord.self, id, for: principal, on: database)
    }

    /// The registered children linked to the inspection that the principal may see.
    func children(of inspection: InspectionRecord) async throws -> [Child] {
        let ids = try await InspectionChildRecord.query(on: database)
            .filter(\.$inspection.$id == inspection.requireID()).all().map(\.$child.id)
        var children: [Child] = []
        for id in ids {
            if let child = try await ChildQueries.find(id, in: principal.jurisdiction, on: database) {
                children.append(child)
            }
        }
        return children
    }

    /// Links a registered child the principal may see; linking twice changes nothing.
    func link(child id: UUID, to inspection: InspectionRecord) async throws {
        guard let child = try await ChildQueries.find(id, in: principal.jurisdiction, on: database) else {
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

enum InspectionQueries {
    struct Filter: Sendable {
        var year: Int?
        var q: String = ""
        /// Only inspections whose follow-up is past due and not done.
        var overdue = false
        var withViolations = false

        var query: [String: String] {
            [
                "year": year.map(String.init) ?? "", "q": q, "overdue": overdue ? "1" : "",
                "violations": withViolations ? "1" : "",
            ].filter { !$0.value.isEmpty }
        }
    }

    static func matching(_ filter: Filter, in jurisdiction: Jurisdiction, on database: any Database) async throws
        -> QueryBuilder<InspectionRecord>
    {
        let query = CommuneScope.filter(
            InspectionRecord.query(on: database), to: jurisdiction, province: \.$provinceCode,
            commune: \.$communeCode)
        if let year = filter.year {
            let bounds = CommuneScope.yearBounds(year)
            query.filter(\.$date >= bounds.first).filter(\.$date <= bounds.last)
        }
        if filter.overdue {
            query.filter(\.$followUpDoneOn == nil).filter(\.$followUpDue < VietnamDay.containing(Date()).description)
        }
        if filter.withViolations { query.filter(\.$violations > 0) }
        if !filter.q.isEmpty {
            // The place's name or the commune's, accents, case and Đ ignored.
            let codes = try await CommuneScope.communeCodes(matching: filter.q, on: database)
            query.group(.or) {
                $0.filter(\.$communeCode ~~ codes)
                $0.filter(\.$placeNameFolded, .contains(inverse: false, .anywhere), VietnameseText.folded(filter.q))
            }
        }
        return query.sort(\.$date, .descending).sort(\.$id)
    }
}
