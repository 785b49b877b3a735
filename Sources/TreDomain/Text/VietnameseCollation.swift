import Foundation

/// Vietnamese alphabetical order, as a sort key both databases order the same way.
///
/// Letters follow the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
/// with f j w z at their Latin places for foreign names), so "Ân" sorts after "Anh" and "Đào" after
/// "Dung"; tones break ties in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng). The key uses only
/// lowercase ASCII letters, which every database collation orders byte by byte, so the order does not
/// depend on how PostgreSQL was installed.
public enum VietnameseCollation {
    static let alphabet: [Character] = Array("0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
    static let rank: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// Separates words and parts; lower than any letter's code, so "An" sorts before "Anh".
    static let separator = "aa"

    public static func sortKey(_ text: String) -> String {
        sortKey(parts: [text])
    }

    /// A key that orders by the first part, then the next: for a person, given name, family name, middle.
    /// Each part's tones count before the next part, so all "Anh" come before all "Ánh", whatever
    /// their family names.
    public static func sortKey(parts: [String]) -> String {
        parts.map(partKey).joined(separator: separator)
    }

    private static func partKey(_ part: String) -> String {
        var words: [String] = []
        var tones = ""
        for word in VietnameseText.normalized(part).lowercased().split(separator: " ") {
            var code = ""
            for character in word {
                let (letter, tone) = baseLetterAndTone(character)
                guard let rank = rank[letter] else { continue }  // punctuation does not order names
                code += letterCode(rank)
                tones.append(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(tone))))
            }
            if !code.isEmpty { words.append(code) }
        }
        return words.joined(separator: separator) + separator + tones
    }

    /// Two letters per rank, from "ba" upwards.
    private static func letterCode(_ rank: Int) -> String {
        let high = UInt8(ascii: "b") + UInt8(rank / 26)
        let low = UInt8(ascii: "a") + UInt8(rank % 26)
        return String(decoding: [high, low], as: UTF8.self)
    }

    /// "ặ" is the letter "ă" with the tone nặng (5); "đ" is its own letter. Latin letters are read from
    /// a table made once (every saved name gets a key; decomposing each letter was 8% of an import).
    static func baseLetterAndTone(_ character: Character) -> (Character, Int) {
        latinLetters[character] ?? baseLetterAndToneSlowly(character)
    }

    private static let latinLetters: [Character: (Character, Int)] = {
        var table: [Character: (Character, Int)] = [:]
        for value in Array(0x0030...0x007A) + Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            table[character] = baseLetterAndToneSlowly(character)
        }
        return table
    }()

    private static func baseLetterAndToneSlowly(_ character: Character) -> (Character, Int) {
        var base = ""
        var tone = 0
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300: tone = 1  // huyền
            case 0x0309: tone = 2  // hỏi
            case 0x0303: tone = 3  // ngã
            case 0x0301: tone = 4  // sắc
            case 0x0323: tone = 5  // nặng
            default: base.unicodeScalars.append(scalar)
            }
        }
        let letter = base.precomposedStringWithCanonicalMapping
        return (letter == "ð" ? "đ" : letter.first ?? character, tone)
    }
}
