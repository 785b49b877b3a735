import Foundation
import TreDomain

/// What `CaseQueries.casePage` loads for the case page: the case, its report, and what hangs from it.
struct CaseFile {
    var id: UUID
    var found: ProtectionCase
    var report: AbuseReport
    var communeName: String?
    /// The receiving point's name, loaded only when the reader is told whom to ask to relay.
    var receiverName: String?
    /// The children the case is about, as linked; `children` those of them the registry holds, by name.
    var childIDs: [UUID]
    var children: [(id: UUID, name: String)]
    /// The hotline contact the report was made from, loaded only for who may open contacts.
    var contactID: UUID? = nil
    var steps: [CaseStepRecord]
    var referrals: [CaseReferral]
    var followUps: [CaseFollowUp]
}

/// Who may know who reported: the person who received the report, and the officers of the case's commune
/// (Decree 56 Art. 24) only when the reporter agreed to be contacted; otherwise the commune sees that there is
/// a reporter and asks the receiving point to relay. Provincial and national staff never see the author.
enum ReporterDisclosure: Equatable {
    case known
    case relayThroughReceiver
    case hidden

    init(reader: Principal, report: AbuseReport, of found: ProtectionCase) {
        let inCommune = reader.jurisdiction.communeCode == found.communeCode
        if report.receivedBy == reader.userID
            || (report.reporterAgreesToContact == true && [.communeOfficer, .communeChair].contains(reader.role)
                && inCommune)
        {
            self = .known
        } else if !report.anonymous && inCommune {
            self = .relayThroughReceiver
        } else {
            self = .hidden
        }
    }
}

/// The case page (cases/case.leaf): where the case stands, its clock, its file (the steps as their forms,
/// printable), the form of each step that may come next, referrals and follow-up visits. Built from what was
/// loaded, without a request or a database.
struct CasePage: Encodable {
    struct Fact: Encodable, Equatable {
        var label: String
        var value: String
    }

    struct StepView: Encodable {
        var title: String
        var by: String
        var at: String
        var facts: [Fact]
        /// "Đã sửa: reason", on a correction.
        var correctionNote: String? = nil
        /// The versions this record corrected, oldest first.
        var earlier: [StepView] = []
        /// The form correcting this record (none or one), on the step that brought the case where it is.
        var corrections: [StepFormView] = []
        /// Unfolded, when its correction was refused.
        var open = false
    }

    /// A form of the page that was refused: which one, what it held, and why.
    struct Attempt {
        var formID: String
        var values: [String: String]
        var message: String
    }

    struct ReferralRow: Encodable {
        var provider: String
        var reason: String
        var sentOn: String
        var status: String
        var reply: String
        var action: String
    }

    struct ChildLink: Encodable {
        var name: String
        var href: String
    }

    /// The form of each step that may come next, as the address it posts to; nil when it is not offered.
    struct NextSteps: Encodable {
        var any: Bool
        var initialAssessment, emergencyMeasures, detailedAssessment, caseConference, plan: String?
        var approval, implementation, review, closure: String?

        init(_ kinds: [CaseStepKind], of id: UUID) {
            func action(_ kind: CaseStepKind) -> String? {
                kinds.contains(kind) ? SiteURL.cases(.step(.value(id), kind)).path : nil
            }
            any = !kinds.isEmpty
            initialAssessment = action(.initialAssessment)
            emergencyMeasures = action(.emergencyMeasures)
            detailedAssessment = action(.detailedAssessment)
            caseConference = action(.caseConference)
            plan = action(.plan)
            approval = action(.approval)
            implementation = action(.implementation)
            review = action(.review)
            closure = action(.closure)
        }
    }

    struct Links: Encodable {
        /// The call the report came from.
        var contact: String?
        var referrals: String
        var followUps: String
        var printScript: String
    }

    var title: String
    var status: String
    var deadline: String?
    var clock: String?
    var late: Bool
    var facts: [Fact]
    var children: [ChildLink]
    var steps: [StepView]
    var next: NextSteps
    /// The forms of the steps that may come next, the one due first unfolded.
    var forms: [StepFormView]
    /// Which form was refused, with its message shown inside it.
    var refusedForm: String?
    var refusalMessage: String?
    /// A step only the chairperson may take, told to everyone else instead of a form they cannot use.
    var waitsForChair: String?
    var version: Int
    var error: String?
    var riskLevels: [Choice]
    var serviceKinds: [Choice]
    var planRows: [Int]
    var referrals: [ReferralRow]
    var visits: [Fact]
    var providerKinds: [Choice]
    var referralStatuses: [Choice]
    /// Referrals and visits may be recorded: by who may act, while the case is open.
    var mayRecord: Bool
    var links: Links

