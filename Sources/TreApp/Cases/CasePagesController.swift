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
        for kind in CaseWorkflow.correctableSteps {
            routes.post(.cases(.correction(.pattern, kind)), access: .permission(.actOnCases)) { request in
                try await correctStep(kind, request)
            }
        }
        routes.post(.cases(.referrals(.pattern)), access: .permission(.actOnCases), use: refer)
        routes.post(.cases(.referral(.pattern, .pattern)), access: .permission(.actOnCases), use: answerReferral)
        routes.post(.cases(.followUps(.pattern)), access: .permission(.actOnCases), use: recordVisit)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request)
    }

    /// The page, or the page again with a refused form unfolded, its message inside it and what it held.
    private func render(
        _ request: Request, refusal: Refusal? = nil, form: String = "", values: [String: String] = [:]
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let file = try await CaseQueries.casePage(
            try Self.caseID(request), for: principal, by: request.auditActor(), on: request.db)
        let attempt = refusal.map { CasePage.Attempt(formID: form, values: values, message: $0.message) }
        let page = CasePage(file, reader: principal, language: request.language, now: Date(), attempt: attempt)
        return try await request.render(
            "cases/case", title: page.title, page, status: refusal?.status ?? .ok, notice: savedNotice(request))
    }

    /// "Saved: Initial assessment (Form 02)": which step was saved, when the browser comes back from one.
    private func savedNotice(_ request: Request) -> String? {
        guard let notice = request.savedNotice else { return nil }
        let step = (try? request.query.get(String.self, at: "step")).flatMap(CaseStepKind.init(rawValue:))
        return step.map {
            "\(UIStrings.text("stepSaved", request.language)): \(CaseStepView.title($0, request.language))"
        }
            ?? notice
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
        return try await request.submitting(to: .cases(.show(.value(id))), query: ["step": kind.rawValue]) {
            _ = try await service(request).take(try form.step(kind), on: id, seenVersion: form.version)
        } otherwise: { refusal in
            try await render(
                request, refusal: refusal, form: StepFormView.elementID(kind, correcting: false),
                values: StepFormValues.typed(form))
        }
    }

    private func correctStep(_ kind: CaseStepKind, _ request: Request) async throws -> Response {
        let id = try Self.caseID(request)
        let form = try request.content.decode(StepForm.self)
        return try await request.submitting(to: .cases(.show(.value(id))), query: ["step": kind.rawValue]) {
            _ = try await service(request).correct(
                try form.step(kind), on: id, reason: form.reason ?? "", seenVersion: form.version)
        } otherwise: { refusal in
            try await render(
                request, refusal: refusal, form: StepFormView.elementID(kind, correcting: true),
                values: StepFormValues.typed(form))
        }
    }

    @Sendable func refer(_ request: Request) async throws -> Response {
        let id = try Self.caseID(request)
        let form = try request.content.decode(ReferralForm.self)
        return try await request.submitting(to: .cases(.show(.value(id)))) {
            _ = try await service(request).refer(id, try form.referral())
        } otherwise: { refusal in
            try await render(request, refusal: refusal, form: "referral-form")
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
            try await render(request, refusal: refusal, form: "referral-list")
        }
    }

    @Sendable func recordVisit(_ request: Request) async throws -> Response {
        let id = try Self.caseID(request)
        let form = try request.content.decode(ReferralForm.self)
        return try await request.submitting(to: .cases(.show(.value(id)))) {
            _ = try await service(request).recordVisit(id, try form.visit())
        } otherwise: { refusal in
            try await render(request, refusal: refusal, form: "visit-form")
        }
    }
}
