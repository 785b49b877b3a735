/// How a typed search matches a name: folded (no accents, đ = d, any case, any spacing), every typed
/// word the start of a different word of the name, in any order. "an nguyen" finds "Nguyễn Văn An".
public struct NameSearch: Equatable, Sendable {
    public enum Rank: Int, Comparable, Sendable {
        /// The whole name, as typed.
        case exact = 0
        /// Every word a whole word of the name, in the name's order ("van an" in "Nguyễn Văn An").
        case wordsInOrder = 1
        /// Every word the start of the name's words, in the name's order.
        case prefixInOrder = 2
        /// Every word the start of some word of the name, in another order.
        case prefixAnyOrder = 3

        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let tokens: [String]

    public init(_ query: String) {
        tokens = VietnameseText.folded(query).split(separator: " ").map(String.init)
    }

    public var isEmpty: Bool { tokens.isEmpty }

    /// The rank of a name for this search, or nil when it does not match.
    public func rank(of name: String) -> Rank? {
        let words = VietnameseText.folded(name).split(separator: " ").map(String.init)
        guard !tokens.isEmpty else { return nil }
        if words == tokens { return .exact }
        if inOrder(words, whole: true) { return .wordsInOrder }
        if inOrder(words, whole: false) { return .prefixInOrder }
        return anyOrder(words) ? .prefixAnyOrder : nil
    }

    private func inOrder(_ words: [String], whole: Bool) -> Bool {
        var index = 0
        for token in tokens {
            while index < words.count, whole ? words[index] != token : !words[index].hasPrefix(token) { index += 1 }
            guard index < words.count else { return false }
            index += 1
        }
        return true
    }

    /// Each token claims a different word, so "an an" needs two words starting with "an".
    private func anyOrder(_ words: [String]) -> Bool {
        var free = words
        for token in tokens.sorted(by: { $0.count > $1.count }) {
            guard let index = free.firstIndex(where: { $0.hasPrefix(token) }) else { return false }
            free.remove(at: index)
        }
        return true
    }
}
