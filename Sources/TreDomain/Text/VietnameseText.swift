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
    public static func folded(_ text: String) -> String {
        let decomposed = normalized(text).decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F:
                continue  // combining marks: the tones and the hat, breve and horn of Vietnamese vowels
            case 0x0110, 0x0111, 0x00D0:
                scalars.append("d")
            default:
                scalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(scalars)
    }
}
