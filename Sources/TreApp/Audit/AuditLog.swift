import Fluent
import Foundation
import TreDomain
import Vapor

/// What happened, in the words the audit trail keeps. `details` never holds a child's name, a note or
/// a phone number: it says which fields changed, not what they now say.
struct AuditEvent: Sendable {
    var action: String
    var recordType: String
    var recordID: String?
    /// The place the record belongs to, so a province can read its own part of the trail.
    var jurisdiction: Jurisdiction
    var details: String = ""
}

/// Who did it and from where. Commands run on the server act as `system:<command>`.
struct AuditActor: Sendable {
    var id: UUID?
    var username: String
    var address: String?

    static func system(_ command: String) -> AuditActor {
        AuditActor(id: nil, username: "system:\(command)", address: nil)
    }
}

/// Appends to the audit trail. Writing is a plain insert, in the caller's transaction, so an audited
/// change and its entry are saved together or not at all, and no writer waits for another: the
/// hash chain is added afterwards by `AuditSealer` (docs/decisions/001-audit-chain.md).
enum AuditLog {
    static func record(_ event: AuditEvent, by actor: AuditActor, on database: any Database) async throws {
        try await entry(event, by: actor).create(on: database)
    }

    /// Many entries in one statement (an import's children): one round trip instead of one per entry.
    static func record(_ events: [AuditEvent], by actor: AuditActor, on database: any Database) async throws {
        guard !events.isEmpty else { return }
        try await events.map { entry($0, by: actor) }.create(on: database)
    }

    private static func entry(_ event: AuditEvent, by actor: AuditActor) -> AuditEntry {
        let entry = AuditEntry()
        entry.id = UUID()
        entry.occurredAt = Date()
        entry.actorID = actor.id
        entry.actorUsername = actor.username
        entry.action = event.action
        entry.recordType = event.recordType
        entry.recordID = event.recordID
        entry.provinceCode = event.jurisdiction.provinceCode
        entry.communeCode = event.jurisdiction.communeCode
        entry.sourceAddress = actor.address
        entry.details = event.details
        return entry
    }
}

extension Request {
    /// The signed-in person (or, before sign-in, the name they typed) and their address.
    func auditActor(username: String? = nil) -> AuditActor {
        AuditActor(
            id: principal?.userID, username: principal?.username ?? username ?? "anonymous",
            address: remoteAddress?.ipAddress)
    }
}
