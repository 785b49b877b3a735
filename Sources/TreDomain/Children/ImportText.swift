import Foundation

/// How the bytes of an imported text file (CSV or Excel's "Unicode text") are to be read as characters.
public enum ImportTextEncoding: String, CaseIterable, Sendable {
    case utf8, utf16, windows1258, tcvn3, vni

    public func label(_ language: Language) -> String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16: language == .vi ? "UTF-16 (văn bản Unicode)" : "UTF-16 (Unicode text)"
        case .windows1258: "Windows-1258"
        case .tcvn3: "TCVN3 (ABC)"
        case .vni: "VNI"
        }
    }
}

/// What separates the fields of a line.
public enum ImportSeparator: String, CaseIterable, Sendable {
    case comma, semicolon, tab

    public var character: Character {
        switch self {
        case .comma: ","
        case .semicolon: ";"
        case .tab: "\t"
        }
    }

    public var scalar: Unicode.Scalar {
        switch self {
        case .comma: ","
        case .semicolon: ";"
        case .tab: "\t"
        }
    }

    public func label(_ language: Language) -> String {
        switch self {
        case .comma: language == .vi ? "Dấu phẩy (,)" : "Comma (,)"
        case .semicolon: language == .vi ? "Dấu chấm phẩy (;)" : "Semicolon (;)"
        case .tab: language == .vi ? "Dấu tab" : "Tab"
        }
    }
}

/// A text file read: its characters (NFC, without a byte-order mark), and how they were read.
public struct ImportTextReading: Sendable, Equatable {
    public var encoding: ImportTextEncoding
    public var separator: ImportSeparator
    /// The whole text, in NFC.
    public var text: String
    /// True when Tre chose the encoding; false when the person did.
    public var encodingWasDetected: Bool
    /// True when Tre chose the separator; false when the person did.
    public var separatorWasDetected: Bool

    public init(
        encoding: ImportTextEncoding, separator: ImportSeparator, text: String, encodingWasDetected: Bool,
        separatorWasDetected: Bool
    ) {
        self.encoding = encoding
        self.separator = separator
        self.text = text
        self.encodingWasDetected = encodingWasDetected
        self.separatorWasDetected = separatorWasDetected
    }
}

/// Why a text file could not be read.
public struct ImportTextError: LocalizedFailure, Equatable, Sendable {
    public var code: String
    public var message: LocalizedText

    /// Several encodings read the file about as well, or none reads it as Vietnamese.
    public static let cannotDecide = ImportTextError(
        code: "encoding_undecided",
        message: LocalizedText(
            vi:
                "Không xác định được bảng mã của tệp (UTF-8, Windows-1258, TCVN3 hay VNI). Hãy chọn bảng mã rồi xem lại bản xem trước, hoặc trong Excel lưu tệp dạng \"CSV UTF-8\".",
            en:
                "Tre cannot tell which encoding the file uses (UTF-8, Windows-1258, TCVN3 or VNI). Choose the encoding, then check the preview, or in Excel save the file as \"CSV UTF-8\"."
        ))

    /// The chosen encoding cannot read these bytes at all.
    public static func notDecodable(_ encoding: ImportTextEncoding) -> ImportTextError {
        ImportTextError(
            code: "not_decodable",
            message: LocalizedText(
                vi:
                    "Tệp không đọc được bằng bảng mã \(encoding.label(.vi)). Hãy chọn bảng mã khác, hoặc trong Excel lưu tệp dạng \"CSV UTF-8\".",
                en:
                    "The file cannot be read as \(encoding.label(.en)). Choose another encoding, or in Excel save it as \"CSV UTF-8\"."
            ))
    }
}

/// Reading an imported text file: the encoding and the separator are detected unless the person chose them, and
/// a reading with a wrongly chosen single-byte encoding still succeeds, so that its garbled words show in the
/// preview before anything is written.
public enum ImportText {
    /// Decodes with the chosen encoding/separator, or detects them.
    public static func read(
        _ bytes: [UInt8], encoding: ImportTextEncoding? = nil, separator: ImportSeparator? = nil
    ) throws(ImportTextError) -> ImportTextReading {
        let (chosen, raw): (ImportTextEncoding, String)
        if let encoding {
            guard let text = decode(bytes, as: encoding) else { throw .notDecodable(encoding) }
            (chosen, raw) = (encoding, text)
        } else {
            (chosen, raw) = try detect(bytes)
        }
        var text = raw.precomposedStringWithCanonicalMapping
        if text.first == "\u{FEFF}" { text.removeFirst() }
        return ImportTextReading(
            encoding: chosen, separator: separator ?? ImportSeparatorDetection.detect(in: text), text: text,
            encodingWasDetected: encoding == nil, separatorWasDetected: separator == nil)
    }

