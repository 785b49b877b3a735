import Fluent
import Foundation
import SQLKit
import TreDomain

/// A child in the registry. Names are stored as written (NFC) and folded for search; age is never
/// stored, only the birth date (or estimated year) it is derived from.
final class Child: Model, @unchecked Sendable {
    static let schema = "children"

    @ID(key: .id) var id: UUID?
    @Field(key: "full_name") var fullName: String
    @Field(key: "family_name") var familyName: String
    @Field(key: "middle_name") var middleName: String
    @Field(key: "given_name") var givenName: String
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "given_folded") var givenFolded: String
    /// Hoàng/Huỳnh and Vũ/Võ folded to one spelling, for duplicate detection.
    @Field(key: "family_comparable") var familyComparable: String
    /// Vietnamese order: given name, family name, middle name (`VietnameseCollation`).
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "sex") var sex: String
    @OptionalField(key: "birth_date") var birthDate: String?
    @Field(key: "birth_year") var birthYear: Int
    /// The birth date, or 1 July of an estimated year: what age filters compare with.
    @Field(key: "birth_date_for_age") var birthDateForAge: String
    @OptionalField(key: "ethnicity_code") var ethnicityCode: String?
    @OptionalField(key: "personal_id") var personalID: String?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "address") var address: String
    @OptionalField(key: "school_status") var schoolStatus: String?
    @OptionalField(key: "health_insurance_card") var healthInsuranceCard: String?
    @OptionalField(key: "nutrition_status") var nutritionStatus: String?
    @OptionalField(key: "disability_level") var disabilityLevel: String?
    @Field(key: "notes") var notes: String
    /// Set when this record was merged into another; it stays for its history but leaves every list.
    @OptionalField(key: "merged_into") var mergedInto: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Children(for: \.$child) var caregivers: [ChildCaregiver]

    init() {}

    var jurisdiction: Jurisdiction { .commune(provinceCode: provinceCode, communeCode: communeCode) }

    /// Copies a checked record in; the province comes from the commune.
    func apply(_ valid: ValidChild, provinceCode: Int) {
        fullName = valid.name.fullName
        familyName = valid.name.familyName
        middleName = valid.name.middleName
        givenName = valid.name.givenName
        nameFolded = VietnameseText.folded(valid.name.fullName)
        givenFolded = VietnameseText.folded(valid.name.givenName)
        familyComparable = valid.name.comparableFamilyName
        sortKey = valid.name.sortKey
        sex = valid.sex.rawValue
        birthDate = valid.birthDate
        birthYear = valid.birthYear
        birthDateForAge = valid.birthDateForAge
        ethnicityCode = valid.ethnicityCode
        personalID = valid.personalID
        self.provinceCode = provinceCode
        communeCode = valid.communeCode
        address = valid.address
        schoolStatus = valid.schoolStatus?.rawValue
        healthInsuranceCard = valid.healthInsuranceCard
        nutritionStatus = valid.nutritionStatus?.rawValue
        disabilityLevel = valid.disabilityLevel?.rawValue
        notes = valid.notes
    }
}

/// Someone who cares for a child; the phone is stored normalised so a duplicate check can compare it.
final class ChildCaregiver: Model, @unchecked Sendable {
    static let schema = "child_caregivers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "child_id") var child: Child
    @Field(key: "relation") var relation: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "phone") var phone: String

    init() {}

    init(childID: UUID, relation: String, fullName: String, phone: String) {
        self.$child.id = childID
        self.relation = relation
        self.fullName = fullName
        self.phone = phone
    }
}

/// One folded word of a child's name: search finds children by the start of any word through an index
/// on this table, the same way on SQLite and PostgreSQL.
final class ChildNameToken: Model, @unchecked Sendable {
    static let schema = "child_name_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "token") var token: String
    /// The child's place, copied here so a commune's or province's search reads only its own tokens.
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    /// The child's whole folded name, so that the other words of a search are checked in the token
    /// index itself, without reading each candidate child (docs/decisions/003-name-search.md).
    @Field(key: "name_folded") var nameFolded: String

    init() {}

    /// A word of `child`'s name, carrying the child's place and folded name (the child has its id).
    init(_ token: String, of child: Child) throws {
        self.childID = try child.requireID()
        self.token = token
        self.provinceCode = child.provinceCode
        self.communeCode = child.communeCode
        self.nameFolded = child.nameFolded
    }
}

