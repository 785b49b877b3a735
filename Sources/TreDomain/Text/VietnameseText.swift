import Foundation

/// The one place Vietnamese text is normalised and folded, so that what is stored, compared and
/// searched agrees everywhere.
public enum VietnameseText {
    /// Text as it should be stored: Unicode NFC (a keyboard may send "ê" + combining acute instead
    /// of "ế"), trimmed, runs of white space collapsed to one space.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Text as it is searched: normalised, lower-cased, every diacritic removed and đ/Đ/Ð folded to d.
    /// Foundation's diacritic folding keeps đ on Linux (it is a letter, not a letter with a mark),
    /// so it is mapped explicitly.
    ///
    /// Every name is folded when it is saved and every search when it is typed, so the letters of
    /// Latin scripts are read from a table made once; Foundation's decomposition per string was an
    /// eighth of an import's time. Anything else takes the general path.
    /// A name's initials, as a child is named to a reader who may not see names: "Nguyễn Văn An" → "N.V.A.".
    public static func initials(_ name: String) -> String {
        normalized(name).split(whereSeparator: \.isWhitespace).compactMap { $0.first.map { "\($0.uppercased())." } }
            .joined()
    }

    public static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var spaceBefore = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                spaceBefore = !scalars.isEmpty
                continue
            }
            if spaceBefore {
                scalars.append(" ")
                spaceBefore = false
            }
            switch scalar.value {
            case 0x41...0x5A: scalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0..<0x80: scalars.append(scalar)
            case 0x0300...0x036F: continue  // combining marks: the tones and the hat, breve and horn of vowels
            default: scalars.append(contentsOf: (latinLetters[scalar] ?? foldedSlowly(scalar)).unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// Folded forms of the Latin letters with marks (Latin-1 to Extended-B and Extended Additional, where
    /// every Vietnamese letter is), each computed once by the general path.
    private static let latinLetters: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for value in Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF) {
            if let scalar = Unicode.Scalar(value) { table[scalar] = foldedSlowly(scalar) }
        }
        return table
    }()

    private static func foldedSlowly(_ scalar: Unicode.Scalar) -> String {
        var folded = String.UnicodeScalarView()
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch part.value {
            case 0x0300...0x036F: continue
            case 0x0110, 0x0111, 0x00D0: folded.append("d")
            default: folded.append(contentsOf: String(part).lowercased().unicodeScalars)
            }
        }
        return String(folded)
    }
}
