import Fluent
import Foundation
import TreDomain

/// Logging contacts, recognising repeat callers, and turning a contact into a report.
struct ContactService {
    let database: any Database
    let principal: Principal
    let actor: AuditActor

    static let alreadyReported = TreError(
        status: .conflict, code: "contact_already_reported",
        message: LocalizedText(
            vi: "Cuộc gọi này đã được chuyển thành tin báo.", en: "This contact has already become a report."))
    static let noAbuseForm = TreError(
        status: .unprocessableEntity, code: "no_abuse_form",
        message: LocalizedText(
            vi: "Chọn chủ đề thuộc nhóm bạo lực (hoặc ghi hình thức xâm hại) trước khi chuyển thành tin báo.",
            en: "Choose a violence topic (or give the form of abuse) before opening a report."))

    func log(_ draft: ContactDraft) async throws -> HotlineContact {
        let valid = try draft.validated(
            knownTopics: try await ContactTopicRecord.codesInUse(among: draft.topicCodes, on: database),
            provinceIsKnown: try await provinceIsKnown(draft.provinceCode))
        return try await database.writeTransaction { database in
            let contact = HotlineContact()
            contact.id = UUID()
            contact.apply(valid)
            contact.counsellorID = principal.userID
            try await contact.create(on: database)
            try await addTopics(to: contact, valid.topicCodes, on: database)
            try await AuditLog.record(event(contact, "contact.logged"), by: actor, on: database)
            return contact
        }
    }

    /// Applies what changed (the end of the call, topics, outcome…) and checks the whole contact again.
    func update(_ contact: HotlineContact, _ change: (inout ContactDraft) -> Void) async throws -> HotlineContact {
        var draft = contact.draft
        change(&draft)
        let valid = try draft.validated(
            knownTopics: try await ContactTopicRecord.codesInUse(among: draft.topicCodes, on: database),
            provinceIsKnown: try await provinceIsKnown(draft.provinceCode))
        return try await database.writeTransaction { database in
            contact.apply(valid)
            try await contact.update(on: database)
            try await replaceTopics(of: contact, valid.topicCodes, on: database)
            try await AuditLog.record(event(contact, "contact.updated"), by: actor, on: database)
            return contact
        }
    }

    /// The follow-up is done: the contact leaves the supervisor's list.
    func followedUp(_ contact: HotlineContact, at now: Date = Date()) async throws {
        try await database.writeTransaction { database in
            contact.followedUpAt = now
            try await contact.update(on: database)
            try await AuditLog.record(event(contact, "contact.followed_up"), by: actor, on: database)
        }
    }

    /// Opens a report and its case from a contact: how and when it came, and who called, are the contact's;
    /// the rest is what the counsellor typed (`typed`: commune, children, forms of abuse besides the contact's
    /// topics, description — the contact's notes when empty — and the caller's consent). The case and the
    /// contact then name each other.
    func openReport(from contact: HotlineContact, _ typed: ReportDraft) async throws -> ProtectionCase {
        guard contact.caseID == nil else { throw Self.alreadyReported }
        let topics = try await ContactTopicRecord.query(on: database)
            .filter(\.$code ~~ contact.topicCodes.split(separator: ",").map(String.init)).all()
        let forms = (topics.compactMap(\.abuseForm) + typed.abuseForms).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        guard !forms.isEmpty else { throw Self.noAbuseForm }
        let channel = ContactChannel(rawValue: contact.channel) ?? .phone111
        let text = VietnameseText.normalized(typed.description)
        var draft = typed
        draft.channel = channel.reportChannel.rawValue
        draft.receivedAt = contact.startedAt
        draft.anonymous = contact.callerType == CallerType.anonymous.rawValue
        draft.reporterPhone = channel.identifiesByPhone ? contact.callerIdentifier : ""
        draft.abuseForms = forms
        draft.description = text.isEmpty ? contact.notes : text
        let report = draft
        return try await database.writeTransaction { database in
            let opened = try await CaseService(database: database, principal: principal, actor: actor).open(report)
            contact.caseID = try opened.requireID()
            contact.outcome = ContactOutcome.reportOpened.rawValue
            try await contact.update(on: database)
            try await AuditLog.record(event(contact, "contact.report_opened"), by: actor, on: database)
            return opened
        }
    }

    /// A stored province code must be one of the reference data's: figures are counted per province.
    private func provinceIsKnown(_ code: Int?) async throws -> Bool {
        guard let code else { return true }
        return try await UnitQueries.province(code: code, on: database) != nil
    }

    private func replaceTopics(of contact: HotlineContact, _ codes: [String], on database: any Database) async throws {
        try await HotlineContactTopic.query(on: database).filter(\.$contactID == contact.requireID()).delete()
        try await addTopics(to: contact, codes, on: database)
    }

    private func addTopics(to contact: HotlineContact, _ codes: [String], on database: any Database) async throws {
        let id = try contact.requireID()
        try await codes.map { HotlineContactTopic(contactID: id, topicCode: $0) }.create(on: database)
    }

    private func event(_ contact: HotlineContact, _ action: String) -> AuditEvent {
        AuditEvent(action: action, recordType: "contact", recordID: contact.id?.uuidString, jurisdiction: .nation)
    }
}
