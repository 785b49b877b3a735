import Fluent
import Foundation
import SQLKit
import TreDomain

/// An inspection of a service facility, business or household for child labour: findings, violations,
/// and the follow-up with its deadline.
final class InspectionRecord: CommuneRecord, @unchecked Sendable {
    static let schema = "child_labour_inspections"
    static let auditType = "inspection"
    static let scope = CommuneRecordColumns<InspectionRecord>(
        id: \.$id, province: \.$provinceCode, commune: \.$communeCode)

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "date") var date: String
    @Field(key: "place_kind") var placeKind: String
    @Field(key: "place_name") var placeName: String
    /// The name folded for search (accents, case and Đ ignored).
    @Field(key: "place_name_folded") var placeNameFolded: String
    @Field(key: "findings") var findings: String
    @Field(key: "violations") var violations: Int
    @Field(key: "children_found") var childrenFound: Int
    @Field(key: "follow_up") var followUp: String
    @OptionalField(key: "follow_up_due") var followUpDue: String?
    @OptionalField(key: "follow_up_done_on") var followUpDoneOn: String?
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ valid: ValidInspection, provinceCode: Int, communeCode: Int, recordedBy: UUID?) {
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        date = valid.date
        placeKind = valid.placeKind.rawValue
        placeName = valid.placeName
        placeNameFolded = VietnameseText.folded(valid.placeName)
        findings = valid.findings
        violations = valid.violations
        childrenFound = valid.childrenFound
        followUp = valid.followUp
        followUpDue = valid.followUpDue
        self.recordedBy = recordedBy
    }

    func followUpStatus(today: CivilDate) -> DueStatus? {
        followUpDue.map { DueStatus(due: $0, doneOn: followUpDoneOn, today: today) }
    }
}

/// A registered child found at an inspection.
final class InspectionChildRecord: Model, @unchecked Sendable {
    static let schema = "inspection_children"

    @ID(key: .id) var id: UUID?
    @Parent(key: "inspection_id") var inspection: InspectionRecord
    @Parent(key: "child_id") var child: Child
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