struct CreateChildren: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Child.schema)
            .id()
            .field("full_name", .string, .required)
            .field("family_name", .string, .required)
            .field("middle_name", .string, .required)
            .field("given_name", .string, .required)
            .field("name_folded", .string, .required)
            .field("given_folded", .string, .required)
            .field("family_comparable", .string, .required)
            .field("sort_key", .string, .required)
            .field("sex", .string, .required)
            .field("birth_date", .string)
            .field("birth_year", .int, .required)
            .field("birth_date_for_age", .string, .required)
            .field("ethnicity_code", .string)
            .field("personal_id", .string)
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .field("address", .string, .required)
            .field("school_status", .string)
            .field("health_insurance_card", .string)
            .field("nutrition_status", .string)
            .field("disability_level", .string)
            .field("notes", .string, .required)
            .field("merged_into", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "personal_id")
            .create()
        try await database.schema(ChildCaregiver.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, "id", onDelete: .cascade))
            .field("relation", .string, .required)
            .field("full_name", .string, .required)
            .field("phone", .string, .required)
            .create()
        try await database.schema(ChildNameToken.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, "id", onDelete: .cascade))
            .field("token", .string, .required)
            .field("province_code", .int, .required)
            .field("commune_code", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChildNameToken.schema).delete()
        try await database.schema(ChildCaregiver.schema).delete()
        try await database.schema(Child.schema).delete()
    }
}

/// Tokens carry the folded name; the search indexes end with it, so a search reads one index range.
struct AddFoldedNameToNameTokens: AsyncMigration {
    static let replacedIndexes = [
        "child_name_tokens_token_idx", "child_name_tokens_province_idx", "child_name_tokens_commune_idx",
    ]
    static let indexes: [(name: String, columns: [String])] = [
        ("child_name_tokens_token_name_idx", ["token", "name_folded", "child_id"]),
        ("child_name_tokens_province_name_idx", ["province_code", "token", "name_folded", "child_id"]),
        ("child_name_tokens_commune_name_idx", ["commune_code", "token", "name_folded", "child_id"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await database.schema(ChildNameToken.schema)
            .field("name_folded", .string, .required, .sql(.default(""))).update()
        try await sql.raw(
            """
            UPDATE child_name_tokens SET name_folded = \
            (SELECT name_folded FROM children WHERE children.id = child_name_tokens.child_id)
            """
        ).run()
        for name in Self.replacedIndexes { try await sql.drop(index: name).run() }
        for index in Self.indexes {
            try await sql.createIndex(index.name, on: ChildNameToken.schema, columns: index.columns)
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
        try await database.schema(ChildNameToken.schema).deleteField("name_folded").update()
    }
}

/// The indexes behind the registry's lists, search and duplicate check.
struct IndexChildren: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("children_commune_sort_idx", Child.schema, ["commune_code", "sort_key"]),
        ("children_province_sort_idx", Child.schema, ["province_code", "sort_key"]),
        ("children_sort_idx", Child.schema, ["sort_key"]),
        ("children_given_folded_idx", Child.schema, ["given_folded", "birth_year"]),
        ("child_name_tokens_token_idx", ChildNameToken.schema, ["token", "child_id"]),
        ("child_name_tokens_province_idx", ChildNameToken.schema, ["province_code", "token", "child_id"]),
        ("child_name_tokens_commune_idx", ChildNameToken.schema, ["commune_code", "token", "child_id"]),
        ("child_name_tokens_child_idx", ChildNameToken.schema, ["child_id"]),
        ("child_caregivers_child_idx", ChildCaregiver.schema, ["child_id"]),
        ("child_caregivers_phone_idx", ChildCaregiver.schema, ["phone"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.createIndex(index.name, on: index.table, columns: index.columns)
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}

/// A list's page and its count read one index and no row. The sort indexes also carry what every list
/// filters on (not merged; under 16 by birth date; sex) and the id: counting a commune of 33,000 children by
/// reading each row took 110 ms at a million children on SQLite, the nation 720 ms; from the index, 3
/// and 87 ms. (An index led by those filters instead made SQLite sort a million rows for the first page.)
struct CoverChildListsWithSortIndexes: AsyncMigration {
    static let replacedIndexes = ["children_commune_sort_idx", "children_province_sort_idx", "children_sort_idx"]
    static let indexes: [(name: String, columns: [String])] = [
        ("children_commune_list_idx", ["commune_code", "sort_key", "id", "merged_into", "birth_date_for_age", "sex"]),
        (
            "children_province_list_idx",
            ["province_code", "sort_key", "id", "merged_into", "birth_date_for_age", "sex"]
        ),
        ("children_list_idx", ["sort_key", "id", "merged_into", "birth_date_for_age", "sex"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in Self.replacedIndexes { try await sql.drop(index: name).run() }
        for index in Self.indexes {
            try await sql.createIndex(index.name, on: Child.schema, columns: index.columns)
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
        for index in IndexChildren.indexes where Self.replacedIndexes.contains(index.name) {
            try await sql.createIndex(index.name, on: Child.schema, columns: index.columns)
        }
    }
}