    init(_ file: CaseFile, reader: Principal, language: Language, now: Date, attempt: Attempt? = nil) {
        let id = file.id
        let found = file.found
        let deadline = found.deadline
        let mayAct = AccessPolicy.allows(reader.role, .actOnCases)
        // The case as people name it: its number, then its children (initials for a reader who may not see
        // names), so two cases of one commune never look alike.
        let mayName = AccessPolicy.allows(reader.role, .viewChildren)
        let named = file.children.map { mayName ? $0.name : VietnameseText.initials($0.name) }
        let name =
            found.number.isEmpty
            ? "\(UIStrings.text("case", language)) · \(file.communeName ?? "")"
            : "\(UIStrings.text("caseNumber", language)) \(found.number)"
        title = ([name] + named).joined(separator: " · ")
        status = found.facts.status.label(language)
        self.deadline = deadline?.kind.label(language)
        clock = deadline?.remaining(now: now)(language)
        late = deadline?.isLate(now: now) ?? false
        facts = Self.facts(file, reader: reader, language: language)
        children =
            mayName
            ? file.children.map { ChildLink(name: $0.name, href: SiteURL.children(.show(.value($0.id))).path) } : []
        let actor = CaseActor(role: reader.role, jurisdiction: reader.jurisdiction)
        let kinds = mayAct ? CaseWorkflow.nextSteps(from: found.facts, for: actor) : []
        next = NextSteps(kinds, of: id)
        forms = kinds.enumerated().map { index, kind in
            let elementID = StepFormView.elementID(kind, correcting: false)
            let refused = attempt?.formID == elementID ? attempt : nil
            return StepFormView(
                kind: kind.rawValue, id: elementID, action: SiteURL.cases(.step(.value(id), kind)).path,
                title: CaseStepView.title(kind, language),
                submit: UIStrings.text(StepFormView.submitKey(kind), language), values: refused?.values ?? [:],
                open: attempt == nil ? index == 0 : refused != nil, error: refused?.message, correcting: false)
        }
        steps = Self.steps(
            file, correctable: mayAct && found.facts.status.isOpen, attempt: attempt, language: language)
        waitsForChair = CaseWorkflow.waitingForChair(found.facts, for: actor).flatMap { step in
            found.facts.status.isOpen
                ? "\(UIStrings.text("waitsForChair", language)): \(CaseStepView.title(step, language))" : nil
        }
        version = found.version
        // A refusal is shown inside the form that was refused; at the top when that form is no longer offered
        // (a stale form: the case moved on).
        let shown = Set(
            forms.map(\.id) + steps.flatMap { $0.corrections.map(\.id) }
                + (mayAct && found.facts.status.isOpen ? ["referral-form", "visit-form", "referral-list"] : []))
        error = attempt.flatMap { shown.contains($0.formID) ? nil : $0.message }
        refusedForm = attempt?.formID
        refusalMessage = attempt?.message
        riskLevels = Choice.list(RiskLevel.self, selected: nil, language: language) { $0.label }
        serviceKinds = Choice.list(ServiceKind.self, selected: nil, language: language) { $0.label }
        planRows = Array(0..<StepForm.planRows)
        referrals = file.referrals.compactMap { referral in
            guard let referralID = referral.id else { return nil }
            let kind = ProviderKind(rawValue: referral.providerKind)?.label(language) ?? referral.providerKind
            return ReferralRow(
                provider: "\(kind): \(referral.providerName)", reason: referral.reason,
                sentOn: VietnamTime.date(referral.sentOn),
                status: ReferralStatus(rawValue: referral.status)?.label(language) ?? referral.status,
                reply: referral.reply, action: SiteURL.cases(.referral(.value(id), .value(referralID))).path)
        }
        visits = file.followUps.map {
            Fact(
                label: "\(VietnamTime.date($0.visitedOn)) · \($0.byName)",
                value: ($0.childSeen ? "" : "(\(UIStrings.text("childNotSeen", language))) ") + $0.notes)
        }
        providerKinds = Choice.list(ProviderKind.self, selected: nil, language: language) { $0.label }
        referralStatuses = Choice.list(ReferralStatus.self, selected: nil, language: language) { $0.label }
        mayRecord = mayAct && found.facts.status.isOpen
        links = Links(
            contact: file.contactID.map { SiteURL.hotline(.contact(.value($0))).path },
            referrals: SiteURL.cases(.referrals(.value(id))).path,
            followUps: SiteURL.cases(.followUps(.value(id))).path, printScript: SiteURL.script(.print).path)
    }

