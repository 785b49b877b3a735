import Foundation

/// The single-byte encodings Vietnamese text was typed in before Unicode, as data: Windows-1258 (its tone marks
/// are combining characters that follow the letter), TCVN3 "ABC" (TCVN 5712:1993, VN3: every lower-case toned
/// letter is one byte; upper case is drawn by a separate font from the same bytes) and VNI-Windows (a base letter
/// followed by one byte carrying its marks). Bytes below 0x80 are ASCII in all three.
enum LegacyVietnameseEncodings {
    /// Windows-1258, bytes 0x80...0xFF (0xFFFD where the code page defines nothing).
    static let windows1258: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0xFFFD, 0x2039, 0x0152, 0xFFFD, 0xFFFD, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0xFFFD, 0x203A, 0x0153, 0xFFFD, 0xFFFD, 0x0178,
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,
        0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
    ]

    /// TCVN3 (ABC): the letters of bytes 0xA1...0xFE.
    static let tcvn3: [UInt8: String] = [
        0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
        0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
        0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
        0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
        0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
        0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
        0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
        0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
        0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
        0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
        0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
        0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
        0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
        0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    ]

    /// What a VNI-Windows byte is: a letter of its own, or marks for the letter before it.
    enum VNIByte {
        case letter(String)
        case marks(String)
    }

    static let acute = "\u{301}", grave = "\u{300}", hook = "\u{309}", tilde = "\u{303}", dot = "\u{323}"
    static let circumflex = "\u{302}", breve = "\u{306}"

    /// VNI-Windows: lower-case mark bytes follow lower-case letters and upper-case ones upper-case letters.
    static let vni: [UInt8: VNIByte] = [
        // Tone marks alone.
        0xF9: .marks(acute), 0xD9: .marks(acute),
        0xF8: .marks(grave), 0xD8: .marks(grave),
        0xFB: .marks(hook), 0xDB: .marks(hook),
        0xF5: .marks(tilde), 0xD5: .marks(tilde),
        0xEF: .marks(dot), 0xCF: .marks(dot),
        0xEE: .marks(dot), 0xCE: .marks(dot),  // the dot under y (ỵ, Ỵ)
        // The circumflex, alone and with each tone.
        0xE2: .marks(circumflex), 0xC2: .marks(circumflex),
        0xE1: .marks(circumflex + acute), 0xC1: .marks(circumflex + acute),
        0xE0: .marks(circumflex + grave), 0xC0: .marks(circumflex + grave),
        0xE5: .marks(circumflex + hook), 0xC5: .marks(circumflex + hook),
        0xE3: .marks(circumflex + tilde), 0xC3: .marks(circumflex + tilde),
        0xE4: .marks(circumflex + dot), 0xC4: .marks(circumflex + dot),
        // The breve, alone and with each tone.
        0xEA: .marks(breve), 0xCA: .marks(breve),
        0xE9: .marks(breve + acute), 0xC9: .marks(breve + acute),
        0xE8: .marks(breve + grave), 0xC8: .marks(breve + grave),
        0xFA: .marks(breve + hook), 0xDA: .marks(breve + hook),
        0xFC: .marks(breve + tilde), 0xDC: .marks(breve + tilde),
        0xEB: .marks(breve + dot), 0xCB: .marks(breve + dot),
        // Letters of their own.
        0xF4: .letter("ơ"), 0xD4: .letter("Ơ"),
        0xF6: .letter("ư"), 0xD6: .letter("Ư"),
        0xF1: .letter("đ"), 0xD1: .letter("Đ"),
        0xED: .letter("í"), 0xCD: .letter("Í"),
        0xEC: .letter("ì"), 0xCC: .letter("Ì"),
        0xE6: .letter("ỉ"), 0xC6: .letter("Ỉ"),
        0xF3: .letter("ĩ"), 0xD3: .letter("Ĩ"),
        0xF2: .letter("ị"), 0xD2: .letter("Ị"),
    ]

    /// A byte the encoding gives no meaning (or a mark with no letter before it): U+FFFD, so that a file read in
    /// the wrong encoding shows it, and never a Latin-1 letter that could pass for Vietnamese ("à", "ý").
    static func unmapped(_ byte: UInt8) -> Character {
        byte == 0xA0 ? "\u{A0}" : "\u{FFFD}"
    }

    static func decodeWindows1258(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                scalars.append(Unicode.Scalar(windows1258[Int(byte) - 0x80]) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    /// TCVN3 bytes 0x80...0xFF as code points, looked up once.
    static let tcvn3Scalars: [Unicode.Scalar] = (0x80...0xFF).map { byte in
        tcvn3[UInt8(byte)]?.unicodeScalars.first ?? unmapped(UInt8(byte)).unicodeScalars.first ?? "\u{FFFD}"
    }

    static func decodeTCVN3(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : tcvn3Scalars[Int(byte) - 0x80])
        }
        return String(scalars)
    }

    static func decodeVNI(_ bytes: ArraySlice<UInt8>) -> String {
        var text = ""
        text.reserveCapacity(bytes.count)
        var afterLetter = false
        for byte in bytes {
            if byte < 0x80 {
                text.unicodeScalars.append(Unicode.Scalar(byte))
                afterLetter = Unicode.Scalar(byte).properties.isAlphabetic
                continue
            }
            switch vni[byte] {
            case .letter(let letter):
                text += letter
                afterLetter = true
            case .marks(let marks) where afterLetter:
                text.unicodeScalars.append(contentsOf: marks.unicodeScalars)
            case .marks, nil:
                text.append(unmapped(byte))
                afterLetter = false
            }
        }
        return text
    }
}
