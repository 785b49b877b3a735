import Foundation

/// A report as typed or sent (Mẫu 01), before it is checked.
public struct ReportDraft: Sendable {
    public var channel: String
    public var receivedAt: Date?
    public var anonymous: Bool
    public var reporterName: String
    public var reporterPhone: String
    /// The reporter agreed that the commune may contact them directly. Without it, who reported stays with the
    /// receiving point (the hotline's promise to its callers), and the commune asks the receiving point to relay.
    public var reporterAgreesToContact: Bool
    public var communeCode: Int?
    public var childIDs: [UUID]
    public var abuseForms: [String]
    public var abuserIsCarer: Bool
    public var description: String
    /// Children not yet in the registry: a minimal record (name, sex, approximate birth year) is made in
    /// the commune where it happened, for the officer to complete.
    public var newChildren: [ChildDraft]

    public init(
        channel: String = "", receivedAt: Date? = nil, anonymous: Bool = false, reporterName: String = "",
        reporterPhone: String = "", reporterAgreesToContact: Bool = false, communeCode: Int? = nil,
        childIDs: [UUID] = [], abuseForms: [String] = [],
        abuserIsCarer: Bool = false, description: String = "", newChildren: [ChildDraft] = []
    ) {
        self.channel = channel
        self.receivedAt = receivedAt
        self.anonymous = anonymous
        self.reporterName = reporterName
        self.reporterPhone = reporterPhone
        self.reporterAgreesToContact = reporterAgreesToContact
        self.communeCode = communeCode
        self.childIDs = childIDs
        self.abuseForms = abuseForms
        self.abuserIsCarer = abuserIsCarer
        self.description = description
        self.newChildren = newChildren
    }
}

/// A report that passed its checks.
public struct ValidReport: Sendable, Equatable {
    public var channel: ReportChannel
    public var receivedAt: Date
    public var anonymous: Bool
    public var reporterName: String
    public var reporterPhone: String
    public var reporterAgreesToContact: Bool
    public var communeCode: Int
    public var childIDs: [UUID]
    public var abuseForms: [AbuseForm]
    public var abuserIsCarer: Bool
    public var description: String
}

public struct ReportError: LocalizedFailure, Equatable {
    public var code: String
    public var field: String
    public var message: LocalizedText
}

extension ReportDraft {
    /// Checks the report; `now` bounds the received time (a report cannot be received in the future).
    public func validated(now: Date) throws(ReportError) -> ValidReport {
        func fail(_ field: String, vi: String, en: String) -> ReportError {
            ReportError(code: "invalid_report", field: field, message: LocalizedText(vi: vi, en: en))
        }
        guard let channel = ReportChannel(rawValue: channel) else {
            throw fail("channel", vi: "Chọn kênh tiếp nhận.", en: "Choose how the report was received.")
        }
        let receivedAt = receivedAt ?? now
        guard receivedAt <= now.addingTimeInterval(300) else {
            throw fail(
                "receivedAt", vi: "Thời điểm tiếp nhận không thể ở tương lai.",
                en: "The time received cannot be in the future.")
        }
        guard let communeCode else {
            throw fail("communeCode", vi: "Chọn xã nơi xảy ra vụ việc.", en: "Choose the commune where it happened.")
        }
        var forms: [AbuseForm] = []
        for name in abuseForms {
            guard let form = AbuseForm(rawValue: name) else {
                throw fail(
                    "abuseForms", vi: "Hình thức xâm hại không hợp lệ: \(name).", en: "Unknown form of abuse: \(name).")
            }
            if !forms.contains(form) { forms.append(form) }
        }
        guard !forms.isEmpty else {
            throw fail(
                "abuseForms", vi: "Chọn ít nhất một hình thức xâm hại.", en: "Choose at least one form of abuse.")
        }
        let description = VietnameseText.normalized(description)
        guard !description.isEmpty else {
            throw fail("description", vi: "Cần mô tả sự việc.", en: "Describe what happened.")
        }
        guard description.count <= 20_000 else {
            throw fail(
                "description", vi: "Mô tả quá dài (tối đa 20.000 ký tự).",
                en: "The description is too long (20,000 characters at most).")
        }
        let name = anonymous ? "" : VietnameseText.normalized(reporterName)
        let phone = anonymous ? "" : PhoneNumber.normalized(reporterPhone)
        if !phone.isEmpty && !PhoneNumber.isPlausible(phone) {
            throw fail("reporterPhone", vi: "Số điện thoại không hợp lệ.", en: "The phone number is not valid.")
        }
        return ValidReport(
            channel: channel, receivedAt: receivedAt, anonymous: anonymous, reporterName: name, reporterPhone: phone,
            reporterAgreesToContact: !anonymous && reporterAgreesToContact, communeCode: communeCode,
            childIDs: Array(Set(childIDs)), abuseForms: forms, abuserIsCarer: abuserIsCarer,
            description: description)
    }
}
