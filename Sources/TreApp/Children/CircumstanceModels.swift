import CSV
import Fluent
import Foundation
import SQLKit
import TreDomain

/// A sub-group of special circumstances as shipped (Resources/Data/special-circumstances.csv).
final class CircumstanceSubgroupRecord: Model, @unchecked Sendable {
    static let schema = "circumstance_subgroups"

    @ID(key: .id) var id: UUID?
    @Field(key: "group_code") var groupCode: String
    @Field(key: "group_name_vi") var groupNameVI: String
    @Field(key: "group_name_en") var groupNameEN: String
    @Field(key: "subgroup_number") var subgroupNumber: Int
    @Field(key: "subgroup_name") var subgroupName: String
    @Field(key: "source") var source: String

    init() {}

    var subgroup: CircumstanceSubgroup {
        CircumstanceSubgroup(
            groupCode: groupCode, groupName: LocalizedText(vi: groupNameVI, en: groupNameEN), number: subgroupNumber,
            name: subgroupName, source: source)
    }

    /// Statutory order: a, b, c, d, đ, e, g … o.
    static func all(on database: any Database) async throws -> [CircumstanceSubgroup] {
        try await query(on: database).all().map(\.subgroup).sorted {
            (VietnameseCollation.sortKey($0.groupCode), $0.number) < (
                VietnameseCollation.sortKey($1.groupCode), $1.number
            )
        }
    }
}

/// A child's membership of a group of special circumstances, open until it has an end date.
final class ChildCircumstance: Model, @unchecked Sendable {
    static let schema = "child_circumstances"

    @ID(key: .id) var id: UUID?
    @Parent(key: "child_id") var child: Child
    @Field(key: "group_code") var groupCode: String
    @Field(key: "subgroup_number") var subgroupNumber: Int
    @Field(key: "start_date") var startDate: String
    @OptionalField(key: "end_date") var endDate: String?
    @OptionalField(key: "review_date") var reviewDate: String?
    @Field(key: "evidence") var evidence: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(childID: UUID, _ valid: ValidCircumstance) {
        self.$child.id = childID
        groupCode = valid.groupCode
        subgroupNumber = valid.subgroupNumber
        startDate = valid.startDate
        endDate = valid.endDate
        reviewDate = valid.reviewDate
        evidence = valid.evidence
    }
}

/// Support a child received; the share of children in special circumstances supported is counted from here.
final class ChildSupport: Model, @unchecked Sendable {
    static let schema = "child_supports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "child_id") var child: Child
    @Field(key: "kind") var kind: String
    @Field(key: "date") var date: String
    @Field(key: "amount_vnd") var amountVND: Int
    @Field(key: "source") var source: String
    @Field(key: "source_name") var sourceName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(childID: UUID, _ valid: ValidSupport) {
        self.$child.id = childID
        kind = valid.kind.rawValue
        date = valid.date
        amountVND = valid.amountVND
        source = valid.source.rawValue
        sourceName = valid.sourceName
    }
}

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
