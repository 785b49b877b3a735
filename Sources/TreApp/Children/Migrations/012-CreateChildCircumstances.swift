import CSV
import Fluent
import Foundation
import SQLKit
import TreDomain

struct CreateChildCircumstances: AsyncMigration {
    static let fileName = "special-circumstances.csv"

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

    private func seed(on database: any Database) async throws {
        let text = try String(contentsOfFile: ResourceDirectories.data + Self.fileName, encoding: .utf8)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var records: [CircumstanceSubgroupRecord] = []
        while let row = reader.next(), row.count == 6, let number = Int(row[3]) {
            let record = CircumstanceSubgroupRecord()
            record.groupCode = row[0]
            record.groupNameVI = row[1]
            record.groupNameEN = row[2]
            record.subgroupNumber = number
            record.subgroupName = row[4]
            record.source = row[5]
            records.append(record)
        }
        try await records.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChildSupport.schema).delete()
        try await database.schema(ChildCircumstance.schema).delete()
        try await database.schema(CircumstanceSubgroupRecord.schema).delete()
    }
}
