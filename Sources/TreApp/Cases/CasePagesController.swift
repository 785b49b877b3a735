import Fluent
import Foundation
import TreDomain
import Vapor

/// The case page: where the case stands, its clock, its file (the steps as their forms, printable),
/// the form of each step that may come next, referrals and follow-up visits.
struct CasePagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("cases", ":id", access: .permission(.viewCases), use: show)
        for name in CasesAPIController.stepNames {
            routes.post("cases", ":id", .constant(name), access: .permission(.actOnCases)) { request in
                try await takeStep(name, request)
            }
        }
        routes.post("cases", ":id", "referrals", access: .permission(.actOnCases), use: refer)
        routes.post("cases", ":id", "referrals", ":referral", access: .permission(.actOnCases), use: answerReferral)
        routes.post("cases", ":id", "follow-ups", access: .permission(.actOnCases), use: recordVisit)
    }

    struct Fact: Encodable {
        var label: String
        var value: String
    }

    struct StepView: Encodable {
        var title: String
        var by: String
        var at: String
        var facts: [Fact]
    }

    struct CasePage: Encodable {
        var status: String
        var deadline: String?
        var clock: String?
        var late: Bool
        var facts: [Fact]
        var children: [Fact]
        var steps: [StepView]
        var next: NextSteps
        var actionBase: String
        var version: Int
        var error: String?
        var riskLevels: [Choice]
        var serviceKinds: [Choice]
        var planRows: [Int]
        var referrals: [ReferralRow]
        var visits: [Fact]
        var providerKinds: [Choice]
        var referralStatuses: [Choice]
        var mayRecord: Bool
    }

    struct ReferralRow: Encodable {
        var provider: String
        var reason: String
        var sentOn: String
        var status: String
        var reply: String
        var action: String
    }

    /// Which step forms the page shows.
    struct NextSteps: Encodable {
        var any: Bool
        var initialAssessment, emergencyMeasures, detailedAssessment, caseConference, plan: Bool
        var approval, implementation, review, closure: Bool

        init(_ names: [String]) {
            any = !names.isEmpty
            initialAssessment = names.contains("initial-assessment")
            emergencyMeasures = names.contains("emergency-measures")
            detailedAssessment = names.contains("detailed-assessment")
            caseConference = names.contains("case-conference")
            plan = names.contains("plan")
            approval = names.contains("approval")
            implementation = names.contains("implementation")
            review = names.contains("review")
            closure = names.contains("closure")
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderCase(request, error: nil)
    }

    private func takeStep(_ name: String, _ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard let id = request.parameters.get("id", as: UUID.self) else { throw TreError.notFound }
        let form = try request.content.decode(StepForm.self)
        do {
            _ = try await CaseService(database: request.db, principal: principal, actor: request.auditActor())
                .take(try form.step(named: name), on: id, seenVersion: form.version)
            return request.redirect(to: Paths.case(id))
        } catch let failure as any LocalizedFailure {
            let status: HTTPStatus = (failure as? TreError)?.status ?? .unprocessableEntity
            if status == .notFound { throw failure }
            return try await renderCase(request, error: failure.message(request.language), status: status)
        }
    }

    private func renderCase(_ request: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let (found, report) = try await CaseQueries.readAudited(request, principal: principal)
        let id = try found.requireID()
        let now = Date()
        let deadline = found.deadline
        let commune = try await UnitQueries.commune(code: found.communeCode, on: request.db)
        var facts = [
            Fact(label: UIStrings.text("receivedAt", language), value: VietnamTime.format(report.receivedAt)),
            Fact(
                label: UIStrings.text("channel", language),
                value: ReportChannel(rawValue: report.channel)?.label(language) ?? report.channel),
            Fact(label: UIStrings.text("commune", language), value: commune?.name ?? String(found.communeCode)),
            Fact(
                label: UIStrings.text("abuseForms", language),
                value: report.abuseForms.split(separator: ",").compactMap { AbuseForm(rawValue: String($0)) }
                    .map { $0.label(language) }.joined(separator: ", ")),
            Fact(
                label: UIStrings.text("abuserIsCarer", language),
                value: UIStrings.text(report.abuserIsCarer ? "yes" : "no", language)),
            Fact(label: UIStrings.text("whatHappened", language), value: report.description),
        ]
        if let risk = found.risk.flatMap(RiskLevel.init(rawValue:)) {
            facts.append(Fact(label: UIStrings.text("risk", language), value: risk.label(language)))
        }
        if CaseQueries.mayKnowReporter(principal, report: report, of: found) {
            let reporter =
                report.anonymous
                ? UIStrings.text("anonymous", language)
                : [report.reporterName, report.reporterPhone].filter { !$0.isEmpty }.joined(separator: " · ")
            facts.append(Fact(label: UIStrings.text("reporter", language), value: reporter))
        } else if !report.anonymous, principal.jurisdiction.communeCode == found.communeCode,
            let receiver = try await UserAccount.find(report.receivedBy, on: request.db)
        {
            // The commune knows someone reported and whom to ask to relay, never who it was.
            facts.append(
                Fact(
                    label: UIStrings.text("reporter", language),
                    value: UIStrings.text("reporterWithReceivingPoint", language) + " " + receiver.fullName))
        }
        let childIDs = try await CaseQueries.childIDs(of: [found], on: request.db)[id] ?? []
        let children = try await Child.query(on: request.db).filter(\.$id ~~ childIDs).all().map {
            Fact(label: $0.fullName, value: Paths.child(try $0.requireID()))
        }
        let records = try await CaseStepRecord.query(on: request.db).filter(\.$caseID == id).sort(\.$createdAt).all()
        let mayAct = AccessPolicy.allows(principal.role, .actOnCases)
        let page = CasePage(
            status: found.facts.status.label(language), deadline: deadline?.kind.label(language),
            clock: deadline?.remaining(now: now)(language), late: deadline?.isLate(now: now) ?? false,
            facts: facts, children: children,
            steps: records.map { CaseStepView.view($0, language: language) },
            next: NextSteps(mayAct ? CaseWorkflow.nextSteps(from: found.facts) : []),
            actionBase: Paths.case(id), version: found.version, error: error,
            riskLevels: Choice.list(RiskLevel.self, selected: nil, language: language) { $0.label },
            serviceKinds: Choice.list(ServiceKind.self, selected: nil, language: language) { $0.label },
            planRows: Array(0..<StepForm.planRows),
            referrals: try await CaseReferral.query(on: request.db).filter(\.$caseID == id).sort(\.$createdAt).all()
                .map {
                    ReferralRow(
                        provider:
                            "\(ProviderKind(rawValue: $0.providerKind)?.label(language) ?? $0.providerKind): \($0.providerName)",
                        reason: $0.reason, sentOn: VietnamTime.date($0.sentOn),
                        status: ReferralStatus(rawValue: $0.status)?.label(language) ?? $0.status, reply: $0.reply,
                        action: "\(Paths.case(id))/referrals/\(try $0.requireID().uuidString)")
                },
            visits: try await CaseFollowUp.query(on: request.db).filter(\.$caseID == id).sort(\.$visitedOn).all().map {
                Fact(
                    label: "\(VietnamTime.date($0.visitedOn)) · \($0.byName)",
                    value: ($0.childSeen ? "" : "(\(UIStrings.text("childNotSeen", language))) ") + $0.notes)
            },
            providerKinds: Choice.list(ProviderKind.self, selected: nil, language: language) { $0.label },
            referralStatuses: Choice.list(ReferralStatus.self, selected: nil, language: language) { $0.label },
            mayRecord: mayAct && found.facts.status.isOpen)
        return try await request.render(
            "cases/case", title: "\(UIStrings.text("case", language)) · \(commune?.name ?? "")", page, status: status)
    }

    private struct ReferralForm: Content {
        var providerKind: String?
        var providerName: String?
        var reason: String?
        var sentOn: String?
        var status: String?
        var reply: String?
        var visitedOn: String?
        var childSeen: String?
        var notes: String?
    }

    /// Runs a form's action and returns to the case, or shows the case again with the refusal.
    private func onCase(_ request: Request, _ action: (CaseService, UUID, ReferralForm) async throws -> Void)
        async throws -> Response
    {
        let principal = try request.requirePrincipal()
        guard let id = request.parameters.get("id", as: UUID.self) else { throw TreError.notFound }
        let form = try request.content.decode(ReferralForm.self)
        do {
            try await action(
                CaseService(database: request.db, principal: principal, actor: request.auditActor()), id, form)
            return request.redirect(to: Paths.case(id))
        } catch let failure as any LocalizedFailure {
            if (failure as? TreError)?.status == .notFound { throw failure }
            return try await renderCase(request, error: failure.message(request.language), status: .unprocessableEntity)
        }
    }

    private static func date(_ text: String?) throws -> CivilDate {
        guard let day = CivilDate(written: text ?? "") else {
            throw CaseFormError(vi: "Ngày không đúng (dd/mm/yyyy).", en: "Not a valid date (dd/mm/yyyy).")
        }
        return day
    }

    @Sendable func refer(_ request: Request) async throws -> Response {
        try await onCase(request) { service, id, form in
            guard let kind = ProviderKind(rawValue: form.providerKind ?? "") else {
                throw CaseFormError(vi: "Chọn loại cơ quan nhận.", en: "Choose the kind of provider.")
            }
            _ = try await service.refer(
                id,
                ReferralDraft(
                    providerKind: kind, providerName: form.providerName ?? "", reason: form.reason ?? "",
                    sentOn: try Self.date(form.sentOn)))
        }
    }

    @Sendable func answerReferral(_ request: Request) async throws -> Response {
        guard let referral = request.parameters.get("referral", as: UUID.self) else { throw TreError.notFound }
        return try await onCase(request) { service, id, form in
            guard let status = ReferralStatus(rawValue: form.status ?? "") else {
                throw CaseFormError(vi: "Chọn kết quả chuyển gửi.", en: "Choose the referral's status.")
            }
            _ = try await service.answerReferral(id, referral: referral, status: status, reply: form.reply ?? "")
        }
    }

    @Sendable func recordVisit(_ request: Request) async throws -> Response {
        try await onCase(request) { service, id, form in
            _ = try await service.recordVisit(
                id,
                FollowUpDraft(
                    visitedOn: try Self.date(form.visitedOn), childSeen: form.childSeen != nil,
                    notes: form.notes ?? ""))
        }
    }

}

extension ProtectionCase {
    var deadline: CaseDeadline? {
        guard let kind = nextDeadlineKind.flatMap(CaseDeadlineKind.init(rawValue:)), let due = nextDeadlineAt else {
            return nil
        }
        return CaseDeadline(kind: kind, due: due)
    }
}
