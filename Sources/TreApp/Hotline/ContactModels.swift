import Fluent
import Foundation
import SQLKit
import TreDomain

/// One topic of the hotline taxonomy. Codes never change; a later version retires a topic instead.
final class ContactTopicRecord: Model, @unchecked Sendable {
    static let schema = "contact_topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "category_vi") var categoryVI: String
    @Field(key: "category_en") var categoryEN: String
    @Field(key: "name_vi") var nameVI: String
    @Field(key: "name_en") var nameEN: String
    @OptionalField(key: "abuse_form") var abuseForm: String?
    @Field(key: "version") var version: Int
    /// The taxonomy version that retired it; nil while in use.
    @OptionalField(key: "retired_in") var retiredIn: Int?

    init() {}

    /// Which of these codes a new contact may use. Only the codes asked about are read: decoding the
    /// whole catalogue on every logged contact was a sixth of the hotline API's time.
    static func codesInUse(among codes: [String], on database: any Database) async throws -> Set<String> {
        guard !codes.isEmpty else { return [] }
        return Set(try await query(on: database).filter(\.$retiredIn == nil).filter(\.$code ~~ codes).all().map(\.code))
    }
}

/// A contact with the hotline: one call, chat or letter.
final class HotlineContact: Model, @unchecked Sendable {
    static let schema = "hotline_contacts"

    @ID(key: .id) var id: UUID?
    @Field(key: "channel") var channel: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    @Field(key: "caller_type") var callerType: String
    /// Normalised phone digits or chat id: how repeat callers are recognised. Hotline roles only.
    @Field(key: "caller_identifier") var callerIdentifier: String
    @OptionalField(key: "child_sex") var childSex: String?
    @OptionalField(key: "child_age_band") var childAgeBand: String?
    @OptionalField(key: "province_code") var provinceCode: Int?
    /// Comma-separated topic codes (also one row each in `hotline_contact_topics`).
    @Field(key: "topic_codes") var topicCodes: String
    /// The first topic: what the contact is counted under, so that breakdowns add up to the total.
    @OptionalField(key: "primary_topic") var primaryTopic: String?
    @OptionalField(key: "outcome") var outcome: String?
    @Field(key: "notes") var notes: String
    @OptionalField(key: "case_id") var caseID: UUID?
    /// `YYYY-MM-DD`: when to call back or check again; cleared by `followedUpAt`.
    @OptionalField(key: "follow_up_on") var followUpOn: String?
    @OptionalField(key: "followed_up_at") var followedUpAt: Date?
    @Field(key: "counsellor_id") var counsellorID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    func apply(_ contact: ValidContact) {
        channel = contact.channel.rawValue
        startedAt = contact.startedAt
        endedAt = contact.endedAt
        callerType = contact.callerType.rawValue
        callerIdentifier = contact.callerIdentifier
        childSex = contact.childSex
        childAgeBand = contact.childAgeBand
        provinceCode = contact.provinceCode
        topicCodes = contact.topicCodes.joined(separator: ",")
        primaryTopic = contact.topicCodes.first
        outcome = contact.outcome?.rawValue
        notes = contact.notes
        followUpOn = contact.followUpOn?.description
    }

    var draft: ContactDraft {
        ContactDraft(
            channel: channel, startedAt: startedAt, endedAt: endedAt, callerType: callerType,
            callerIdentifier: callerIdentifier, childSex: childSex ?? "", childAgeBand: childAgeBand ?? "",
            provinceCode: provinceCode, topicCodes: topicCodes.split(separator: ",").map(String.init),
            outcome: outcome ?? "", notes: notes, followUpOn: followUpOn ?? "")
    }
}

/// A contact's topics, one row each, so statistics count by topic in SQL.
final class HotlineContactTopic: Model, @unchecked Sendable {
    static let schema = "hotline_contact_topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "contact_id") var contactID: UUID
    @Field(key: "topic_code") var topicCode: String

    init() {}

    init(contactID: UUID, topicCode: String) {
        self.contactID = contactID
        self.topicCode = topicCode
    }
}
