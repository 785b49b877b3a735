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
    ///
    /// Each entry carries the MAC that lets the sealer tell it from a row inserted by other means; its
    /// time is kept to the microsecond in `occurred_micros`, which both databases return exactly.
    static func record(_ events: [AuditEvent], by actor: AuditActor, on database: any Database) async throws {
        guard !events.isEmpty else { return }
        let sql = try database.sql()
        let micros = AuditFacts.micros(Date())
        let occurredAt = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        let key = AuditKey.current
        for start in stride(from: 0, to: events.count, by: 1000) {
            let insert = sql.insert(into: AuditEntry.schema).columns(
                "id", "occurred_at", "actor_id", "actor_username", "action", "record_type", "record_id",
                "province_code", "commune_code", "source_address", "details", "occurred_micros", "format", "entry_mac")
            for event in events[start..<min(start + 1000, events.count)] {
                let id = UUID()
                let facts = AuditFacts(
                    entryID: id.uuidString, occurredAt: occurredAt, actorUsername: actor.username, action: event.action,
                    recordType: event.recordType, recordID: event.recordID,
                    provinceCode: event.jurisdiction.provinceCode, communeCode: event.jurisdiction.communeCode,
                    sourceAddress: actor.address, details: event.details, actorID: actor.id?.uuidString,
                    occurredMicros: micros, format: .keyed)
                insert.values(
                    SQLBind(id), SQLBind(occurredAt), SQLBind(actor.id), SQLBind(actor.username),
                    SQLBind(event.action), SQLBind(event.recordType), SQLBind(event.recordID),
                    SQLBind(event.jurisdiction.provinceCode), SQLBind(event.jurisdiction.communeCode),
                    SQLBind(actor.address), SQLBind(event.details), SQLBind(micros),
                    SQLBind(AuditFormat.keyed.rawValue),
                    SQLBind(AuditChain.entryMAC(facts, key: key)))
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
