import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateHotlineContacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ContactTopicRecord.schema)
            .id()
            .field("code", .string, .required)
            .field("category_code", .string, .required)
            .field("category_vi", .string, .required)
            .field("category_en", .string, .required)
            .field("name_vi", .string, .required)
            .field("name_en", .string, .required)
            .field("abuse_form", .string)
            .field("version", .int, .required)
            .field("retired_in", .int)
            .unique(on: "code")
            .create()
        try await database.schema(HotlineContact.schema)
            .id()
            .field("channel", .string, .required)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("caller_type", .string, .required)
            .field("caller_identifier", .string, .required)
            .field("child_sex", .string)
            .field("child_age_band", .string)
            .field("province_code", .int)
            .field("topic_codes", .string, .required)
            .field("primary_topic", .string)
            .field("outcome", .string)
            .field("notes", .string, .required)
            .field("case_id", .uuid, .references(ProtectionCase.schema, "id"))
            .field("follow_up_on", .string)
            .field("followed_up_at", .datetime)
            .field("counsellor_id", .uuid, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(HotlineContactTopic.schema)
            .id()
            .field("contact_id", .uuid, .required, .references(HotlineContact.schema, "id"))
            .field("topic_code", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for (name, table, columns) in [
            ("hotline_contacts_caller_idx", HotlineContact.schema, ["caller_identifier", "started_at"]),
            // Covers the statistics' grouped scan of a period, so it reads the index alone.
            (
                "hotline_contacts_statistics_idx", HotlineContact.schema,
                ["started_at", "province_code", "channel", "outcome", "primary_topic", "child_sex", "child_age_band"]
            ),
            ("hotline_contacts_follow_up_idx", HotlineContact.schema, ["follow_up_on"]),
            ("hotline_contact_topics_contact_idx", HotlineContactTopic.schema, ["contact_id"]),
            ("hotline_contact_topics_topic_idx", HotlineContactTopic.schema, ["topic_code"]),
        ] {
            try await sql.createIndex(name, on: table, columns: columns)
        }
        try await seedTopics(on: database)
    }

    /// Version 1 of the taxonomy, from the shipped file.
    private func seedTopics(on database: any Database) async throws {
        let text = try String(contentsOfFile: ResourceDirectories.data + "contact-topics.csv", encoding: .utf8)
        let topics = try ContactTopicsFile.parse(text)
        for topic in topics {
            let record = ContactTopicRecord()
            record.code = topic.code
            record.categoryCode = topic.categoryCode
            record.categoryVI = topic.category.vi
            record.categoryEN = topic.category.en
            record.nameVI = topic.name.vi
            record.nameEN = topic.name.en
            record.abuseForm = topic.abuseForm?.rawValue
            record.version = topic.version
            try await record.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [HotlineContactTopic.schema, HotlineContact.schema, ContactTopicRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
