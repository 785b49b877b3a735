import Fluent
import Foundation
import TreDomain
import Vapor

/// `POST /api/v1/reports` (a hotline or police system sends a report and gets the case it opened),
/// `GET /api/v1/cases`, `GET /api/v1/cases/{id}` (audited) and one `POST` per step of the procedure.
struct CasesAPIController {
    static let stepNames = [
        "initial-assessment", "emergency-measures", "detailed-assessment", "case-conference", "plan", "approval",
        "implementation", "review", "closure",
    ]

    func register(_ api: any RoutesBuilder) {
        api.post("reports", access: .permission(.reportAbuse), use: report)
        api.get("cases", access: .permission(.viewCases), use: list)
        api.get("cases", ":id", access: .permission(.viewCases), use: show)
        for name in Self.stepNames {
            api.post("cases", ":id", .constant(name), access: .permission(.actOnCases)) { request in
                try await take(name, request)
            }
        }
        api.post("cases", ":id", "referrals", access: .permission(.actOnCases), use: refer)
        api.put("cases", ":id", "referrals", ":referral", access: .permission(.actOnCases), use: answerReferral)
        api.post("cases", ":id", "follow-ups", access: .permission(.actOnCases), use: recordVisit)
    }

    private func caseID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id", as: UUID.self) else { throw TreError.notFound }
        return id
    }

    private func service(_ request: Request) throws -> CaseService {
        CaseService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }

    @Sendable func refer(_ request: Request) async throws -> Response {
        let draft = try request.content.decode(ReferralDraft.self)
        let referral = try await service(request).refer(try caseID(request), draft)
        return try await ReferralDTO(referral).encodeResponse(status: .created, for: request)
    }

    @Sendable func answerReferral(_ request: Request) async throws -> ReferralDTO {
        struct Answer: Content {
            var status: ReferralStatus
            var reply: String?
        }
        guard let referral = request.parameters.get("referral", as: UUID.self) else { throw TreError.notFound }
        let answer = try request.content.decode(Answer.self)
        return try ReferralDTO(
            try await service(request).answerReferral(
                try caseID(request), referral: referral, status: answer.status, reply: answer.reply ?? ""))
    }

    @Sendable func recordVisit(_ request: Request) async throws -> Response {
        let draft = try request.content.decode(FollowUpDraft.self)
        let visit = try await service(request).recordVisit(try caseID(request), draft)
        return try await FollowUpDTO(visit).encodeResponse(status: .created, for: request)
    }

    struct ReportRequest: Content {
        var channel: String
        var receivedAt: Date?
        var anonymous: Bool?
        var reporterName: String?
        var reporterPhone: String?
        var reporterAgreesToContact: Bool?
        var communeCode: Int?
        var childIds: [UUID]?
        var abuseForms: [String]
        var abuserIsCarer: Bool?
        var description: String
        var newChildren: [NewChild]?
    }

    /// A child not yet in the registry, as a caller knows them.
    struct NewChild: Content {
        var fullName: String
        var sex: String
        var birthYear: Int?
        var dateOfBirth: String?

        var draft: ChildDraft {
            var draft = ChildDraft()
            draft.fullName = fullName
            draft.sex = sex
            draft.dateOfBirth = dateOfBirth ?? ""
            draft.estimatedBirthYear = birthYear.map(String.init) ?? ""
            draft.notes = "Tạo từ tin báo; cần bổ sung. / Created from a report; to be completed."
            return draft
        }
    }

    @Sendable func report(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let body = try request.content.decode(ReportRequest.self)
        let opened = try await CaseService(database: request.db, principal: principal, actor: request.auditActor())
            .open(
                ReportDraft(
                    channel: body.channel, receivedAt: body.receivedAt, anonymous: body.anonymous ?? false,
                    reporterName: body.reporterName ?? "", reporterPhone: body.reporterPhone ?? "",
                    reporterAgreesToContact: body.reporterAgreesToContact ?? false, communeCode: body.communeCode,
                    childIDs: body.childIds ?? [], abuseForms: body.abuseForms,
                    abuserIsCarer: body.abuserIsCarer ?? false, description: body.description,
                    newChildren: (body.newChildren ?? []).map(\.draft)))
        let answer = try CaseDTO(opened, childIDs: try await CaseQueries.childIDs(of: [opened], on: request.db))
        return try await answer.encodeResponse(status: .created, for: request)
    }

    @Sendable func list(_ request: Request) async throws -> PageDTO<CaseDTO> {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let filter = CaseInboxFilter(rawValue: (try? request.query.get(String.self, at: "filter")) ?? "") ?? .open
        let result = try await CaseQueries.inbox(
            in: principal.jurisdiction, filter: filter,
            search: NameSearch((try? request.query.get(String.self, at: "q")) ?? ""), page: paging.page,
            per: paging.per, on: request.db)
        let children = try await CaseQueries.childIDs(of: result.items, on: request.db)
        return PageDTO(
            items: try result.items.map { try CaseDTO($0, childIDs: children) }, total: result.total,
            page: paging.page, per: paging.per)
    }

    @Sendable func show(_ request: Request) async throws -> CaseDetailDTO {
        let principal = try request.requirePrincipal()
        let (found, report) = try await CaseQueries.readAudited(request, principal: principal)
        let steps = try await CaseStepRecord.query(on: request.db).filter(\.$caseID == found.requireID())
            .sort(\.$createdAt).all()
        let id = try found.requireID()
        return CaseDetailDTO(
            case: try CaseDTO(found, childIDs: try await CaseQueries.childIDs(of: [found], on: request.db)),
            report: ReportDTO(report, showReporter: CaseQueries.mayKnowReporter(principal, report: report, of: found)),
            steps: steps.map(StepDTO.init),
            nextSteps: CaseWorkflow.nextSteps(from: found.facts),
            referrals: try await CaseReferral.query(on: request.db).filter(\.$caseID == id).sort(\.$createdAt).all()
                .map(ReferralDTO.init),
            followUps: try await CaseFollowUp.query(on: request.db).filter(\.$caseID == id).sort(\.$visitedOn).all()
                .map(FollowUpDTO.init))
    }

    /// The body of every step: its form, and the version of the case the person saw.
    private struct StepRequest<Form: Decodable>: Decodable {
        var version: Int?
        var form: Form
    }

    private struct Note: Decodable {
        var note: String?
    }

    private struct Items: Decodable {
        var items: [PlanItem]
    }

    private struct Nothing: Decodable {}

    private func take(_ name: String, _ request: Request) async throws -> CaseDTO {
        let principal = try request.requirePrincipal()
        guard let id = request.parameters.get("id", as: UUID.self) else { throw TreError.notFound }
        func read<Form: Decodable>(_ type: Form.Type, _ step: (Form) -> CaseStep) throws -> (CaseStep, Int?) {
            let body = try request.content.decode(StepRequest<Form>.self)
            return (step(body.form), body.version)
        }
        let (step, version): (CaseStep, Int?) =
            switch name {
            case "initial-assessment": try read(InitialAssessment.self, CaseStep.initialAssessment)
            case "emergency-measures": try read(EmergencyMeasures.self, CaseStep.emergencyMeasures)
            case "detailed-assessment": try read(DetailedAssessment.self, CaseStep.detailedAssessment)
            case "case-conference": try read(CaseConference.self, CaseStep.conference)
            case "plan": try read(Items.self) { .plan($0.items) }
            case "approval": try read(Note.self) { .approval(note: $0.note ?? "") }
            case "implementation": try read(Nothing.self) { _ in .implementation }
            case "review": try read(CaseReview.self, CaseStep.review)
            default: try read(Note.self) { .closure(note: $0.note ?? "") }
            }
        let updated = try await CaseService(database: request.db, principal: principal, actor: request.auditActor())
            .take(step, on: id, seenVersion: version)
        return try CaseDTO(updated, childIDs: try await CaseQueries.childIDs(of: [updated], on: request.db))
    }
}

