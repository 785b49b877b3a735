import Foundation

/// How a contact reached the hotline.
public enum ContactChannel: String, CaseIterable, Codable, Sendable {
    case phone111 = "phone_111"
    case app, zalo, facebook, web, letter, petition
    case pressMonitoring = "press_monitoring"

    /// The same channel as a report's (Mẫu 01).
    public var reportChannel: ReportChannel {
        switch self {
        case .phone111: .phone111
        case .app: .app
        case .zalo: .zalo
        case .facebook: .facebook
        case .web: .web
        case .letter: .letter
        case .petition: .petition
        case .pressMonitoring: .press
        }
    }

    /// Channels whose caller identifier is a phone number (the others carry a chat or account id).
    public var identifiesByPhone: Bool { self == .phone111 }

    public var label: LocalizedText {
        switch self {
        case .phone111: LocalizedText(vi: "Điện thoại 111", en: "Phone 111")
        case .app: LocalizedText(vi: "Ứng dụng", en: "App")
        case .zalo: LocalizedText(vi: "Zalo", en: "Zalo")
        case .facebook: LocalizedText(vi: "Facebook", en: "Facebook")
        case .web: LocalizedText(vi: "Trang web", en: "Website")
        case .letter: LocalizedText(vi: "Thư, công văn", en: "Letter")
        case .petition: LocalizedText(vi: "Đơn thư", en: "Petition")
        case .pressMonitoring: LocalizedText(vi: "Theo dõi báo chí", en: "Press monitoring")
        }
    }
}

public enum CallerType: String, CaseIterable, Codable, Sendable {
    case childAboutSelf = "child_about_self"
    case adultAboutChild = "adult_about_child"
    case professional, anonymous

    public var label: LocalizedText {
        switch self {
        case .childAboutSelf: LocalizedText(vi: "Trẻ tự gọi", en: "Child about self")
        case .adultAboutChild: LocalizedText(vi: "Người lớn gọi về trẻ", en: "Adult about a child")
        case .professional: LocalizedText(vi: "Người làm nghề (giáo viên, y tế…)", en: "Professional")
        case .anonymous: LocalizedText(vi: "Giấu tên", en: "Anonymous")
        }
    }
}

public enum ContactOutcome: String, CaseIterable, Codable, Sendable {
    case counselled
    case intensiveCounselling = "intensive_counselling"
    case referred
    case reportOpened = "report_opened"
    case informationOnly = "information_only"
    case silent
    case prankAbusive = "prank_abusive"
    case dropped

    /// Counted as "counselled" in the published tables (incoming ⊃ counselled ⊃ intervention).
    public var isCounselling: Bool { [.counselled, .intensiveCounselling, .referred, .reportOpened].contains(self) }

    public var label: LocalizedText {
        switch self {
        case .counselled: LocalizedText(vi: "Đã tư vấn", en: "Counselled")
        case .intensiveCounselling: LocalizedText(vi: "Tư vấn chuyên sâu", en: "Intensive counselling")
        case .referred: LocalizedText(vi: "Kết nối dịch vụ", en: "Referred to a service")
        case .reportOpened: LocalizedText(vi: "Chuyển thành tin báo can thiệp", en: "Report opened")
        case .informationOnly: LocalizedText(vi: "Cung cấp thông tin", en: "Information only")
        case .silent: LocalizedText(vi: "Cuộc gọi im lặng", en: "Silent")
        case .prankAbusive: LocalizedText(vi: "Quấy rối, trêu đùa", en: "Prank or abusive")
        case .dropped: LocalizedText(vi: "Mất kết nối", en: "Dropped")
        }
    }
}

/// A contact as logged or sent by a telephony system, before it is checked.
public struct ContactDraft: Sendable {
    public var channel: String
    public var startedAt: Date
    public var endedAt: Date?
    public var callerType: String
    public var callerIdentifier: String
    public var childSex: String
    public var childAgeBand: String
    public var provinceCode: Int?
    public var topicCodes: [String]
    public var outcome: String
    public var notes: String
    /// When to call back or check again, as written (dd/mm/yyyy or YYYY-MM-DD); empty for none.
    public var followUpOn: String

    public init(
        channel: String, startedAt: Date, endedAt: Date? = nil, callerType: String = "anonymous",
        callerIdentifier: String = "", childSex: String = "", childAgeBand: String = "", provinceCode: Int? = nil,
        topicCodes: [String] = [], outcome: String = "", notes: String = "", followUpOn: String = ""
    ) {
        self.channel = channel
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.callerType = callerType
        self.callerIdentifier = callerIdentifier
        self.childSex = childSex
        self.childAgeBand = childAgeBand
        self.provinceCode = provinceCode
        self.topicCodes = topicCodes
        self.outcome = outcome
        self.notes = notes
        self.followUpOn = followUpOn
    }
}

