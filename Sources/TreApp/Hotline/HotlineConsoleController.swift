import Fluent
import Foundation
import TreDomain
import Vapor

/// The counsellor's console: one page to log a contact while talking, keyboard first, with the
/// caller's earlier contacts, and one action to turn a contact into a report.
struct HotlineConsoleController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("hotline", access: .permission(.logContacts), use: console)
        routes.post("hotline", access: .permission(.logContacts), use: save)
        routes.get("hotline", "callers", access: .permission(.logContacts), use: callerHistory)
        routes.get("hotline", "contacts", ":id", access: .permission(.logContacts), use: show)
        routes.post("hotline", "contacts", ":id", "flags", access: .permission(.logContacts), use: addFlag)
        routes.post("hotline", "contacts", ":id", "followed-up", access: .permission(.logContacts), use: followedUp)
        routes.post("hotline", "contacts", ":id", "report", access: .permission(.logContacts), use: openReport)
    }

    struct ContactForm: Content {
        var startedAt: String?
        var channel: String?
        var callerType: String?
        var callerIdentifier: String?
        var childSex: String?
        var childAgeBand: String?
        var provinceCode: String?
        var topicCodes: [String]?
        var outcome: String?
        var notes: String?
        var followUpOn: String?
    }

    struct TopicGroup: Encodable {
        var label: String
        var topics: [Choice]
    }

    struct PreviousContact: Content {
        var href: String
        var when: String
        var outcome: String
        var notes: String
    }

    struct ConsolePage: Encodable {
        var form: ContactForm
        var error: String?
        var channels: [Choice]
        var callerTypes: [Choice]
        var ageBands: [Choice]
        var outcomes: [Choice]
        var provinces: [Choice]
        var topicGroups: [TopicGroup]
        var savedHref: String?
        /// Where the browser keeps this counsellor's draft: one key per account, since desks are shared.
        var draftKey = "tre.contact-draft"
    }

    @Sendable func console(_ request: Request) async throws -> Response {
        var form = ContactForm()
        form.startedAt = String(Int(Date().timeIntervalSince1970))
        form.channel = ContactChannel.phone111.rawValue
        let saved = (try? request.query.get(UUID.self, at: "saved")).map { "/hotline/contacts/\($0.uuidString)" }
        return try await render(request, form: form, error: nil, savedHref: saved)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode(ContactForm.self)
        let started = form.startedAt.flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let draft = ContactDraft(
            channel: form.channel ?? "", startedAt: started, endedAt: max(Date(), started),
            callerType: form.callerType ?? "anonymous", callerIdentifier: form.callerIdentifier ?? "",
            childSex: form.childSex ?? "", childAgeBand: form.childAgeBand ?? "",
            provinceCode: form.provinceCode.flatMap { Int($0) }, topicCodes: form.topicCodes ?? [],
            outcome: form.outcome ?? "", notes: form.notes ?? "", followUpOn: form.followUpOn ?? "")
        do {
            let contact = try await ContactService(
                database: request.db, principal: principal, actor: request.auditActor()
            )
            .log(draft)
            return request.redirect(to: "/hotline?saved=\(try contact.requireID().uuidString)")
        } catch let failure as any LocalizedFailure {
            return try await render(
                request, form: form, error: failure.message(request.language), status: .unprocessableEntity)
        }
    }

    struct CallerHistory: Content {
        var flags: [String]
        var contacts: [PreviousContact]
    }

    /// The flags and earlier contacts of an identifier, for the console's script (JSON).
    @Sendable func callerHistory(_ request: Request) async throws -> CallerHistory {
        let typed = (try? request.query.get(String.self, at: "identifier")) ?? ""
        let digits = typed.allSatisfy { $0.isNumber || " +-.()".contains($0) }
        let identifier = digits ? PhoneNumber.normalized(typed) : typed.trimmingCharacters(in: .whitespaces)
        guard !identifier.isEmpty else { return CallerHistory(flags: [], contacts: []) }
        let contacts = try await HotlineContact.query(on: request.db).filter(\.$callerIdentifier == identifier)
            .sort(\.$startedAt, .descending).limit(20).all()
        return CallerHistory(
            flags: try await flagTexts(identifier, request),
            contacts: try contacts.map { try previous($0, language: request.language) })
    }

    private func flagTexts(_ identifier: String, _ request: Request) async throws -> [String] {
        let language = request.language
        return try await CallerFlag.active(for: identifier, on: request.db).map {
            let kind = CallerFlagKind(rawValue: $0.kind)?.label(language) ?? $0.kind
            let until = "\(UIStrings.text("until", language)) \(VietnamTime.date($0.expiresOn))"
            return [kind, $0.note, until].filter { !$0.isEmpty }.joined(separator: " · ")
        }
    }

    @Sendable func addFlag(_ request: Request) async throws -> Response {
        struct Form: Content {
            var kind: String?
            var note: String?
            var expiresOn: String?
        }
        let contact = try await find(request)
        let form = try request.content.decode(Form.self)
        do {
            _ = try await ContactService(
                database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor()
            ).flag(contact, kind: form.kind ?? "", note: form.note ?? "", expiresOn: form.expiresOn ?? "")
            return request.redirect(to: "/hotline/contacts/\(try contact.requireID().uuidString)")
        } catch let failure as any LocalizedFailure {
            return try await renderContact(
                request, error: failure.message(request.language), status: .unprocessableEntity)
        }
    }

    /// The follow-up is done: it leaves the supervisor's list.
    @Sendable func followedUp(_ request: Request) async throws -> Response {
        let contact = try await find(request)
        try await request.db.writeTransaction { database in
            contact.followedUpAt = Date()
            try await contact.update(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "contact.followed_up", recordType: "contact", recordID: contact.id?.uuidString,
                    jurisdiction: .nation),
                by: request.auditActor(), on: database)
        }
        return request.redirect(to: "/hotline/today")
    }

    struct ContactPage: Encodable {
        var flags: [String]
        var flagKinds: [Choice]
        var flagAction: String
        var facts: [CasePagesController.Fact]
        var previous: [PreviousContact]
        var caseHref: String?
        var reportAction: String
        var description: String
        var error: String?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderContact(request, error: nil)
    }

    @Sendable func openReport(_ request: Request) async throws -> Response {
        struct Form: Content {
            var communeCode: String?
            var abuserIsCarer: String?
            var description: String?
            var callerAgreesToContact: String?
        }
        let principal = try request.requirePrincipal()
        let contact = try await find(request)
        let form = try request.content.decode(Form.self)
        do {
            let opened = try await ContactService(
                database: request.db, principal: principal, actor: request.auditActor()
            ).openReport(
                from: contact, communeCode: form.communeCode.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                abuserIsCarer: form.abuserIsCarer != nil, extraAbuseForms: [], childIDs: [],
                description: form.description, callerAgreesToContact: form.callerAgreesToContact != nil)
            return request.redirect(to: Paths.case(try opened.requireID()))
        } catch let failure as any LocalizedFailure {
            return try await renderContact(
                request, error: failure.message(request.language), status: .unprocessableEntity)
        }
    }

    private func find(_ request: Request) async throws -> HotlineContact {
        guard let id = request.parameters.get("id", as: UUID.self),
            let contact = try await HotlineContact.find(id, on: request.db)
        else { throw TreError.notFound }
        return contact
    }

    private func previous(_ contact: HotlineContact, language: Language) throws -> PreviousContact {
        PreviousContact(
            href: "/hotline/contacts/\(try contact.requireID().uuidString)",
            when: VietnamTime.format(contact.startedAt),
            outcome: contact.outcome.flatMap(ContactOutcome.init(rawValue:))?.label(language) ?? "",
            notes: contact.notes)
    }

    private func renderContact(_ request: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let contact = try await find(request)
        let service = ContactService(
            database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
        let topics = try await ContactTopicRecord.query(on: request.db).all()
        let names = Dictionary(
            uniqueKeysWithValues: topics.map { ($0.code, language == .vi ? $0.nameVI : $0.nameEN) })
        typealias Fact = CasePagesController.Fact
        var facts = [
            Fact(label: UIStrings.text("receivedAt", language), value: VietnamTime.format(contact.startedAt)),
            Fact(
                label: UIStrings.text("channel", language),
                value: ContactChannel(rawValue: contact.channel)?.label(language) ?? contact.channel),
            Fact(
                label: UIStrings.text("callerType", language),
                value: CallerType(rawValue: contact.callerType)?.label(language) ?? contact.callerType),
            Fact(label: UIStrings.text("callerIdentifier", language), value: contact.callerIdentifier),
            Fact(
                label: UIStrings.text("topics", language),
                value: contact.topicCodes.split(separator: ",").map { names[String($0)] ?? String($0) }
                    .joined(separator: ", ")),
            Fact(
                label: UIStrings.text("outcome", language),
                value: contact.outcome.flatMap(ContactOutcome.init(rawValue:))?.label(language) ?? ""),
            Fact(label: UIStrings.text("notes", language), value: contact.notes),
            Fact(label: UIStrings.text("followUpOn", language), value: contact.followUpOn.map(VietnamTime.date) ?? ""),
        ]
        facts = facts.filter { !$0.value.isEmpty }
        let id = try contact.requireID().uuidString
        let page = ContactPage(
            flags: try await flagTexts(contact.callerIdentifier, request),
            flagKinds: Choice.list(CallerFlagKind.self, selected: nil, language: language) { $0.label },
            flagAction: "/hotline/contacts/\(id)/flags",
            facts: facts, previous: try await service.previous(contact).map { try previous($0, language: language) },
            caseHref: contact.caseID.map(Paths.case),
            reportAction: "/hotline/contacts/\(try contact.requireID().uuidString)/report",
            description: contact.notes, error: error)
        return try await request.render(
            "hotline/contact", title: UIStrings.text("hotlineContact", language), page, status: status)
    }

    private func render(
        _ request: Request, form: ContactForm, error: String?, status: HTTPStatus = .ok, savedHref: String? = nil
    ) async throws -> Response {
        let language = request.language
        let topics = try await ContactTopicRecord.query(on: request.db).filter(\.$retiredIn == nil).sort(\.$code).all()
        var groups: [TopicGroup] = []
        for topic in topics {
            let label = language == .vi ? topic.categoryVI : topic.categoryEN
            let choice = Choice(
                value: topic.code, label: language == .vi ? topic.nameVI : topic.nameEN,
                selected: form.topicCodes?.contains(topic.code) ?? false)
            if groups.last?.label == label {
                groups[groups.count - 1].topics.append(choice)
            } else {
                groups.append(TopicGroup(label: label, topics: [choice]))
            }
        }
        let page = ConsolePage(
            form: form, error: error,
            channels: Choice.list(ContactChannel.self, selected: form.channel, language: language) { $0.label },
            callerTypes: Choice.list(CallerType.self, selected: form.callerType, language: language) { $0.label },
            ageBands: ContactDraft.ageBands.map { Choice(value: $0, label: $0, selected: $0 == form.childAgeBand) },
            outcomes: Choice.list(ContactOutcome.self, selected: form.outcome, language: language) { $0.label },
            provinces: try await Province.query(on: request.db).sort(\.$code).all().map {
                Choice(value: String($0.code), label: $0.name, selected: String($0.code) == form.provinceCode)
            },
            topicGroups: groups, savedHref: savedHref,
            draftKey: "tre.contact-draft." + (request.principal?.userID.uuidString.lowercased() ?? "anonymous"))
        return try await request.render(
            "hotline/console", title: UIStrings.text("hotlineConsole", language), page, status: status,
            notice: savedHref == nil ? nil : UIStrings.text("contactSaved", language))
    }
}
