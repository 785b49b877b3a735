import Fluent
import Foundation
import SQLKit
import TreDomain

/// Opening cases from reports and taking their steps: each in one transaction with its audit entry.
struct CaseService {
    let database: any Database
    let principal: Principal
    let actor: AuditActor

    static let staleCase = TreError(
        status: .conflict, code: "stale_case",
        message: LocalizedText(
            vi: "Vụ việc vừa được người khác cập nhật. Hãy tải lại trang để xem và làm lại bước này.",
            en: "Someone else has just updated this case. Reload the page to see it and take this step again."))
    static let unknownChild = TreError(
        status: .unprocessableEntity, code: "unknown_child",
        message: LocalizedText(
            vi: "Không tìm thấy trẻ được chọn trong sổ theo dõi.", en: "A chosen child is not in the registry."))
    static let movedOn = TreError(
        status: .conflict, code: "moved_on",
        message: LocalizedText(
            vi: "Vụ việc đã sang bước sau; không sửa được bước này nữa. Hãy tải lại trang.",
            en: "The case has moved on; this step can no longer be corrected. Reload the page."))
    static let unknownCommune = TreError(
        status: .unprocessableEntity, code: "unknown_commune",
        message: LocalizedText(vi: "Không có xã với mã này.", en: "There is no commune with this code."))

    /// Saves the report (Mẫu 01) and opens its case in the commune where it happened, with its clock running.
    func open(_ draft: ReportDraft, now: Date = Date()) async throws -> ProtectionCase {
        let report = try draft.validated(now: now)
        guard let commune = try await UnitQueries.commune(code: report.communeCode, on: database) else {
            throw Self.unknownCommune
        }
        try await IndicatorLocks.ensureOpen(
            communeCode: commune.code, day: VietnamDay.containing(report.receivedAt), on: database)
        return try await database.writeTransaction { database in
            for childID in report.childIDs {
                // Children are linked only from the reporter's own registry view.
                guard try await ChildQueries.find(childID, in: principal.jurisdiction, on: database) != nil else {
                    throw Self.unknownChild
                }
            }
            let saved = AbuseReport(
                report, provinceCode: commune.provinceCode, communeCode: commune.code, receivedBy: principal.userID)
            try await saved.create(on: database)

            let opened = try ProtectionCase(opening: saved)
            let year = VietnamDay.containing(report.receivedAt).year
            opened.numberYear = year
            opened.numberSequence = try await CaseNumberCounter.next(
                communeCode: commune.code, year: year, on: database)
            opened.updateDeadline(clock: try await DayOff.clock(on: database))
            try await opened.create(on: database)
            let caseID = try opened.requireID()
            var linked = report.childIDs
            // Minimal records of children not yet registered, in the commune's registry (where its
            // officer completes them); the reporter's own jurisdiction does not limit where that is.
            let registrar = ChildService(
                database: database,
                principal: Principal(
                    userID: principal.userID, username: principal.username, fullName: principal.fullName,
                    role: .communeOfficer,
                    jurisdiction: .commune(provinceCode: commune.provinceCode, communeCode: commune.code),
                    mustChangePassword: false),
                actor: actor)
            for var child in draft.newChildren {
                child.communeCode = commune.code
                linked.append(try await registrar.create(child).requireID())
            }
            for childID in linked {
                try await CaseChild(caseID: caseID, childID: childID).create(on: database)
            }
            // The commune that must act hears of it at once, not only when its inbox is next opened.
            try await CaseNotification.tell(
                try await CaseNotification.recipients(of: opened, includingProvince: false, on: database),
                about: caseID, kind: "new_case",
                LocalizedText(
                    vi: "Tin báo mới cần xử lý — vụ việc tại \(commune.name).",
                    en: "A new report to act on — case in \(commune.name)."),
                on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "case.opened", recordType: "case", recordID: caseID.uuidString,
                    jurisdiction: opened.jurisdiction,
                    details: "number=\(opened.number) channel=\(report.channel.rawValue) children=\(linked.count)"),
                by: actor, on: database)
            return opened
        }
    }

    /// Takes one step of the procedure on the version of the case the person saw.
    func take(_ step: CaseStep, on caseID: UUID, seenVersion: Int?, now: Date = Date()) async throws
        -> ProtectionCase
    {
        try await database.writeTransaction { database in
            let found = try await seen(caseID, version: seenVersion, on: database)
            let next = try CaseWorkflow.apply(
                step, to: found.facts, by: CaseActor(role: principal.role, jurisdiction: principal.jurisdiction))
            found.record(step, leadingTo: next, now: now)
            try await save(found, now: now, on: database)
            try await record(step, on: found, statusAfter: next, on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "case.\(step.name)", recordType: "case", recordID: caseID.uuidString,
                    jurisdiction: found.jurisdiction, details: "status=\(next.rawValue)"),
                by: actor, on: database)
            return found
        }
    }

    /// Corrects the step that brought the case where it is, with a reason, while no later step was recorded.
    /// The corrected record is kept as it was; the correction is a new record naming it.
    func correct(_ step: CaseStep, on caseID: UUID, reason: String, seenVersion: Int?, now: Date = Date())
        async throws -> ProtectionCase
    {
        try await database.writeTransaction { database in
            let found = try await seen(caseID, version: seenVersion, on: database)
            let latest = try await CaseStepRecord.query(on: database).filter(\.$caseID == caseID)
                .sort(\.$createdAt, .descending).first()
            guard let latest, latest.step == step.name else { throw Self.movedOn }
            let status = try CaseWorkflow.correct(
                step, of: found.facts, by: CaseActor(role: principal.role, jurisdiction: principal.jurisdiction),
                reason: reason)
            let submitted = found.planSubmittedAt
            found.record(step, leadingTo: status, now: now)
            found.planSubmittedAt = submitted  // a corrected plan keeps the approval clock it started
            try await save(found, now: now, on: database)
            try await record(
                step, on: found, statusAfter: status, correcting: latest,
                reason: VietnameseText.normalized(reason), on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "case.corrected", recordType: "case", recordID: caseID.uuidString,
                    jurisdiction: found.jurisdiction, details: "step=\(step.name)"),
                by: actor, on: database)
            return found
        }
    }

    /// The case in the writer's reach, at the version the person saw.
    private func seen(_ caseID: UUID, version: Int?, on database: any Database) async throws -> ProtectionCase {
        guard let found = try await CaseQueries.find(caseID, in: principal.jurisdiction, on: database) else {
            throw TreError.notFound
        }
        if let version, version != found.version { throw Self.staleCase }
        return found
    }

    /// Writes the case's facts and its new clock, if nobody changed it since it was read.
    private func save(_ found: ProtectionCase, now: Date, on database: any Database) async throws {
        found.updateDeadline(clock: try await DayOff.clock(on: database))
        found.escalatedAt = nil
        // The version check and the update are one statement: of two officers, one wins.
        let previous = found.version
        found.version = previous + 1
        let changed = try await database.sql().update(ProtectionCase.schema)
            .set("status", to: found.status)
            .set("serious_threat", to: found.seriousThreat)
            .set("risk", to: found.risk)
            .set("plan_submitted_at", to: found.planSubmittedAt)
            .set("separation_end", to: found.separationEnd)
            .set("next_deadline_kind", to: found.nextDeadlineKind)
            .set("next_deadline_at", to: found.nextDeadlineAt)
            .set("version", to: found.version)
            .set("escalated_at", to: Date?.none)  // a new clock runs; its own passing is escalated anew
            .set("updated_at", to: now)
            .where("id", .equal, try found.requireID()).where("version", .equal, previous)
            .returning("id").all()
        guard changed.count == 1 else { throw Self.staleCase }
    }

    private func record(
        _ step: CaseStep, on found: ProtectionCase, statusAfter: CaseStatus, correcting earlier: CaseStepRecord? = nil,
        reason: String? = nil, on database: any Database
    ) async throws {
        let record = CaseStepRecord()
        record.caseID = try found.requireID()
        record.step = step.name
        record.statusAfter = statusAfter.rawValue
        record.content = try CaseStepContent.encode(step)
        record.actorID = principal.userID
        record.actorName = principal.fullName
        record.correctsID = earlier?.id
        record.correctionReason = reason
        try await record.create(on: database)
    }
}