public struct ValidContact: Sendable, Equatable {
    public var channel: ContactChannel
    public var startedAt: Date
    public var endedAt: Date?
    public var callerType: CallerType
    /// Digits of a phone number, or a chat id as given; empty when unknown.
    public var callerIdentifier: String
    public var childSex: String?
    public var childAgeBand: String?
    public var provinceCode: Int?
    public var topicCodes: [String]
    public var outcome: ContactOutcome?
    public var notes: String
    public var followUpOn: CivilDate?

    public var durationSeconds: Int? { endedAt.map { Int($0.timeIntervalSince(startedAt)) } }
}

public struct ContactError: LocalizedFailure, Equatable {
    public var code = "invalid_contact"
    public var field: String
    public var message: LocalizedText
}

extension ContactDraft {
    public static let ageBands = ["0-5", "6-10", "11-15", "16-17"]

    /// Checks a contact against the topics in force and the provinces (`provinceIsKnown`: the province
    /// code, if any, is one of the reference data's); `now` bounds its start (a few minutes of clock skew
    /// between a telephony system and Tre are allowed).
    public func validated(
        knownTopics: Set<String>, provinceIsKnown: Bool = true, now: Date = Date()
    ) throws(ContactError) -> ValidContact {
        func fail(_ field: String, vi: String, en: String) -> ContactError {
            ContactError(field: field, message: LocalizedText(vi: vi, en: en))
        }
        if provinceCode != nil, !provinceIsKnown {
            throw fail(
                "provinceCode", vi: "Không có tỉnh, thành phố với mã này.", en: "There is no province with this code.")
        }
        guard let channel = ContactChannel(rawValue: channel) else {
            throw fail("channel", vi: "Kênh liên lạc không hợp lệ.", en: "Unknown channel.")
        }
        guard let callerType = CallerType(rawValue: callerType) else {
            throw fail("callerType", vi: "Loại người gọi không hợp lệ.", en: "Unknown caller type.")
        }
        guard startedAt <= now.addingTimeInterval(300) else {
            throw fail(
                "startedAt", vi: "Thời điểm bắt đầu không thể ở tương lai.",
                en: "The contact cannot start in the future.")
        }
        if let endedAt, endedAt < startedAt {
            throw fail(
                "endedAt", vi: "Thời điểm kết thúc trước thời điểm bắt đầu.", en: "The contact ends before it starts.")
        }
        var identifier = callerIdentifier.trimmingCharacters(in: .whitespaces)
        if channel.identifiesByPhone && !identifier.isEmpty {
            guard identifier.allSatisfy({ $0.isNumber || " +-.()".contains($0) }) else {
                throw fail(
                    "callerIdentifier", vi: "Số điện thoại chỉ gồm chữ số.",
                    en: "A phone number has digits only.")
            }
            identifier = PhoneNumber.normalized(identifier)
        }
        for code in topicCodes where !knownTopics.contains(code) {
            throw fail("topicCodes", vi: "Mã chủ đề không tồn tại: \(code).", en: "Unknown topic code: \(code).")
        }
        var outcome: ContactOutcome?
        if !self.outcome.isEmpty {
            guard let known = ContactOutcome(rawValue: self.outcome) else {
                throw fail("outcome", vi: "Kết quả không hợp lệ.", en: "Unknown outcome.")
            }
            outcome = known
        }
        guard childSex.isEmpty || ["male", "female"].contains(childSex) else {
            throw fail("childSex", vi: "Giới tính của trẻ không hợp lệ.", en: "Unknown sex of the child.")
        }
        guard childAgeBand.isEmpty || Self.ageBands.contains(childAgeBand) else {
            throw fail("childAgeBand", vi: "Nhóm tuổi không hợp lệ.", en: "Unknown age band.")
        }
        var followUp: CivilDate?
        if !followUpOn.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let day = CivilDate(written: followUpOn) else {
                throw fail(
                    "followUpOn", vi: "Ngày theo dõi không đúng (dd/mm/yyyy).", en: "Not a valid follow-up date.")
            }
            followUp = day
        }
        return ValidContact(
            channel: channel, startedAt: startedAt, endedAt: endedAt, callerType: callerType,
            callerIdentifier: callerType == .anonymous && identifier.isEmpty ? "" : identifier,
            childSex: childSex.isEmpty ? nil : childSex, childAgeBand: childAgeBand.isEmpty ? nil : childAgeBand,
            provinceCode: provinceCode,
            topicCodes: topicCodes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            outcome: outcome, notes: VietnameseText.normalized(notes), followUpOn: followUp)
    }
}

/// A mark on a caller, until a date: counsellors see it as soon as the number is typed.
public enum CallerFlagKind: String, CaseIterable, Codable, Sendable {
    case abusiveCaller = "abusive_caller"
    case childAtRisk = "child_at_risk"

    public var label: LocalizedText {
        switch self {
        case .abusiveCaller: LocalizedText(vi: "Người gọi quấy rối", en: "Abusive caller")
        case .childAtRisk: LocalizedText(vi: "Trẻ đang gặp nguy cơ", en: "Child at ongoing risk")
        }
    }
}
