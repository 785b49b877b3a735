import Fluent
import Foundation
import SQLKit
import TreDomain

/// A campaign or activity a commune ran for children: dates, participants, budget, and for the Action
/// Month the report due to the province by 20 July.
final class CampaignRecord: CommuneRecord, @unchecked Sendable {
    static let schema = "campaigns"
    static let auditType = "campaign"
    static let scope = CommuneRecordColumns<CampaignRecord>(
        id: \.$id, province: \.$provinceCode, commune: \.$communeCode)

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "children") var children: Int
    @Field(key: "adults") var adults: Int
    /// Đồng.
    @Field(key: "budget") var budget: Int
    @OptionalField(key: "report_due") var reportDue: String?
    @OptionalField(key: "report_submitted_on") var reportSubmittedOn: String?
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ valid: ValidCampaign, provinceCode: Int, communeCode: Int, recordedBy: UUID?) {
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        kind = valid.kind.rawValue
        name = valid.name
        startDate = valid.startDate
        endDate = valid.endDate
        children = valid.children
        adults = valid.adults
        budget = valid.budget
        reportDue = valid.reportDue
        self.recordedBy = recordedBy
    }

    func reportStatus(today: CivilDate) -> DueStatus? {
        reportDue.map { DueStatus(due: $0, doneOn: reportSubmittedOn, today: today) }
    }
}
