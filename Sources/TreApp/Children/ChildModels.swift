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
    /// The commune police's last answer about the personal ID (`PoliceVerification`), and its day (YYYY-MM-DD).
    @OptionalField(key: "id_verification") var idVerification: String?
    @OptionalField(key: "id_verified_on") var idVerifiedOn: String?
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
