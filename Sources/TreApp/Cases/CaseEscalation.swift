import Fluent
import Foundation
import SQLKit
import TreDomain
import Vapor

/// A message in the app for one person: a passed deadline on a case they answer for.
final class CaseNotification: Model, @unchecked Sendable {
    static let schema = "case_notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "message_vi") var messageVI: String
    @Field(key: "message_en") var messageEN: String
    @OptionalField(key: "read_at") var readAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// When a case's deadline passes: the case is marked escalated, its commune's officers and chairperson
/// and its province's officers are told in the app, and the escalation is audited. Runs on every node;
/// marking is one conditional UPDATE, so a case is escalated once however many nodes see it.
enum CaseEscalation {
    @discardableResult
    static func run(now: Date = Date(), on database: any Database) async throws -> Int {
        let due = try await ProtectionCase.query(on: database)
            .filter(\.$status != CaseStatus.closed.rawValue)
            .filter(\.$nextDeadlineAt < now)
            .filter(\.$escalatedAt == nil)
            .limit(500).all()
        var escalated = 0
        for found in due {
            let done = try await database.writeTransaction { database -> Bool in
                let sql = try database.sql()
                let id = try found.requireID()
                let marked = try await sql.update(ProtectionCase.schema).set("escalated_at", to: now)
                    .where("id", .equal, id).where(SQLColumn("escalated_at"), .is, SQLLiteral.null)
                    .returning("id").all()
                guard marked.count == 1 else { return false }  // another node escalated it first
                let kind = found.deadline?.kind ?? .plan
                let commune = try await UnitQueries.commune(code: found.communeCode, on: database)
                let place = commune?.name ?? String(found.communeCode)
                let recipients = try await CaseNotification.recipients(of: found, includingProvince: true, on: database)
                try await CaseNotification.tell(
                    recipients, about: id, kind: "deadline_passed",
                    LocalizedText(
                        vi: "Quá hạn: \(kind.label.vi) — vụ việc tại \(place).",
                        en: "Deadline passed: \(kind.label.en) — case in \(place)."),
                    on: database)
                try await AuditLog.record(
                    AuditEvent(
                        action: "case.escalated", recordType: "case", recordID: id.uuidString,
                        jurisdiction: found.jurisdiction, details: "deadline=\(kind.rawValue) told=\(recipients.count)"),
                    by: .system("escalation"), on: database)
                return true
            }
            if done { escalated += 1 }
        }
        return escalated
    }
}

extension CaseNotification {
    /// Who is told about a case: the active officers and chairperson of its commune, and, for an escalation,
    /// the officers of its province.
    static func recipients(of found: ProtectionCase, includingProvince: Bool, on database: any Database)
        async throws -> [UserAccount]
    {
        try await UserAccount.query(on: database)
            .filter(\.$disabled == false)
            .group(.or) { either in
                either.group(.and) {
                    $0.filter(\.$communeCode == found.communeCode)
                        .filter(\.$role ~~ [Role.communeOfficer.rawValue, Role.communeChair.rawValue])
                }
                if includingProvince {
                    either.group(.and) {
                        $0.filter(\.$provinceCode == found.provinceCode)
                            .filter(\.$role == Role.provincialOfficer.rawValue)
                    }
                }
            }
            .all()
    }

    /// One notification for each person, in both languages.
    static func tell(
        _ people: [UserAccount], about caseID: UUID, kind: String, _ message: LocalizedText,
        on database: any Database
    ) async throws {
        for person in people {
            let note = CaseNotification()
            note.userID = try person.requireID()
            note.caseID = caseID
            note.kind = kind
            note.messageVI = message.vi
            note.messageEN = message.en
            try await note.create(on: database)
        }
    }
}
