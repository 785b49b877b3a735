/// Where a counted record belongs. Hotline contacts have a province only: commune 0.
public struct IndicatorPlace: Hashable, Sendable {
    public var provinceCode: Int
    public var communeCode: Int

    public init(provinceCode: Int, communeCode: Int) {
        self.provinceCode = provinceCode
        self.communeCode = communeCode
    }
}

/// One stored figure: a measure for one commune and period, in total (`dimension` empty) or for one
/// category of a breakdown. Higher levels are sums of these, so they always agree with their communes.
public struct IndicatorFact: Hashable, Sendable {
    public var measure: IndicatorMeasure
    public var period: String
    public var place: IndicatorPlace
    public var dimension: String
    public var category: String
    public var value: Int
}

/// What is counted: a child or a case, with the attributes its breakdowns read.
public struct IndicatorSubject: Sendable {
    public var place: IndicatorPlace
    public var birth: CivilDate?
    /// Single-valued breakdowns that do not change over time (sex, ethnicity, channel).
    public var attributes: [Disaggregation: String]

    public init(place: IndicatorPlace, birth: CivilDate? = nil, attributes: [Disaggregation: String] = [:]) {
        self.place = place
        self.birth = birth
        self.attributes = attributes
    }
}

/// Something that happened on a day (a report, a support), with the categories it adds (abuse forms).
public struct IndicatorEvent: Sendable {
    public var date: CivilDate
    public var tags: [Disaggregation: [String]]

    public init(_ date: CivilDate, tags: [Disaggregation: [String]] = [:]) {
        self.date = date
        self.tags = tags
    }
}

/// A time a subject stood in a state (a group of special circumstances, a case open), end excluded.
public struct IndicatorSpan: Sendable {
    public var start: CivilDate
    public var end: CivilDate?
    public var tags: [Disaggregation: [String]]

    public init(from start: CivilDate, to end: CivilDate?, tags: [Disaggregation: [String]] = [:]) {
        self.start = start
        self.end = end
        self.tags = tags
    }

    func covers(_ day: CivilDate) -> Bool { start <= day && end.map { day < $0 } ?? true }
}

/// Counts subjects into facts for every period of a window. Each subject counts at most once per
/// period and category, so a child supported twice in a quarter is one supported child.
public struct IndicatorTally: Sendable {
    public let periods: [IndicatorPeriod]
    public let today: CivilDate
    private var counts: [Key: Int32] = [:]
    /// Categories by number, so that a key is one 64-bit word.
    private var categories: [String] = [""]
    private var categoryNumbers: [String: Int] = ["": 0]
    /// The periods each month falls in (a month, its quarter, half and year), by `year * 12 + month`.
    private let periodsByMonth: [Int: [Int]]
    /// Comparing with the stored figures (`compare`): periods by name, figures already met, changes so far.
    private var periodNumbers: [String: Int] = [:]
    private var compared = Set<Key>()
    private var storedTwice = Set<Key>()
    private var pending = IndicatorFactChanges()
    /// Figures left out because their place or category cannot be a real one: reported by the refresh, never fatal.
    public private(set) var skipped = 0

    /// Measure, period, place, breakdown and category packed into one word: a million and more facts
    /// at national scale took a few hundred megabytes as structs with strings, and take a tenth of it so.
    private struct Key: Hashable {
        static let measures = IndicatorMeasure.allCases
        static let dimensions = Disaggregation.allCases
        var bits: UInt64

