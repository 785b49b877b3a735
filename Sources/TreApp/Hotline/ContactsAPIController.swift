import Fluent
import Foundation
import TreDomain
import Vapor

/// `/api/v1/contacts`: a telephony or chat system creates a contact when a call starts and completes
/// it when the call ends; hotline roles only (caller identifiers are never shown to anyone else).
struct ContactsAPIController {
    func register(_ routes: any RoutesBuilder) {
        let access = Access.permission(.logContacts)
        routes.post(.hotline(.api(.contacts)), access: access, use: create)
        routes.patch(.hotline(.api(.contact(.pattern))), access: access, use: update)
        routes.get(.hotline(.api(.contact(.pattern))), access: access, use: show)
        routes.post(.hotline(.api(.contactReport(.pattern))), access: access, use: openReport)
    }

    struct ContactInput: Content {
        var channel: String?
        var startedAt: Date?
        var endedAt: Date?
        var callerType: String?
        var callerIdentifier: String?
        var childSex: String?
        var childAgeBand: String?
        var provinceCode: Int?
        var topicCodes: [String]?
        var outcome: String?
        var notes: String?
        var followUpOn: String?

        /// The codes sent, each one of the listed values.
        func checked() throws -> Self {
            try APIChoices.refuseBlank([
                "channel": channel, "callerType": callerType, "childSex": childSex, "childAgeBand": childAgeBand,
                "outcome": outcome,
            ])
            return self
        }

        /// Lays what was sent over a draft: fields left out keep their value.
        func apply(to draft: inout ContactDraft) {
            if let channel { draft.channel = channel }
            if let startedAt { draft.startedAt = startedAt }
            if let endedAt { draft.endedAt = endedAt }
            if let callerType { draft.callerType = callerType }
            if let callerIdentifier { draft.callerIdentifier = callerIdentifier }
            if let childSex { draft.childSex = childSex }
            if let childAgeBand { draft.childAgeBand = childAgeBand }
            if let provinceCode { draft.provinceCode = provinceCode }
            if let topicCodes { draft.topicCodes = topicCodes }
            if let outcome { draft.outcome = outcome }
            if let notes { draft.notes = notes }
            if let followUpOn { draft.followUpOn = followUpOn }
        }
    }

    struct ContactDTO: Content {
        var id: UUID
        var channel: String
        var startedAt: Date
        var endedAt: Date?
        var durationSeconds: Int?
        var callerType: String
        var callerIdentifier: String
        var childSex: String?
        var childAgeBand: String?
        var provinceCode: Int?
        var topicCodes: [String]
        var outcome: String?
        var notes: String
        var followUpOn: String?
        var caseId: UUID?

        init(_ contact: HotlineContact) throws {
            id = try contact.requireID()
            channel = contact.channel
            startedAt = contact.startedAt
            endedAt = contact.endedAt
            durationSeconds = contact.endedAt.map { Int($0.timeIntervalSince(contact.startedAt)) }
            callerType = contact.callerType
            callerIdentifier = contact.callerIdentifier
            childSex = contact.childSex
            childAgeBand = contact.childAgeBand
            provinceCode = contact.provinceCode
            topicCodes = contact.topicCodes.split(separator: ",").map(String.init)
            outcome = contact.outcome
            notes = contact.notes
            followUpOn = contact.followUpOn
            caseId = contact.caseID
        }
    }

    struct ContactDetailDTO: Content {
        var contact: ContactDTO
        var previousContacts: [ContactDTO]
    }

    private func service(_ request: Request) throws -> ContactService {
        ContactService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }

    private func find(_ request: Request) async throws -> HotlineContact {
        try await HotlineQueries.contact(request.parameters.get("id", as: UUID.self), on: request.db)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(ContactInput.self).checked()
        var draft = ContactDraft(channel: "", startedAt: Date())
        input.apply(to: &draft)
        let contact = try await service(request).log(draft)
        return try await ContactDTO(contact).encodeResponse(status: .created, for: request)
    }

    @Sendable func update(_ request: Request) async throws -> ContactDTO {
        let input = try request.content.decode(ContactInput.self).checked()
        let contact = try await service(request).update(try await find(request)) { input.apply(to: &$0) }
        return try ContactDTO(contact)
    }

    @Sendable func show(_ request: Request) async throws -> ContactDetailDTO {
        let contact = try await find(request)
        return ContactDetailDTO(
            contact: try ContactDTO(contact),
            previousContacts: try await HotlineQueries.previous(contact, on: request.db).map(ContactDTO.init))
    }

    @Sendable func openReport(_ request: Request) async throws -> Response {
        struct ReportInput: Content {
            var communeCode: Int?
            var abuserIsCarer: Bool?
            var abuseForms: [String]?
            var childIds: [UUID]?
            var description: String?
            var callerAgreesToContact: Bool?
        }
        let input = try request.content.decode(ReportInput.self)
        let opened = try await service(request).openReport(
            from: try await find(request),
            ReportDraft(
                reporterAgreesToContact: input.callerAgreesToContact ?? false, communeCode: input.communeCode,
                childIDs: input.childIds ?? [], abuseForms: input.abuseForms ?? [],
                abuserIsCarer: input.abuserIsCarer ?? false, description: input.description ?? ""))
        let answer = try CaseDTO(opened, childIDs: try await CaseQueries.childIDs(of: [opened], on: request.db))
        return try await answer.encodeResponse(status: .created, for: request)
    }
}