    /// The recorded steps in order, a correction standing in place of the record it corrected (kept under it),
    /// and the last one's correction form when it may be corrected.
    private static func steps(_ file: CaseFile, correctable: Bool, attempt: Attempt?, language: Language)
        -> [StepView]
    {
        let corrected = Set(file.steps.compactMap(\.correctsID))
        let byID = Dictionary(
            file.steps.compactMap { record in record.id.map { ($0, record) } }, uniquingKeysWith: { first, _ in first })
        let current = file.steps.filter { record in record.id.map { !corrected.contains($0) } ?? true }
        return current.enumerated().map { index, record in
            var view = CaseStepView.view(record, language: language)
            var earlier: [StepView] = []
            var previous = record.correctsID.flatMap { byID[$0] }
            while let older = previous, earlier.count < 50 {
                earlier.insert(CaseStepView.view(older, language: language), at: 0)
                previous = older.correctsID.flatMap { byID[$0] }
            }
            view.earlier = earlier
            if let reason = record.correctionReason {
                view.correctionNote = "\(UIStrings.text("corrected", language)): \(reason)"
            }
            if correctable, index == current.count - 1, let kind = CaseStepKind(rawValue: record.step),
                CaseWorkflow.correctableSteps.contains(kind)
            {
                let caseID = file.id
                let elementID = StepFormView.elementID(kind, correcting: true)
                let refused = attempt?.formID == elementID ? attempt : nil
                view.open = refused != nil
                view.corrections = [
                    StepFormView(
                        kind: kind.rawValue, id: elementID,
                        action: SiteURL.cases(.correction(.value(caseID), kind)).path,
                        title: UIStrings.text("correctStep", language),
                        submit: UIStrings.text("submitCorrection", language),
                        values: refused?.values ?? StepFormValues.recorded(record), open: refused != nil,
                        error: refused?.message, correcting: true)
                ]
            }
            return view
        }
    }

    /// The report's facts, and the reporter as far as this reader may know them.
    private static func facts(_ file: CaseFile, reader: Principal, language: Language) -> [Fact] {
        let report = file.report
        let found = file.found
        var facts = [
            Fact(label: UIStrings.text("receivedAt", language), value: VietnamTime.format(report.receivedAt)),
            Fact(
                label: UIStrings.text("channel", language),
                value: ReportChannel(rawValue: report.channel)?.label(language) ?? report.channel),
            Fact(label: UIStrings.text("commune", language), value: file.communeName ?? String(found.communeCode)),
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
        let reporter = UIStrings.text("reporter", language)
        switch ReporterDisclosure(reader: reader, report: report, of: found) {
        case .known:
            let who =
                report.anonymous
                ? UIStrings.text("anonymous", language)
                : [report.reporterName, report.reporterPhone].filter { !$0.isEmpty }.joined(separator: " · ")
            facts.append(Fact(label: reporter, value: who))
        case .relayThroughReceiver:
            // The commune knows someone reported and whom to ask to relay, never who it was.
            if let receiver = file.receiverName {
                facts.append(
                    Fact(
                        label: reporter,
                        value: UIStrings.text("reporterWithReceivingPoint", language) + " " + receiver))
            }
        case .hidden:
            break
        }
        return facts
    }
}

extension CasePagesController {
    /// The hotline's pages show their facts the way the case page does.
    typealias Fact = CasePage.Fact
}

extension ProtectionCase {
    var deadline: CaseDeadline? {
        guard let kind = nextDeadlineKind.flatMap(CaseDeadlineKind.init(rawValue:)), let due = nextDeadlineAt else {
            return nil
        }
        return CaseDeadline(kind: kind, due: due)
    }
}
