import Fluent
import Foundation
import SQLKit
import TreDomain

/// A report of a child at risk or abused (Mẫu 01), as received. The reporter's identity is kept here
/// only, shown to the receiving point and the case's officers, and never exported.
final class AbuseReport: Model, @unchecked Sendable {
    static let schema = "abuse_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "channel") var channel: String
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "anonymous") var anonymous: Bool
    @Field(key: "reporter_name") var reporterName: String
    @Field(key: "reporter_phone") var reporterPhone: String
    /// The reporter agreed to be contacted by the commune (`AddReporterConsent`); false for older reports.
    @OptionalField(key: "reporter_agrees_to_contact") var reporterAgreesToContact: Bool?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    /// Comma-separated `AbuseForm` values.
    @Field(key: "abuse_forms") var abuseForms: String
    @Field(key: "abuser_is_carer") var abuserIsCarer: Bool
    @Field(key: "description") var description: String
    @Field(key: "received_by") var receivedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One case: the procedure run for the children of a report, in the commune that must act.
final class ProtectionCase: Model, @unchecked Sendable {
    static let schema = "protection_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "report_id") var reportID: UUID
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "status") var status: String
    @Field(key: "abuser_is_carer") var abuserIsCarer: Bool
    @OptionalField(key: "serious_threat") var seriousThreat: Bool?
    @OptionalField(key: "risk") var risk: String?
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "plan_submitted_at") var planSubmittedAt: Date?
    /// `YYYY-MM-DD`, while a temporary separation runs.
    @OptionalField(key: "separation_end") var separationEnd: String?
    /// The next legal deadline, kept with the case so inboxes sort and filter by it in the database.
    @OptionalField(key: "next_deadline_kind") var nextDeadlineKind: String?
    @OptionalField(key: "next_deadline_at") var nextDeadlineAt: Date?
    /// Set when a passed deadline was escalated to the province.
    @OptionalField(key: "escalated_at") var escalatedAt: Date?
    /// Optimistic locking: each step names the version it saw; a second officer acting on an older
    /// version is told to reload instead of overwriting.
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var facts: CaseFacts {
        CaseFacts(
            status: CaseStatus(rawValue: status) ?? .received, provinceCode: provinceCode, communeCode: communeCode,
            abuserIsCarer: abuserIsCarer, seriousThreat: seriousThreat)
    }

    var jurisdiction: Jurisdiction { .commune(provinceCode: provinceCode, communeCode: communeCode) }

    /// Recomputes the stored next deadline from the case's facts.
    func updateDeadline(clock: CaseClock) {
        let deadline = clock.nextDeadline(
            facts: facts, receivedAt: receivedAt, planSubmittedAt: planSubmittedAt,
            separationEnd: separationEnd.flatMap(CivilDate.init(iso:)))
        nextDeadlineKind = deadline?.kind.rawValue
        nextDeadlineAt = deadline?.due
    }
}

/// The children a case is about.
final class CaseChild: Model, @unchecked Sendable {
    static let schema = "case_children"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "child_id") var childID: UUID

    init() {}

    init(caseID: UUID, childID: UUID) {
        self.caseID = caseID
        self.childID = childID
    }
}

/// One step taken (Mẫu 02–07 and the decisions between them): what was recorded, by whom, when.
final class CaseStepRecord: Model, @unchecked Sendable {
    static let schema = "case_steps"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "step") var step: String
    @Field(key: "status_after") var statusAfter: String
    /// The form's content as JSON (the domain's Codable step), printed in the official order.
    @Field(key: "content") var content: String
    @Field(key: "actor_id") var actorID: UUID
    @Field(key: "actor_name") var actorName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AbuseReport.schema)
            .id()
            .field("channel", .string, .required)
            .field("received_at", .datetime, .required)
            .field("anonymous", .bool, .required)
            .field("reporter_name", .string, .required)
            .field("reporter_phone", .string, .required)
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("abuse_forms", .string, .required)
            .field("abuser_is_carer", .bool, .required)
            .field("description", .string, .required)
            .field("received_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ProtectionCase.schema)
            .id()
            .field("report_id", .uuid, .required, .references(AbuseReport.schema, "id"))
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("status", .string, .required)
            .field("abuser_is_carer", .bool, .required)
            .field("serious_threat", .bool)
            .field("risk", .string)
            .field("received_at", .datetime, .required)
            .field("plan_submitted_at", .datetime)
            .field("separation_end", .string)
            .field("next_deadline_kind", .string)
            .field("next_deadline_at", .datetime)
            .field("escalated_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(CaseChild.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ProtectionCase.schema, "id"))
            .field("child_id", .uuid, .required, .references(Child.schema, "id"))
            .unique(on: "case_id", "child_id")
            .create()
        try await database.schema(CaseStepRecord.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ProtectionCase.schema, "id"))
            .field("step", .string, .required)
            .field("status_after", .string, .required)
            .field("content", .string, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for (name, table, columns) in [
            ("protection_cases_commune_idx", ProtectionCase.schema, ["commune_code", "status", "next_deadline_at"]),
            ("protection_cases_province_idx", ProtectionCase.schema, ["province_code", "status", "next_deadline_at"]),
            ("protection_cases_deadline_idx", ProtectionCase.schema, ["next_deadline_at"]),
            ("case_children_child_idx", CaseChild.schema, ["child_id"]),
            ("case_steps_case_idx", CaseStepRecord.schema, ["case_id"]),
        ] {
            try await sql.createIndex(name, on: table, columns: columns)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [CaseStepRecord.schema, CaseChild.schema, ProtectionCase.schema, AbuseReport.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// Whether the reporter agreed to be contacted by the commune (issue 14): reports received before it have no
/// answer, which counts as no.
struct AddReporterConsent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AbuseReport.schema).field("reporter_agrees_to_contact", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AbuseReport.schema).deleteField("reporter_agrees_to_contact").update()
    }
}
