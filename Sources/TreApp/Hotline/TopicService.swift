import Fluent
import Foundation
import TreDomain

/// The hotline taxonomy's changes: a topic is added or retired, each in a new version, with its audit
/// entry in the same transaction. Codes never change, so figures stay comparable across versions.
struct TopicService {
    let database: any Database
    let actor: AuditActor

    /// What the administrator typed for a new topic.
    struct NewTopic: Sendable {
        var category: String
        var suffix: String
        var nameVI: String
        var nameEN: String
        var abuseForm: String
    }

    static let unnamed = ContactTopicRules.Refusal(
        message: LocalizedText(vi: "Cần ghi tên chủ đề.", en: "Give the topic a name."))

    /// Adds a topic under an existing category, in the next version of the taxonomy.
    @discardableResult
    func add(_ new: NewTopic) async throws -> ContactTopicRecord {
        let actor = actor
        return try await database.writeTransaction { database in
            let topics = try await ContactTopicRecord.query(on: database).all()
            let code = try ContactTopicRules.newCode(
                category: new.category, suffix: new.suffix, existing: Set(topics.map(\.code)),
                categories: Set(topics.map(\.categoryCode)))
            let name = VietnameseText.normalized(new.nameVI)
            guard !name.isEmpty else { throw Self.unnamed }
            guard let sibling = topics.first(where: { $0.categoryCode == new.category }) else {
                throw TreError.notFound
            }
            let version = Self.currentVersion(topics) + 1
            let topic = ContactTopicRecord()
            topic.code = code
            topic.categoryCode = sibling.categoryCode
            topic.categoryVI = sibling.categoryVI
            topic.categoryEN = sibling.categoryEN
            topic.nameVI = name
            topic.nameEN = VietnameseText.normalized(new.nameEN).isEmpty ? name : new.nameEN
            topic.abuseForm = AbuseForm(rawValue: new.abuseForm)?.rawValue
            topic.version = version
            try await topic.create(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "topic.added", recordType: "contact_topic", recordID: code, jurisdiction: .nation,
                    details: "version=\(version)"),
                by: actor, on: database)
            return topic
        }
    }

    /// Retires a topic in the next version; a topic already retired stays as it is. An unknown code is not found.
    func retire(code: String) async throws {
        let actor = actor
        try await database.writeTransaction { database in
            let topics = try await ContactTopicRecord.query(on: database).all()
            guard let topic = topics.first(where: { $0.code == code }) else { throw TreError.notFound }
            guard topic.retiredIn == nil else { return }
            let version = Self.currentVersion(topics) + 1
            topic.retiredIn = version
            try await topic.update(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "topic.retired", recordType: "contact_topic", recordID: code, jurisdiction: .nation,
                    details: "version=\(version)"),
                by: actor, on: database)
        }
    }

    /// The taxonomy's version: the last one in which a topic was added or retired.
    static func currentVersion(_ topics: [ContactTopicRecord]) -> Int {
        topics.map { max($0.version, $0.retiredIn ?? 0) }.max() ?? 0
    }
}