    /// The bytes as characters in `encoding` (not yet NFC); nil when they are not text in it.
    static func decode(_ bytes: [UInt8], as encoding: ImportTextEncoding) -> String? {
        switch encoding {
        case .utf8:
            let body = bytes.starts(with: utf8BOM) ? bytes[3...] : bytes[...]
            return validated(body, as: UTF8.self)
        case .utf16:
            return decodeUTF16(bytes)
        case .windows1258:
            return LegacyVietnameseEncodings.decodeWindows1258(bytes[...])
        case .tcvn3:
            return LegacyVietnameseEncodings.decodeTCVN3(bytes[...])
        case .vni:
            return LegacyVietnameseEncodings.decodeVNI(bytes[...])
        }
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let sampleSize = 64 * 1024

    /// The code units as a string, or nil when they are not valid in `encoding`.
    static func validated<Encoding: Unicode.Encoding, Units: Sequence<Encoding.CodeUnit>>(
        _ units: Units, as encoding: Encoding.Type
    ) -> String? {
        var scalars = String.UnicodeScalarView()
        let failed = transcode(
            units.makeIterator(), from: encoding, to: UTF32.self, stoppingOnError: true,
            into: { unit in if let scalar = Unicode.Scalar(unit) { scalars.append(scalar) } })
        return failed ? nil : String(scalars)
    }

    /// UTF-16 by its byte-order mark; without one, little-endian (what Windows writes) unless the zero bytes say
    /// big-endian.
    static func decodeUTF16(_ bytes: [UInt8]) -> String? {
        var body = bytes[...]
        var bigEndian: Bool
        if bytes.starts(with: [0xFF, 0xFE]) {
            bigEndian = false
            body = bytes[2...]
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            bigEndian = true
            body = bytes[2...]
        } else {
            bigEndian = utf16WithoutBOM(bytes) == .big
        }
        guard body.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let first = UInt16(body[index]), second = UInt16(body[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return validated(units, as: UTF16.self)
    }

    enum Endianness { case little, big }

    /// Text of mostly ASCII characters in UTF-16 has a zero in every other byte: after each one (little-endian)
    /// or before it (big-endian).
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Endianness? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 7 && evenZeros * 10 < pairs { return .little }
        if evenZeros * 10 >= pairs * 7 && oddZeros * 10 < pairs { return .big }
        return nil
    }

    /// Byte-order marks first, then UTF-8, then whichever single-byte encoding reads most like Vietnamese.
    static func detect(_ bytes: [UInt8]) throws(ImportTextError) -> (ImportTextEncoding, String) {
        if bytes.starts(with: utf8BOM), let text = decode(bytes, as: .utf8) { return (.utf8, text) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || utf16WithoutBOM(bytes) != nil {
            guard let text = decodeUTF16(bytes) else { throw .notDecodable(.utf16) }
            return (.utf16, text)
        }
        if let text = decode(bytes, as: .utf8) { return (.utf8, text) }
        // Judged on the first part of the file: enough words to tell, and quick for 100,000 rows.
        let sample = Array(bytes.prefix(sampleSize))
        let candidates: [(encoding: ImportTextEncoding, score: VietnameseLikeness)] = [
            ImportTextEncoding.windows1258, .tcvn3, .vni,
        ].compactMap { encoding in
            guard let text = decode(sample, as: encoding) else { return nil }
            return (encoding, VietnameseLikeness(of: text.precomposedStringWithCanonicalMapping))
        }.sorted { $0.score.ratio > $1.score.ratio }
        guard let best = candidates.first, best.score.looksVietnamese, let text = decode(bytes, as: best.encoding)
        else { throw .cannotDecide }
        if candidates.count > 1, candidates[1].score.ratio > best.score.ratio - VietnameseLikeness.margin {
            throw .cannotDecide
        }
        return (best.encoding, text)
    }
}