/// A step's form content as stored JSON.
enum CaseStepContent {
    static func encode(_ step: CaseStep) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data =
            switch step {
            case .initialAssessment(let value): try encoder.encode(value)
            case .emergencyMeasures(let value): try encoder.encode(value)
            case .detailedAssessment(let value): try encoder.encode(value)
            case .conference(let value): try encoder.encode(value)
            case .plan(let items): try encoder.encode(items)
            case .approval(let note), .closure(let note): try encoder.encode(["note": note])
            case .implementation: Data("{}".utf8)
            case .review(let value): try encoder.encode(value)
            }
        return String(decoding: data, as: UTF8.self)
    }
}

extension AbuseReport {
    /// The report as saved, in the commune where it happened.
    convenience init(_ report: ValidReport, provinceCode: Int, communeCode: Int, receivedBy: UUID) {
        self.init()
        id = UUID()
        channel = report.channel.rawValue
        receivedAt = report.receivedAt
        anonymous = report.anonymous
        reporterName = report.reporterName
        reporterPhone = report.reporterPhone
        reporterAgreesToContact = report.reporterAgreesToContact
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        abuseForms = report.abuseForms.map(\.rawValue).joined(separator: ",")
        abuserIsCarer = report.abuserIsCarer
        description = report.description
        self.receivedBy = receivedBy
    }
}

extension ProtectionCase {
    /// A case just opened from its saved report, in the report's commune, at its first version; its clock is
    /// set by `updateDeadline`.
    convenience init(opening report: AbuseReport) throws {
        self.init()
        id = UUID()
        reportID = try report.requireID()
        provinceCode = report.provinceCode
        communeCode = report.communeCode
        status = CaseStatus.received.rawValue
        abuserIsCarer = report.abuserIsCarer
        receivedAt = report.receivedAt
        version = 1
    }

    /// What a step changes in the case's own facts, besides its status.
    func record(_ step: CaseStep, leadingTo next: CaseStatus, now: Date) {
        status = next.rawValue
        switch step {
        case .initialAssessment(let assessment):
            seriousThreat = assessment.seriousThreat
            risk = assessment.risk.rawValue
        case .emergencyMeasures(let measures):
            if let separation = measures.separation { separationEnd = separation.end.description }
        case .detailedAssessment(let assessment):
            risk = assessment.risk.rawValue
        case .plan:
            planSubmittedAt = now
        case .closure:
            separationEnd = nil
        case .conference, .approval, .implementation, .review:
            break
        }
    }
}
