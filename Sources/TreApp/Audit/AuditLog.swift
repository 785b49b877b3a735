import Fluent
import Foundation
import SQLKit
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
///
/// Entries are inserted with plain SQL: every audited change writes one, and a Fluent model's
/// reflection per insert was a noticeable share of each write request's CPU.
enum AuditLog {
    static func record(_ event: AuditEvent, by actor: AuditActor, on database: any Database) async throws {
        try await record([event], by: actor, on: database)
    }

    /// Many entries in one statement per thousand (an import's children): one round trip instead of one per entry.
    static func record(_ events: [AuditEvent], by actor: AuditActor, on database: any Database) async throws {
        guard !events.isEmpty, let sql = database as? any SQLDatabase else { return }
        let occurredAt = Date()
        for start in stride(from: 0, to: events.count, by: 1000) {
            let insert = sql.insert(into: AuditEntry.schema).columns(
                "id", "occurred_at", "actor_id", "actor_username", "action", "record_type", "record_id",
                "province_code", "commune_code", "source_address", "details")
            for event in events[start..<min(start + 1000, events.count)] {
                insert.values(
                    SQLBind(UUID()), SQLBind(occurredAt), SQLBind(actor.id), SQLBind(actor.username),
                    SQLBind(event.action), SQLBind(event.recordType), SQLBind(event.recordID),
                    SQLBind(event.jurisdiction.provinceCode), SQLBind(event.jurisdiction.communeCode),
                    SQLBind(actor.address), SQLBind(event.details))
            }
            try await insert.run()
        }
    }
}

extension Request {
    /// The signed-in person (or, before sign-in, the name they typed) and their address.
    func auditActor(username: String? = nil) -> AuditActor {
        AuditActor(
            id: principal?.userID, username: principal?.username ?? username ?? "anonymous",
            address: clientAddress)
    }
}