extension CaseQueries {
    /// The case and its report, if within reach; the read is audited (these are records of abused children).
    static func readAudited(_ request: Request, principal: Principal) async throws -> (ProtectionCase, AbuseReport) {
        guard let id = request.parameters.get("id", as: UUID.self),
            let found = try await find(id, in: principal.jurisdiction, on: request.db),
            let report = try await AbuseReport.find(found.reportID, on: request.db)
        else { throw TreError.notFound }
        try await AuditLog.record(
            AuditEvent(
                action: "case.viewed", recordType: "case", recordID: id.uuidString, jurisdiction: found.jurisdiction),
            by: request.auditActor(), on: request.db)
        return (found, report)
    }

    /// Who may know who reported: the person who received the report, and the officers of the case's commune
    /// (Decree 56 Art. 24) only when the reporter agreed to be contacted; otherwise the commune sees that there is
    /// a reporter and asks the receiving point to relay. Provincial and national staff never see the author.
    static func mayKnowReporter(_ principal: Principal, report: AbuseReport, of found: ProtectionCase) -> Bool {
        if report.receivedBy == principal.userID { return true }
        return report.reporterAgreesToContact == true && [.communeOfficer, .communeChair].contains(principal.role)
            && principal.jurisdiction.communeCode == found.communeCode
    }

    static func childIDs(of cases: [ProtectionCase], on database: any Database) async throws -> [UUID: [UUID]] {
        let ids = cases.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let links = try await CaseChild.query(on: database).filter(\.$caseID ~~ ids).all()
        return Dictionary(grouping: links, by: \.caseID).mapValues { $0.map(\.childID) }
    }
}