        // bits: commune 0–19, province 20–27, category 28–43, dimension 44–48, period 49–56, measure 57–62
        /// Nil for a place, category or period that does not fit its bits: such a figure comes from a stored row
        /// no reference data knows (a province 99999), and one bad row must not stop the refresh.
        init?(
            measure: IndicatorMeasure, period: Int, place: IndicatorPlace, dimension: Disaggregation?, category: Int
        ) {
            guard
                (0..<1 << 20).contains(place.communeCode) && (0..<1 << 8).contains(place.provinceCode)
                    && (0..<1 << 16).contains(category) && (0..<1 << 8).contains(period)
            else { return nil }
            let measureNumber = UInt64(Self.measures.firstIndex(of: measure) ?? 0)
            let dimensionNumber = UInt64(dimension.flatMap { Self.dimensions.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
            bits =
                UInt64(place.communeCode) | UInt64(place.provinceCode) << 20 | UInt64(category) << 28
                | dimensionNumber << 44 | UInt64(period) << 49 | measureNumber << 57
        }

        var communeCode: Int { Int(bits & 0xFFFFF) }
        var provinceCode: Int { Int(bits >> 20 & 0xFF) }
        var category: Int { Int(bits >> 28 & 0xFFFF) }
        var dimension: Disaggregation? {
            let number = Int(bits >> 44 & 0x1F)
            return number == 0 ? nil : Self.dimensions[number - 1]
        }
        var period: Int { Int(bits >> 49 & 0xFF) }
        var measure: IndicatorMeasure { Self.measures[Int(bits >> 57 & 0x3F)] }
    }

    private mutating func number(of category: String) -> Int {
        if let number = categoryNumbers[category] { return number }
        categories.append(category)
        categoryNumbers[category] = categories.count - 1
        return categories.count - 1
    }

    public init(periods: [IndicatorPeriod], today: CivilDate) {
        self.periods = periods
        self.today = today
        var periodsByMonth: [Int: [Int]] = [:]
        for (index, period) in periods.enumerated() {
            var month = period.start
            while month < period.end {
                periodsByMonth[month.year * 12 + month.month, default: []].append(index)
                month = CivilDate(month.month == 12 ? month.year + 1 : month.year, month.month % 12 + 1, 1)
            }
        }
        self.periodsByMonth = periodsByMonth
    }

    /// Every period of the given years that has begun by `today`: months, quarters, halves, the year.
    public static func window(years: ClosedRange<Int>, today: CivilDate) -> [IndicatorPeriod] {
        years.flatMap { year in
            (1...12).map { IndicatorPeriod(kind: .month, year: year, index: $0) }
                + (1...4).map { IndicatorPeriod(kind: .quarter, year: year, index: $0) }
                + (1...2).map { IndicatorPeriod(kind: .halfYear, year: year, index: $0) }
                + [IndicatorPeriod(kind: .year, year: year)]
        }.filter { $0.start <= today }
    }

    /// The day a standing state is read for a period: its last day, or today while it runs.
    public func asOf(_ period: IndicatorPeriod) -> CivilDate {
        min(period.end.adding(days: -1), today)
    }

    /// Counts the subject in each period in which one of its events happened.
    public mutating func countEvents(
        _ measure: IndicatorMeasure, _ subject: IndicatorSubject, events: [IndicatorEvent]
    ) {
        var inPeriods: [Int: (first: CivilDate, tags: [[Disaggregation: [String]]])] = [:]
        for event in events where event.date <= today {
            for index in periodsByMonth[event.date.year * 12 + event.date.month] ?? [] {
                var entry = inPeriods[index] ?? (event.date, [])
                entry.first = min(entry.first, event.date)
                entry.tags.append(event.tags)
                inPeriods[index] = entry
            }
        }
        for (index, entry) in inPeriods {
            count(measure, subject, period: index, day: entry.first, tags: entry.tags)
        }
    }

    /// Counts the subject in each period at whose end (or today) one of its spans was running; with
    /// `requiringEvents`, only if one of those also happened in the period (supported while in need).
    public mutating func countStanding(
        _ measure: IndicatorMeasure, _ subject: IndicatorSubject, spans: [IndicatorSpan],
        requiringEvents events: [CivilDate]? = nil
    ) {
        for (index, period) in periods.enumerated() {
            let day = asOf(period)
            let running = spans.filter { $0.covers(day) }
            guard !running.isEmpty else { continue }
            if let events, !events.contains(where: { period.start <= $0 && $0 <= day }) { continue }
            count(measure, subject, period: index, day: day, tags: running.map(\.tags))
        }
    }

    /// Adds a figure kept as a number (the commune's child population) to one period.
    public mutating func add(_ measure: IndicatorMeasure, _ place: IndicatorPlace, period: IndicatorPeriod, value: Int)
    {
        guard let index = periods.firstIndex(of: period) else { return }
        guard let key = Key(measure: measure, period: index, place: place, dimension: nil, category: 0),
            let value = Int32(exactly: value), value >= 0
        else {
            skipped += 1
            return
        }
        counts[key, default: 0] &+= value
    }

    private mutating func count(
        _ measure: IndicatorMeasure, _ subject: IndicatorSubject, period: Int, day: CivilDate,
        tags: [[Disaggregation: [String]]]
    ) {
        func bump(_ dimension: Disaggregation?, _ category: String) {
            guard
                let key = Key(
                    measure: measure, period: period, place: subject.place, dimension: dimension,
                    category: number(of: category))
            else {
                skipped += 1
                return
            }
            counts[key, default: 0] &+= 1
        }
        guard Key(measure: measure, period: period, place: subject.place, dimension: nil, category: 0) != nil else {
            skipped += 1
            return
        }
        bump(nil, "")
        for dimension in measure.disaggregations {
            var categories = Set(tags.flatMap { $0[dimension] ?? [] })
            if let value = subject.attributes[dimension] { categories.insert(value) }
            if dimension == .ageGroup, let birth = subject.birth {
                categories.insert(IndicatorAgeGroup(birth: birth, on: day).rawValue)
            }
            for category in categories { bump(dimension, category) }
        }
    }

    /// How many facts there are.
    public var count: Int { counts.count }

    /// The facts, made one at a time as they are read (a million of them need not be held twice).
    public var facts: AnySequence<IndicatorFact> {
        let (periods, categories) = (periods.map(\.description), categories)
        return AnySequence(
            counts.lazy.map { key, value in
                IndicatorFact(
                    measure: key.measure, period: periods[key.period],
                    place: IndicatorPlace(provinceCode: key.provinceCode, communeCode: key.communeCode),
                    dimension: key.dimension?.rawValue ?? "", category: categories[key.category], value: Int(value))
            })
    }

    /// Compares one stored figure of this window with the tally (rows stream in; none is kept). After
    /// every stored row, `changes()` says what to delete, update and insert for the two to agree.
    public mutating func compare(_ fact: StoredIndicatorFact) {
        if periodNumbers.isEmpty {
            periodNumbers = Dictionary(
                periods.enumerated().map { ($1.description, $0) }, uniquingKeysWith: { first, _ in first })
        }
        guard let measure = IndicatorMeasure(rawValue: fact.measure), let period = periodNumbers[fact.period],
            let category = categoryNumbers[fact.category],
            fact.dimension.isEmpty || Disaggregation(rawValue: fact.dimension) != nil
        else {
            pending.deletes.append(fact)
            return
        }
        guard
            let key = Key(
                measure: measure, period: period, place: fact.place,
                dimension: Disaggregation(rawValue: fact.dimension), category: category),
            let value = counts[key]
        else {
            pending.deletes.append(fact)
            return
        }
        guard !compared.contains(key) else {
            // Stored twice: deleting by its columns removes every copy, so it is written again once.
            pending.deletes.append(fact)
            storedTwice.insert(key)
            return
        }
        compared.insert(key)
        if Int(value) != fact.value {
            var updated = fact
            updated.value = Int(value)
            pending.updates.append(updated)
        }
    }

    /// What the stored figures compared so far lack or have wrong: figures never stored are inserts.
    public func changes() -> IndicatorFactChanges {
        var changes = pending
        let (periods, categories) = (periods.map(\.description), categories)
        for (key, value) in counts where !compared.contains(key) || storedTwice.contains(key) {
            changes.inserts.append(
                IndicatorFact(
                    measure: key.measure, period: periods[key.period],
                    place: IndicatorPlace(provinceCode: key.provinceCode, communeCode: key.communeCode),
                    dimension: key.dimension?.rawValue ?? "", category: categories[key.category], value: Int(value)))
        }
        return changes
    }
}

/// A figure as the database holds it (its measure or breakdown may no longer exist).
public struct StoredIndicatorFact: Equatable, Sendable {
    public var measure: String
    public var period: String
    public var place: IndicatorPlace
    public var dimension: String
    public var category: String
    public var value: Int

    public init(
        measure: String, period: String, place: IndicatorPlace, dimension: String, category: String, value: Int
    ) {
        self.measure = measure
        self.period = period
        self.place = place
        self.dimension = dimension
        self.category = category
        self.value = value
    }
}

public struct IndicatorFactChanges: Sendable {
    public var inserts: [IndicatorFact] = []
    public var updates: [StoredIndicatorFact] = []
    public var deletes: [StoredIndicatorFact] = []

    public var count: Int { inserts.count + updates.count + deletes.count }
}
