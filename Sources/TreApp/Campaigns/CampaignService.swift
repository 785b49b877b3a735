import Fluent
import Foundation
import TreDomain

/// Recording campaigns and the Action Month report, inside the writer's jurisdiction and audited.
struct CampaignService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    func record(_ draft: CampaignDraft, communeCode: Int?) async throws -> CampaignRecord {
        let valid = try draft.validate().get()
        let commune = try await CommuneScope.commune(communeCode, for: principal, on: database)
        let record = CampaignRecord(
            valid, provinceCode: commune.provinceCode, communeCode: commune.code, recordedBy: principal.userID)
        record.id = UUID()
        try await CommuneScope.save(
            record, action: "campaign.recorded", details: "kind=\(valid.kind.rawValue);children=\(valid.children)",
            by: actor, on: database)
        return record
    }

    func reportSubmitted(_ id: UUID, on day: String) async throws {
        guard let record = try await CommuneScope.find(CampaignRecord.self, id, for: principal, on: database) else {
            throw Self.unknownCampaign
        }
        guard record.reportDue != nil else { throw Self.noReport }
        record.reportSubmittedOn = try DueStatus.doneDay(
            day, field: "reportSubmittedOn", today: ChildAge.todayInVietnam()
        ).get()
        try await CommuneScope.save(
            record, action: "campaign.report_submitted", details: "on=\(record.reportSubmittedOn ?? "")", by: actor,
            on: database)
    }

    static let unknownCampaign = TreError(
        status: .notFound, code: "campaign_not_found",
        message: LocalizedText(
            vi: "Không tìm thấy hoạt động này trong phạm vi của bạn.",
            en: "This activity is not among those you may see."))
    static let noReport = TreError(
        status: .conflict, code: "no_report_due",
        message: LocalizedText(
            vi: "Hoạt động này không có báo cáo phải gửi tỉnh.",
            en: "This activity has no report due to the province."))
}
