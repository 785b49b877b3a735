import Foundation

/// The "safe home" check of one household: 33 criteria, of which 15 are mandatory. A home is safe with at
/// least 23 criteria met, every mandatory one among them, and no child injured at home that year. Which 15
/// are mandatory is in the checklist the commune uses; Tre records how many of each were met.
public struct SafeHomeCheck: Equatable, Sendable {
    public static let criteria = 33
    public static let mandatory = 15
    public static let pass = 23

    public var criteriaMet: Int
    public var mandatoryMet: Int
    public var injuryAtHome: Bool

    public init(criteriaMet: Int, mandatoryMet: Int, injuryAtHome: Bool) {
        self.criteriaMet = criteriaMet
        self.mandatoryMet = mandatoryMet
        self.injuryAtHome = injuryAtHome
    }

    public var isSafe: Bool { criteriaMet >= Self.pass && mandatoryMet == Self.mandatory && !injuryAtHome }

    /// Why a home is not safe, in order, for the commune officer to tell the family.
    public var shortfalls: [LocalizedText] {
        var reasons: [LocalizedText] = []
        if criteriaMet < Self.pass {
            reasons.append(
                LocalizedText(
                    vi: "Mới đạt \(criteriaMet)/\(Self.criteria) tiêu chí, cần ít nhất \(Self.pass).",
                    en: "\(criteriaMet) of \(Self.criteria) criteria met; at least \(Self.pass) are needed."))
        }
        if mandatoryMet < Self.mandatory {
            reasons.append(
                LocalizedText(
                    vi: "Chưa đạt \(Self.mandatory - mandatoryMet) tiêu chí bắt buộc.",
                    en: "\(Self.mandatory - mandatoryMet) mandatory criteria not met."))
        }
        if injuryAtHome {
            reasons.append(
                LocalizedText(
                    vi: "Trong năm có trẻ bị tai nạn, thương tích tại nhà.",
                    en: "A child was injured at home this year."))
        }
        return reasons
    }

    /// Reads the typed counts: whole numbers within the checklist, mandatory ones no more than all met.
    public static func parse(criteriaMet: String, mandatoryMet: String, injuryAtHome: Bool) -> Result<
        SafeHomeCheck, FieldErrors
    > {
        var errors: [FieldError] = []
        let met = Count.parse(
            criteriaMet, field: "criteriaMet", vi: "Số tiêu chí đạt", en: "The criteria met", maximum: criteria,
            errors: &errors)
        let mandatoryMet = Count.parse(
            mandatoryMet, field: "mandatoryMet", vi: "Số tiêu chí bắt buộc đạt", en: "The mandatory criteria met",
            maximum: mandatory, errors: &errors)
        if let met, let mandatoryMet, mandatoryMet > met {
            errors.append(
                FieldError(
                    field: "mandatoryMet", code: "mandatory_above_met",
                    message: LocalizedText(
                        vi: "Số tiêu chí bắt buộc đạt không thể nhiều hơn tổng số tiêu chí đạt.",
                        en: "More mandatory criteria than criteria in all cannot be met.")))
        }
        guard errors.isEmpty, let met, let mandatoryMet else { return .failure(FieldErrors(errors: errors)) }
        return .success(SafeHomeCheck(criteriaMet: met, mandatoryMet: mandatoryMet, injuryAtHome: injuryAtHome))
    }
}

/// A commune's year of safe homes, schools and communities (villages): how many were assessed and how
/// many met the criteria.
public struct SafetyCounts: Equatable, Sendable, Codable {
    public var homesAssessed = 0
    public var safeHomes = 0
    public var schools = 0
    public var safeSchools = 0
    public var communities = 0
    public var safeCommunities = 0

    public init() {}

    public static func parse(_ fields: [String: String]) -> Result<SafetyCounts, FieldErrors> {
        var errors: [FieldError] = []
        func count(_ key: String, vi: String, en: String) -> Int {
            Count.parse(fields[key] ?? "", field: key, vi: vi, en: en, errors: &errors) ?? 0
        }
        var counts = SafetyCounts()
        counts.homesAssessed = count("homesAssessed", vi: "Số hộ được đánh giá", en: "Homes assessed")
        counts.safeHomes = count("safeHomes", vi: "Số ngôi nhà an toàn", en: "Safe homes")
        counts.schools = count("schools", vi: "Số trường học", en: "Schools")
        counts.safeSchools = count("safeSchools", vi: "Số trường học an toàn", en: "Safe schools")
        counts.communities = count("communities", vi: "Số thôn, tổ dân phố", en: "Villages")
        counts.safeCommunities = count("safeCommunities", vi: "Số cộng đồng an toàn", en: "Safe communities")
        for (safe, all, field, vi, en) in [
            (counts.safeHomes, counts.homesAssessed, "safeHomes", "ngôi nhà an toàn", "safe homes"),
            (counts.safeSchools, counts.schools, "safeSchools", "trường học an toàn", "safe schools"),
            (counts.safeCommunities, counts.communities, "safeCommunities", "cộng đồng an toàn", "safe communities"),
        ] where safe > all {
            errors.append(
                FieldError(
                    field: field, code: "more_safe_than_assessed",
                    message: LocalizedText(
                        vi: "Số \(vi) không thể nhiều hơn số được đánh giá.",
                        en: "There cannot be more \(en) than were assessed.")))
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors: errors)) }
        return .success(counts)
    }
}

extension SafeHomeCheck {
    /// The rule in a sentence, shown beside the form.
    public static let ruleText = LocalizedText(
        vi:
            "Ngôi nhà an toàn: đạt ít nhất \(pass)/\(criteria) tiêu chí, trong đó đủ \(mandatory) tiêu chí bắt buộc, và trong năm không có trẻ bị tai nạn, thương tích tại nhà.",
        en:
            "A safe home meets at least \(pass) of the \(criteria) criteria, all \(mandatory) mandatory ones among them, and had no child injured at home that year."
    )
}
