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
    /// Added by migration 035; a row without it (none is shipped so) reads in Vietnamese.
    @OptionalField(key: "subgroup_name_en") var subgroupNameEN: String?
    @Field(key: "source") var source: String

    init() {}

    var subgroup: CircumstanceSubgroup {
        let english = subgroupNameEN.flatMap { $0.isEmpty ? nil : $0 } ?? subgroupName
        return CircumstanceSubgroup(
            groupCode: groupCode, groupName: LocalizedText(vi: groupNameVI, en: groupNameEN), number: subgroupNumber,
            name: LocalizedText(vi: subgroupName, en: english), source: source)
    }

    /// The shipped list (Resources/Data/special-circumstances.csv), read by the migrations that fill the table.
    static func shipped() throws -> [CircumstanceSubgroup] {
        let text = try String(contentsOfFile: ResourceDirectories.data + fileName, encoding: .utf8)
        return try SpecialCircumstancesFile.parse(text)
    }

    static let fileName = "special-circumstances.csv"

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
