import Fluent
import Foundation
import TreDomain
import Vapor

/// The case page and its forms: each step of the procedure, referrals and follow-up visits. The page is
/// `CaseQueries.casePage` → `CasePage` → cases/case.leaf; the forms go through `CaseService`.
struct CasePagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.cases(.show(.pattern)), access: .permission(.viewCases), use: show)
        // One route per step of the procedure: a step the domain does not know has no address (404).
        for kind in CaseStepKind.allCases {
            routes.post(.cases(.step(.pattern, kind)), access: .permission(.actOnCases)) { request in
                try await takeStep(kind, request)
            }
        }
        routes.post(.cases(.referrals(.pattern)), access: .permission(.actOnCases), use: refer)
        routes.post(.cases(.referral(.pattern, .pattern)), access: .permission(.actOnCases), use: answerReferral)
        routes.post(.cases(.followUps(.pattern)), access: .permission(.actOnCases), use: recordVisit)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, refusal: nil)
    }

    private func render(_ request: Request, refusal: Refusal?) async throws -> Response {
        let principal = try request.requirePrincipal()
        let file = try await CaseQueries.casePage(
            try Self.caseID(request), for: principal, by: request.auditActor(), on: request.db)
        let page = CasePage(file, reader: principal, language: request.language, now: Date(), error: refusal?.message)
        return try await request.render(
            "cases/case", title: page.title, page, status: refusal?.status ?? .ok, notice: request.savedNotice)
    }

    static func caseID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id", as: UUID.self) else { throw TreError.notFound }
        return id
    }

    private func service(_ request: Request) throws -> CaseService {
        CaseService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }

    private func takeStep(_ kind: CaseStepKind, _ request: Request) async throws -> Response {
        let id = try Self.caseID(request)
        let form = try request.content.decode(StepForm.self)
        return try await request.submitting(to: .cases(.show(.value(id)))) {
            _ = try await service(request).take(try form.step(kind), on: id, seenVersion: form.version)
        } otherwise: { refusal in
            try await render(request, refusal: refusal)
        }
    }

    @Sendable func refer(_ request: Request) async throws -> Response {
        let id = try Self.caseID(request)
        let form = try request.content.decode(ReferralForm.self)
        return try await request.submitting(to: .cases(.show(.value(id)))) {
            _ = try await service(request).refer(id, try form.referral())
        } otherwise: { refusal in
            try await render(request, refusal: refusal)
        }
    }

    @Sendable func answerReferral(_ request: Request) async throws -> Response {
        let id = try Self.caseID(request)
        guard let referral = request.parameters.get("referral", as: UUID.self) else { throw TreError.notFound }
        let form = try request.content.decode(ReferralForm.self)
        return try await request.submitting(to: .cases(.show(.value(id)))) {
            _ = try await service(request).answerReferral(
                id, referral: referral, status: try form.answer(), reply: form.reply ?? "")
        } otherwise: { refusal in
            try await render(request, refusal: refusal)
        }
    }

    @Sendable func recordVisit(_ request: Request) async throws -> Response {
        let id = try Self.caseID(request)
        let form = try request.content.decode(ReferralForm.self)
        return try await request.submitting(to: .cases(.show(.value(id)))) {
            _ = try await service(request).recordVisit(id, try form.visit())
        } otherwise: { refusal in
            try await render(request, refusal: refusal)
        }
    }
}
