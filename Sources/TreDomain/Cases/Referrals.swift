import Foundation

/// Where a case is referred (Law on Children Art. 50–51: police, health, justice, schools, legal aid,
/// social-assistance facilities) and what became of it.
public enum ProviderKind: String, CaseIterable, Codable, Sendable {
    case police, health, justice, school
    case legalAid = "legal_aid"
    case socialFacility = "social_facility"
    case other

    public var label: LocalizedText {
        switch self {
        case .police: LocalizedText(vi: "Công an", en: "Police")
        case .health: LocalizedText(vi: "Y tế", en: "Health")
        case .justice: LocalizedText(vi: "Tư pháp, tòa án", en: "Justice")
        case .school: LocalizedText(vi: "Nhà trường", en: "School")
        case .legalAid: LocalizedText(vi: "Trợ giúp pháp lý", en: "Legal aid")
        case .socialFacility: LocalizedText(vi: "Cơ sở trợ giúp xã hội", en: "Social-assistance facility")
        case .other: LocalizedText(vi: "Khác", en: "Other")
        }
    }
}

public enum ReferralStatus: String, CaseIterable, Codable, Sendable {
    case sent, accepted, declined, completed

    public var label: LocalizedText {
        switch self {
        case .sent: LocalizedText(vi: "Đã chuyển", en: "Sent")
        case .accepted: LocalizedText(vi: "Đã tiếp nhận", en: "Accepted")
        case .declined: LocalizedText(vi: "Từ chối", en: "Declined")
        case .completed: LocalizedText(vi: "Đã hoàn thành", en: "Completed")
        }
    }
}

public struct ReferralDraft: Codable, Sendable, Equatable {
    public var providerKind: ProviderKind
    public var providerName: String
    public var reason: String
    public var sentOn: CivilDate

    public init(providerKind: ProviderKind, providerName: String, reason: String, sentOn: CivilDate) {
        self.providerKind = providerKind
        self.providerName = providerName
        self.reason = reason
        self.sentOn = sentOn
    }
}

/// A visit to the child during the plan (monitoring, Decree 56 Art. 29).
public struct FollowUpDraft: Codable, Sendable, Equatable {
    public var visitedOn: CivilDate
    public var childSeen: Bool
    public var notes: String

    public init(visitedOn: CivilDate, childSeen: Bool, notes: String) {
        self.visitedOn = visitedOn
        self.childSeen = childSeen
        self.notes = notes
    }
}

/// What may be recorded beside the steps, and when.
public enum CaseRecordRules {
    public static func check(_ referral: ReferralDraft, status: CaseStatus, today: CivilDate) throws(CaseRuleError) {
        try requireOpen(status)
        guard !referral.providerName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CaseRuleError(
                "missing_field", vi: "Cần ghi tên cơ sở, cơ quan nhận.", en: "Fill in the provider's name.")
        }
        guard referral.sentOn <= today else {
            throw CaseRuleError(
                "future_date", vi: "Ngày chuyển không thể ở tương lai.", en: "The date sent cannot be in the future.")
        }
    }

    public static func check(_ visit: FollowUpDraft, status: CaseStatus, today: CivilDate) throws(CaseRuleError) {
        try requireOpen(status)
        guard !visit.notes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CaseRuleError("missing_field", vi: "Cần ghi nội dung theo dõi.", en: "Fill in what was seen.")
        }
        guard visit.visitedOn <= today else {
            throw CaseRuleError(
                "future_date", vi: "Ngày thăm không thể ở tương lai.", en: "The visit date cannot be in the future.")
        }
    }

    private static func requireOpen(_ status: CaseStatus) throws(CaseRuleError) {
        guard status.isOpen else {
            throw CaseRuleError("case_closed", vi: "Vụ việc đã kết thúc.", en: "The case is closed.")
        }
    }
}
