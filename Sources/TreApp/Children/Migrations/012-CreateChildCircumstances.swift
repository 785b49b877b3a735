import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateChildCircumstances: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CircumstanceSubgroupRecord.schema)
            .id()
            .field("group_code", .string, .required)
            .field("group_name_vi", .string, .required)
            .field("group_name_en", .string, .required)
            .field("subgroup_number", .int, .required)
            .field("subgroup_name", .string, .required)
            .field("source", .string, .required)
            .unique(on: "group_code", "subgroup_number")
            .create()
        try await database.schema(ChildCircumstance.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, "id", onDelete: .cascade))
            .field("group_code", .string, .required)
            .field("subgroup_number", .int, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("review_date", .string)
            .field("evidence", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ChildSupport.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("date", .string, .required)
            .field("amount_vnd", .int64, .required)
            .field("source", .string, .required)
            .field("source_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "child_circumstances_child_idx").on(ChildCircumstance.schema).column("child_id")
                .run()
            try await sql.create(index: "child_circumstances_group_idx").on(ChildCircumstance.schema)
                .column("group_code").column("child_id").run()
            try await sql.create(index: "child_supports_child_idx").on(ChildSupport.schema).column("child_id").run()
        }
        try await seed(on: database)
    }

    /// The shipped sub-groups with the columns this table has here (the English names come with 035): written
    /// as plain SQL, since the model now knows a column this migration does not make.
    private func seed(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let insert = sql.insert(into: CircumstanceSubgroupRecord.schema)
            .columns("id", "group_code", "group_name_vi", "group_name_en", "subgroup_number", "subgroup_name", "source")
        for subgroup in try CircumstanceSubgroupRecord.shipped() {
            insert.values(
                SQLBind(UUID()), SQLBind(subgroup.groupCode), SQLBind(subgroup.groupName.vi),
                SQLBind(subgroup.groupName.en), SQLBind(subgroup.number), SQLBind(subgroup.name.vi),
                SQLBind(subgroup.source))
        }
        try await insert.run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChildSupport.schema).delete()
        try await database.schema(ChildCircumstance.schema).delete()
        try await database.schema(CircumstanceSubgroupRecord.schema).delete()
    }
}
