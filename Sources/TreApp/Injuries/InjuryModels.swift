import Fluent
import Foundation
import SQLKit
import TreDomain

/// An accident or injury of a child, recorded once by the commune where it happened and counted by the
/// injury and drowning indicators. Linked to the child's record when the child is registered.
final class ChildInjuryRecord: CommuneRecord, @unchecked Sendable {
    static let auditType = "injury"
    static let scope = CommuneRecordColumns<ChildInjuryRecord>(
        id: \.$id, province: \.$provinceCode, commune: \.$communeCode)
    static let schema = "child_injuries"

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    /// The day it happened, `yyyy-MM-dd`.
    @Field(key: "date") var date: String
    @Field(key: "cause") var cause: String
    @Field(key: "place") var place: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "child_id") var childID: UUID?
    /// For a child not in the registry; a registered child's come from the record.
    @OptionalField(key: "sex") var sex: String?
    @OptionalField(key: "age_years") var ageYears: Int?
    @Field(key: "description") var description: String
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ valid: ValidInjury, provinceCode: Int, childID: UUID?, recordedBy: UUID?) {
        self.provinceCode = provinceCode
        communeCode = valid.communeCode
        date = valid.date
        cause = valid.cause.rawValue
        place = valid.place.rawValue
        outcome = valid.outcome.rawValue
        self.childID = childID
        sex = valid.sex
        ageYears = valid.ageYears
        description = valid.description
        self.recordedBy = recordedBy
    }

}
