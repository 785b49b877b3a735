import Foundation

/// A reporting period: a day, month, quarter or year, as days in Vietnam.
public struct StatisticsPeriod: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case day, month, quarter, year
    }

    public var kind: Kind
    /// First day, included.
    public var start: CivilDate
    /// First day after, excluded.
    public var end: CivilDate

    /// The period of `kind` that holds `day`.
    public init(_ kind: Kind, containing day: CivilDate) {
        self.kind = kind
        switch kind {
        case .day:
            start = day
            end = day.adding(days: 1)
        case .month:
            start = CivilDate(day.year, day.month, 1)
            end = day.month == 12 ? CivilDate(day.year + 1, 1, 1) : CivilDate(day.year, day.month + 1, 1)
        case .quarter:
            let first = (day.month - 1) / 3 * 3 + 1
            start = CivilDate(day.year, first, 1)
            end = first == 10 ? CivilDate(day.year + 1, 1, 1) : CivilDate(day.year, first + 3, 1)
        case .year:
            start = CivilDate(day.year, 1, 1)
            end = CivilDate(day.year + 1, 1, 1)
        }
    }

    public var label: String {
        switch kind {
        case .day: String(format: "%02d/%02d/%04d", start.day, start.month, start.year)
        case .month: String(format: "%02d/%04d", start.month, start.year)
        case .quarter: "Q\((start.month - 1) / 3 + 1)/\(start.year)"
        case .year: "\(start.year)"
        }
    }
}

/// The hotline's published figures for a period: incoming contacts ⊃ counselled ⊃ intervention cases,
/// broken down by channel, topic category, form of abuse, child's sex and age band. Every breakdown of a
/// level adds up to that level's total (a contact counts under its first topic).
public struct HotlineStatistics: Equatable, Sendable {
    /// One group of contacts as the database counts them.
    public struct Group: Sendable {
        public var channel: String
        public var outcome: String?
        public var primaryTopic: String?
        public var childSex: String?
        public var childAgeBand: String?
        public var count: Int

        public init(
            channel: String, outcome: String?, primaryTopic: String?, childSex: String?, childAgeBand: String?,
            count: Int
        ) {
            self.channel = channel
            self.outcome = outcome
            self.primaryTopic = primaryTopic
            self.childSex = childSex
            self.childAgeBand = childAgeBand
            self.count = count
        }
    }

    public struct Level: Equatable, Sendable {
        public var total = 0
        public var byChannel: [String: Int] = [:]
        public var byCategory: [String: Int] = [:]
        /// By the first topic (the sub-category of the published tables).
        public var byTopic: [String: Int] = [:]
        public var byAbuseForm: [String: Int] = [:]
        public var bySex: [String: Int] = [:]
        public var byAgeBand: [String: Int] = [:]

        mutating func add(_ group: Group, abuseForm: String?) {
            total += group.count
            byChannel[group.channel, default: 0] += group.count
            let category = group.primaryTopic.flatMap { $0.split(separator: ".").first.map(String.init) }
            byCategory[category ?? Self.unknown, default: 0] += group.count
            byTopic[group.primaryTopic ?? Self.unknown, default: 0] += group.count
            byAbuseForm[abuseForm ?? Self.unknown, default: 0] += group.count
            bySex[group.childSex ?? Self.unknown, default: 0] += group.count
            byAgeBand[group.childAgeBand ?? Self.unknown, default: 0] += group.count
        }

        public static let unknown = "unknown"
    }

    public var incoming = Level()
    public var counselled = Level()
    public var intervention = Level()
    public var byOutcome: [String: Int] = [:]

    /// `abuseForms` maps a topic code to the form of abuse it counts under.
    public init(groups: [Group], abuseForms: [String: String]) {
        for group in groups {
            let form = group.primaryTopic.flatMap { abuseForms[$0] }
            incoming.add(group, abuseForm: form)
            byOutcome[group.outcome ?? Level.unknown, default: 0] += group.count
            let outcome = group.outcome.flatMap(ContactOutcome.init(rawValue:))
            if outcome?.isCounselling == true { counselled.add(group, abuseForm: form) }
            if outcome == .reportOpened { intervention.add(group, abuseForm: form) }
        }
    }
}
