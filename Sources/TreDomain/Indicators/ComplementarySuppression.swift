import Foundation

/// Which cells of a set of published tables must be hidden so that no small count can be read, nor
/// worked out by subtraction from the figures that stay visible (decision 008).
///
/// A cell is one published figure; it may carry several counts (a rate's numerator and denominator), and
/// it is hidden as a whole. A group says that a total cell is made of member cells: a unit and the units
/// one level down, a period and its sub-periods, a figure and its breakdown. The rules, applied to every
/// group until nothing changes:
/// - a cell holding a count from 1 to `threshold − 1` is hidden (zero reveals nobody and is shown);
/// - under a shown total, the hidden members must be none, or at least two whose sum (of every count)
///   is zero or at least `threshold`: otherwise the next smallest member is hidden too, and when no member
///   is left to hide, the total is;
/// - under a hidden total, at least one member that is not zero is hidden, or the members would add up
///   to it.
/// Cells already decided elsewhere (a higher level computed on its own, so that every view agrees) are
/// `fixed`: they keep their state, and they are never chosen to protect another cell.
public struct ComplementarySuppression: Sendable {
    public struct Group: Equatable, Sendable {
        public var total: Int
        public var members: [Int]

        public init(total: Int, members: [Int]) {
            self.total = total
            self.members = members
        }
    }

    public var threshold: Int

    public init(threshold: Int = 5) {
        self.threshold = threshold
    }

    public func isSmall(_ counts: [Int]) -> Bool {
        counts.contains { $0 > 0 && $0 < threshold }
    }

    /// The hidden cells, by index into `cells` (each cell's counts: numerator, then denominator).
    /// The answer depends only on the arguments, in their order: every view that asks the same question
    /// gets the same cells hidden.
    public func hidden(cells: [[Int]], groups: [Group], fixed: [Int: Bool] = [:]) -> Set<Int> {
        var hidden = Set<Int>()
        for index in cells.indices {
            if let state = fixed[index] {
                if state { hidden.insert(index) }
            } else if isSmall(cells[index]) {
                hidden.insert(index)
            }
        }
        func counts(_ index: Int) -> [Int] { cells.indices.contains(index) ? cells[index] : [] }
        func isZero(_ index: Int) -> Bool { counts(index).allSatisfy { $0 == 0 } }
        func protected(_ members: [Int]) -> Bool {
            let shut = members.filter { hidden.contains($0) }
            if shut.isEmpty { return true }
            if shut.count < 2 { return false }
            let width = shut.map { counts($0).count }.max() ?? 0
            for component in 0..<width {
                let sum = shut.reduce(0) { $0 + (counts($1).indices.contains(component) ? counts($1)[component] : 0) }
                if sum > 0 && sum < threshold { return false }
            }
            return true
        }
        /// The smallest member still shown that may be hidden (by its counts in order, then position).
        func nextSmallest(_ members: [Int]) -> Int? {
            members.filter { !hidden.contains($0) && fixed[$0] == nil && !isZero($0) }
                .min { counts($0).lexicographicallyPrecedes(counts($1)) || (counts($0) == counts($1) && $0 < $1) }
        }

        var changed = true
        while changed {
            changed = false
            for group in groups {
                if hidden.contains(group.total) {
                    let hiddenNonZero = group.members.contains { hidden.contains($0) && !isZero($0) }
                    if !hiddenNonZero, let next = nextSmallest(group.members) {
                        hidden.insert(next)
                        changed = true
                    }
                    continue
                }
                while !protected(group.members) {
                    if let next = nextSmallest(group.members) {
                        hidden.insert(next)
                    } else if fixed[group.total] == nil {
                        hidden.insert(group.total)
                    } else {
                        break
                    }
                    changed = true
                    if hidden.contains(group.total) { break }
                }
            }
        }
        return hidden
    }
}

/// A suppression problem written with the caller's own keys (a unit and period, a breakdown's category):
/// cells are numbered in the order they are first named, so the same tables give the same answer.
public struct SuppressionProblem<Key: Hashable & Sendable>: Sendable {
    private var index: [Key: Int] = [:]
    private var cells: [[Int]] = []
    private var groups: [ComplementarySuppression.Group] = []
    private var fixed: [Int: Bool] = [:]

    public init() {}

    @discardableResult
    private mutating func number(_ key: Key) -> Int {
        if let found = index[key] { return found }
        index[key] = cells.count
        cells.append([])
        return cells.count - 1
    }

    /// A figure and its counts (numerator, then denominator for a rate).
    public mutating func cell(_ key: Key, _ counts: [Int]) {
        cells[number(key)] = counts
    }

    /// A cell whose state was decided elsewhere.
    public mutating func fix(_ key: Key, counts: [Int], hidden: Bool) {
        let position = number(key)
        cells[position] = counts
        fixed[position] = hidden
    }

    /// `total` is made of `members` (members never named get no counts: zero).
    public mutating func group(_ total: Key, _ members: [Key]) {
        let totalIndex = number(total)
        groups.append(.init(total: totalIndex, members: members.map { number($0) }))
    }

    /// The cells named so far with their counts, in the order they were named.
    var named: [(Key, [Int])] {
        index.sorted { $0.value < $1.value }.map { ($0.key, cells[$0.value]) }
    }

    /// The groups so far, in the order they were given.
    var namedGroups: [(Key, [Key])] {
        let keys = Dictionary(uniqueKeysWithValues: index.map { ($0.value, $0.key) })
        return groups.compactMap { group in
            keys[group.total].map { total in (total, group.members.compactMap { keys[$0] }) }
        }
    }

    public func hidden(_ suppression: ComplementarySuppression = ComplementarySuppression()) -> Set<Key> {
        let shut = suppression.hidden(cells: cells, groups: groups, fixed: fixed)
        return Set(index.compactMap { shut.contains($0.value) ? $0.key : nil })
    }
}
