import Fluent
import Foundation
import TreDomain
import Vapor

/// `POST /api/v1/reports` (a hotline or police system sends a report and gets the case it opened),
/// `GET /api/v1/cases`, `GET /api/v1/cases/{id}` (audited) and one `POST` per step of the procedure.
struct CasesAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.post(.cases(.api(.reports)), access: .permission(.reportAbuse), use: report)
        routes.get(.cases(.api(.list)), access: .permission(.viewCases), use: list)
        routes.get(.cases(.api(.show(.pattern))), access: .permission(.viewCases), use: show)
        // One route per step of the procedure: a step the domain does not know has no address (404).
        for kind in CaseStepKind.allCases {
            routes.post(.cases(.api(.step(.pattern, kind))), access: .permission(.actOnCases)) { request in
                try await take(kind, request)
            }
        }
        routes.post(.cases(.api(.referrals(.pattern))), access: .permission(.actOnCases), use: refer)
        routes.put(
            .cases(.api(.referral(.pattern, .pattern))), access: .permission(.actOnCases), use: answerReferral)
        routes.post(.cases(.api(.followUps(.pattern))), access: .permission(.actOnCases), use: recordVisit)
    }

    private func caseID(_ request: Request) throws -> UUID {
        try CasePagesController.caseID(request)
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
            draft.notes = ReportForm.newChildNote
            return draft
        }
    }

    @Sendable func report(_ request: Request) async throws -> Response {
        let body = try request.content.decode(ReportRequest.self)
        let opened = try await service(request)
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
        let file = try await CaseQueries.casePage(
            try caseID(request), for: principal, by: request.auditActor(), on: request.db)
        return try CaseDetailDTO(file, reader: principal)
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

    private func take(_ kind: CaseStepKind, _ request: Request) async throws -> CaseDTO {
        let id = try caseID(request)
        func read<Form: Decodable>(_ type: Form.Type, _ step: (Form) -> CaseStep) throws -> (CaseStep, Int?) {
            let body = try request.content.decode(StepRequest<Form>.self)
            return (step(body.form), body.version)
        }
        let (step, version): (CaseStep, Int?) =
            switch kind {
            case .initialAssessment: try read(InitialAssessment.self, CaseStep.initialAssessment)
            case .emergencyMeasures: try read(EmergencyMeasures.self, CaseStep.emergencyMeasures)
            case .detailedAssessment: try read(DetailedAssessment.self, CaseStep.detailedAssessment)
            case .caseConference: try read(CaseConference.self, CaseStep.conference)
            case .plan: try read(Items.self) { .plan($0.items) }
            case .approval: try read(Note.self) { .approval(note: $0.note ?? "") }
            case .implementation: try read(Nothing.self) { _ in .implementation }
            case .review: try read(CaseReview.self, CaseStep.review)
            case .closure: try read(Note.self) { .closure(note: $0.note ?? "") }
            }
        let updated = try await service(request).take(step, on: id, seenVersion: version)
        return try CaseDTO(updated, childIDs: try await CaseQueries.childIDs(of: [updated], on: request.db))
    }
}
