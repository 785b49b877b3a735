import Foundation

/// The commune categories a criteria set gives different thresholds to.
public enum CommuneCategory: String, CaseIterable, Codable, Sendable {
    /// A ward of a centrally-run city.
    case cityWard = "city_ward"
    /// Mountain, island or extremely disadvantaged.
    case disadvantaged
    case other

    public var label: LocalizedText {
        switch self {
        case .cityWard:
            LocalizedText(vi: "Phường thuộc thành phố trực thuộc trung ương", en: "Ward of a centrally-run city")
        case .disadvantaged:
            LocalizedText(
                vi: "Xã miền núi, hải đảo, đặc biệt khó khăn", en: "Mountain, island or extremely disadvantaged commune"
            )
        case .other: LocalizedText(vi: "Xã, phường khác", en: "Other commune or ward")
        }
    }
}

/// One criterion of a set: its number, title and the points it can score. A weight the source text does
/// not give is provisional until an administrator confirms it.
public struct FriendlyCriterion: Codable, Equatable, Sendable {
    public var number: Int
    public var title: LocalizedText
    public var maxPoints: Int
    public var weightConfirmed: Bool
    /// The figure Tre can compute for it from its own records, if any.
    public var computed: ComputedCriterion?

    public init(
        number: Int, title: LocalizedText, maxPoints: Int, weightConfirmed: Bool, computed: ComputedCriterion? = nil
    ) {
        self.number = number
        self.title = title
        self.maxPoints = maxPoints
        self.weightConfirmed = weightConfirmed
        self.computed = computed
    }
}

/// Criteria Tre pre-fills from the records, and with which figure.
public enum ComputedCriterion: String, Codable, CaseIterable, Sendable {
    /// 3: children abused in the year, per 100,000 children.
    case abusedChildren = "abused_children"
    /// 5: children injured in the year, per 100,000 children.
    case injuries
    /// 6: share of children in special circumstances supported.
    case specialCircumstancesSupported = "special_circumstances_supported"
    /// 11: children's forums held in the year.
    case forumsHeld = "forums_held"
}

/// A versioned set of criteria (a decision of the Prime Minister, later a replacement). An assessment keeps
/// the set it was made against, so loading a new version never changes a past result.
public struct CriteriaSet: Codable, Equatable, Sendable {
    public var code: String
    public var version: Int
    public var title: LocalizedText
    public var criteria: [FriendlyCriterion]
    public var thresholds: [CommuneCategory: Int]
    /// When communes assess themselves, in the set's own words.
    public var cycle: LocalizedText
    /// Who appraises a commune's self-assessment, and who records its recognition.
    public var appraiserRole: Role
    public var recogniserRole: Role

    public init(
        code: String, version: Int, title: LocalizedText, criteria: [FriendlyCriterion],
        thresholds: [CommuneCategory: Int], cycle: LocalizedText, appraiserRole: Role, recogniserRole: Role
    ) {
        self.code = code
        self.version = version
        self.title = title
        self.criteria = criteria
        self.thresholds = thresholds
        self.cycle = cycle
        self.appraiserRole = appraiserRole
        self.recogniserRole = recogniserRole
    }

    public var maxTotal: Int { criteria.reduce(0) { $0 + $1.maxPoints } }

    /// Criteria whose weight is still provisional: while any is, the set cannot recognise a commune.
    public var unconfirmedCriteria: [Int] { criteria.filter { !$0.weightConfirmed }.map(\.number) }

    public func criterion(_ number: Int) -> FriendlyCriterion? { criteria.first { $0.number == number } }
}

extension CriteriaSet {
    /// What makes a set unusable, for a set an administrator loads from a new decision: no criteria, a number
    /// used twice, a weight outside 1–1000, or a category without a reachable threshold.
    public var definitionProblems: [LocalizedText] {
        var problems: [LocalizedText] = []
        if criteria.isEmpty {
            problems.append(LocalizedText(vi: "Bộ tiêu chí chưa có tiêu chí nào.", en: "The set has no criteria."))
        }
        let numbers = criteria.map(\.number)
        if Set(numbers).count != numbers.count {
            problems.append(
                LocalizedText(vi: "Có số thứ tự tiêu chí bị trùng.", en: "A criterion number is used twice."))
        }
        for criterion in criteria where !(1...1000).contains(criterion.maxPoints) {
            problems.append(
                LocalizedText(
                    vi: "Tiêu chí \(criterion.number): điểm chuẩn phải là số nguyên từ 1 đến 1000.",
                    en: "Criterion \(criterion.number): the weight must be a whole number from 1 to 1000."))
        }
        // Only the province appraises and records recognition in Tre: the commune cannot judge itself.
        for role in [appraiserRole, recogniserRole] where role != .provincialOfficer {
            problems.append(
                LocalizedText(
                    vi:
                        "Vai trò thẩm định và công nhận phải là cán bộ cấp tỉnh, không phải \(role.label.vi.lowercased()).",
                    en:
                        "Appraisal and recognition belong to the provincial officer, not the \(role.label.en.lowercased())."
                ))
        }
        for category in CommuneCategory.allCases {
            guard let threshold = thresholds[category], (1...max(maxTotal, 1)).contains(threshold) else {
                problems.append(
                    LocalizedText(
                        vi: "Ngưỡng công nhận cho \(category.label.vi.lowercased()) phải từ 1 đến \(maxTotal) điểm.",
                        en: "The threshold for \(category.label.en.lowercased()) must be from 1 to \(maxTotal) points.")
                )
                continue
            }
        }
        return problems
    }
}
