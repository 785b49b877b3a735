import Fluent
import Foundation
import TreDomain
import Vapor

/// A referral of the case to a provider, and the provider's reply.
final class CaseReferral: Model, @unchecked Sendable {
    static let schema = "case_referrals"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "provider_kind") var providerKind: String
    @Field(key: "provider_name") var providerName: String
    @Field(key: "reason") var reason: String
    @Field(key: "sent_on") var sentOn: String
    @Field(key: "status") var status: String
    @Field(key: "reply") var reply: String
    @Field(key: "by_name") var byName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A follow-up visit to the child.
final class CaseFollowUp: Model, @unchecked Sendable {
    static let schema = "case_follow_ups"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "visited_on") var visitedOn: String
    @Field(key: "child_seen") var childSeen: Bool
    @Field(key: "notes") var notes: String
    @Field(key: "by_name") var byName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

extension CaseService {
    private func openCase(_ id: UUID, on database: any Database) async throws -> ProtectionCase {
        guard let found = try await CaseQueries.find(id, in: principal.jurisdiction, on: database) else {
            throw TreError.notFound
        }
        guard [.communeOfficer, .communeChair, .provincialOfficer].contains(principal.role) else {
            throw TreError.forbidden
        }
        return found
    }

    func refer(_ id: UUID, _ draft: ReferralDraft, today: CivilDate = VietnamDay.containing(Date())) async throws
        -> CaseReferral
    {
        try await database.writeTransaction { database in
            let found = try await openCase(id, on: database)
            try CaseRecordRules.check(draft, status: found.facts.status, today: today)
            let referral = CaseReferral()
            referral.caseID = id
            referral.providerKind = draft.providerKind.rawValue
            referral.providerName = VietnameseText.normalized(draft.providerName)
            referral.reason = VietnameseText.normalized(draft.reason)
            referral.sentOn = draft.sentOn.description
            referral.status = ReferralStatus.sent.rawValue
            referral.reply = ""
            referral.byName = principal.fullName
            try await referral.create(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "case.referred", recordType: "case", recordID: id.uuidString,
                    jurisdiction: found.jurisdiction, details: "provider=\(draft.providerKind.rawValue)"),
                by: actor, on: database)
            return referral
        }
    }

    func answerReferral(_ id: UUID, referral referralID: UUID, status: ReferralStatus, reply: String) async throws
        -> CaseReferral
    {
        try await database.writeTransaction { database in
            let found = try await openCase(id, on: database)
            guard
                let referral = try await CaseReferral.query(on: database).filter(\.$id == referralID)
                    .filter(\.$caseID == id).first()
            else { throw TreError.notFound }
            referral.status = status.rawValue
            referral.reply = VietnameseText.normalized(reply)
            try await referral.update(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "case.referral_answered", recordType: "case", recordID: id.uuidString,
                    jurisdiction: found.jurisdiction, details: "status=\(status.rawValue)"),
                by: actor, on: database)
            return referral
        }
    }

    func recordVisit(_ id: UUID, _ draft: FollowUpDraft, today: CivilDate = VietnamDay.containing(Date()))
        async throws -> CaseFollowUp
    {
        try await database.writeTransaction { database in
            let found = try await openCase(id, on: database)
            try CaseRecordRules.check(draft, status: found.facts.status, today: today)
            let visit = CaseFollowUp()
            visit.caseID = id
            visit.visitedOn = draft.visitedOn.description
            visit.childSeen = draft.childSeen
            visit.notes = VietnameseText.normalized(draft.notes)
            visit.byName = principal.fullName
            try await visit.create(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "case.follow_up", recordType: "case", recordID: id.uuidString,
                    jurisdiction: found.jurisdiction),
                by: actor, on: database)
            return visit
        }
    }
}

struct ReferralDTO: Content {
    var id: UUID
    var providerKind: String
    var providerName: String
    var reason: String
    var sentOn: String
    var status: String
    var reply: String

    init(_ referral: CaseReferral) throws {
        id = try referral.requireID()
        providerKind = referral.providerKind
        providerName = referral.providerName
        reason = referral.reason
        sentOn = referral.sentOn
        status = referral.status
        reply = referral.reply
    }
}

struct FollowUpDTO: Content {
    var visitedOn: String
    var childSeen: Bool
    var notes: String
    var by: String

    init(_ visit: CaseFollowUp) {
        visitedOn = visit.visitedOn
        childSeen = visit.childSeen
        notes = visit.notes
        by = visit.byName
    }
}
