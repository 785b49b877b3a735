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
    /// The readable number's year and order in its commune (`CaseNumber`); given when the case is opened.
    @OptionalField(key: "number_year") var numberYear: Int?
    @OptionalField(key: "number_sequence") var numberSequence: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// "00004-2026-0012"; a case stored without a number (none should be) shows an empty one.
    var number: String {
        guard let numberYear, let numberSequence else { return "" }
        return CaseNumber(communeCode: communeCode, year: numberYear, sequence: numberSequence).description
    }

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
    /// A correction names the record it corrects, and why; the corrected record is kept unchanged.
    @OptionalField(key: "corrects_id") var correctsID: UUID?
    @OptionalField(key: "correction_reason") var correctionReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// The last number handed out to a commune's cases of one year. One row per commune and year; taking the next
/// number updates the row, which the database serializes, so two reports saved at once never share a number.
enum CaseNumberCounter {
    static let schema = "case_number_counters"

    struct Key: Hashable {
        var communeCode: Int
        var year: Int
    }

    struct NoNumber: Error {}

    /// The next number of the commune's cases of the year, inside the caller's transaction.
    static func next(communeCode: Int, year: Int, on database: any Database) async throws -> Int {
        struct Row: Decodable { var last: Int }
        let row = try await database.sql().raw(
            """
            INSERT INTO \(ident: schema) (commune_code, year, last) VALUES (\(bind: communeCode), \(bind: year), 1) \
            ON CONFLICT (commune_code, year) DO UPDATE SET last = \(ident: schema).last + 1 RETURNING last
            """
        ).first(decoding: Row.self)
        guard let row else { throw NoNumber() }
        return row.last
    }
}
