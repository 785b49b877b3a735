import Foundation

/// How much a decoded text reads as Vietnamese: its words with letters beyond ASCII that are Vietnamese
/// syllables, against those that are not and against characters Vietnamese text does not have (stray symbols,
/// control characters, letters of other languages). A wrongly decoded Vietnamese file is full of the latter.
struct VietnameseLikeness: Sendable {
    var syllables = 0
    var oddities = 0

    /// How far ahead the best reading must be of the next for Tre to choose it.
    static let margin = 0.15

    var ratio: Double { syllables + oddities == 0 ? 0 : Double(syllables) / Double(syllables + oddities) }
    var looksVietnamese: Bool { syllables > 0 && ratio >= 0.6 }

    init(of text: String) {
        var word = ""
        func endWord() {
            if word.unicodeScalars.contains(where: { !$0.isASCII }) {
                if Self.isSyllable(word) { syllables += 1 } else { oddities += 1 }
            }
            word = ""
        }
        for character in text {
            if character.isLetter {
                word.append(character)
                continue
            }
            endWord()
            if let scalar = character.unicodeScalars.first, !scalar.isASCII || character.unicodeScalars.count > 1 {
                if !Self.punctuation.contains(character) { oddities += 1 }
            } else if let scalar = character.unicodeScalars.first, scalar.value < 0x20,
                !["\t", "\n", "\r", "\r\n"].contains(character)
            {
                oddities += 1
            }
        }
        endWord()
    }

    /// Non-ASCII characters that Vietnamese text typed in Excel or Word does have.
    static let punctuation: Set<Character> = ["\u{A0}", "“", "”", "‘", "’", "–", "—", "…", "•", "₫", "\r\n"]

    static let toneMarks: Set<Unicode.Scalar> = ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]
    static let letters = Set("abcdeghiklmnopqrstuvxyăâêôơưđ")
    static let initials = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ]
    static let finals = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""]
    static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "ưa", "ưi", "ưu", "ươ", "uy", "yê",
        "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    ]

    /// A written Vietnamese syllable: an initial consonant, a vowel nucleus with at most one tone mark, a final.
    static func isSyllable(_ word: String) -> Bool {
        var tones = 0
        var base = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if toneMarks.contains(scalar) { tones += 1 } else { base.append(scalar) }
        }
        let letters = String(base).precomposedStringWithCanonicalMapping
        guard tones <= 1, !letters.isEmpty, letters.allSatisfy({ Self.letters.contains($0) }) else { return false }
        for initial in initials where letters.hasPrefix(initial) {
            let rest = letters.dropFirst(initial.count)
            for final in finals where rest.hasSuffix(final) && rest.count > final.count {
                if nuclei.contains(String(rest.dropLast(final.count))) { return true }
            }
        }
        return false
    }
}

/// Which separator a text's first lines use: the one that splits them into the most consistent number of
/// fields (more than one), quotes respected.
enum ImportSeparatorDetection {
    static let linesLooked = 20

    static func detect(in text: String) -> ImportSeparator {
        var best: (separator: ImportSeparator, consistency: Double, fields: Int)?
        for separator in ImportSeparator.allCases {
            let counts = fieldCounts(text, separator: separator.character)
            guard let header = counts.first, header > 1 else { continue }
            let consistency = Double(counts.filter { $0 == header }.count) / Double(counts.count)
            if let current = best,
                consistency < current.consistency || (consistency == current.consistency && header <= current.fields)
            {
                continue
            }
            best = (separator, consistency, header)
        }
        return best?.separator ?? .comma
    }

    /// The number of fields of each of the first non-empty records.
    static func fieldCounts(_ text: String, separator: Character) -> [Int] {
        var counts: [Int] = []
        var fields = 1
        var inQuotes = false
        var blank = true
        for character in text {
            if counts.count >= linesLooked { break }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            switch character {
            case "\"":
                inQuotes = true
                blank = false
            case separator:
                fields += 1
                blank = false
            case "\n", "\r", "\r\n":
                if !blank { counts.append(fields) }
                fields = 1
                blank = true
            default:
                if !character.isWhitespace { blank = false }
            }
        }
        if !blank && counts.count < linesLooked { counts.append(fields) }
        return counts
    }
}
