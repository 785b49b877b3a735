import Foundation
import Testing
import TreDomain

/// Commune lists as they really arrive: every encoding and separator, from the files
/// tests/fixtures/make_import_fixtures.py writes.
@Suite struct ImportTextTests {
    static func fixture(_ name: String) -> [UInt8] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Data/import/\(name)")
        return (try? Data(contentsOf: file)).map { [UInt8]($0) } ?? []
    }

    /// The words the issue names, and a few more every list has.
    static let words = [
        "Nguyễn Thị Hằng", "Đặng", "Phường Ba Đình", "Trẻ em", "Họ và tên", "Giới tính", "Hà Nội", "Nữ",
        "Trần Thị Thu Hương", "Cần hỗ trợ", "Người chăm sóc",
    ]

    /// Contains `word` as these very NFC code points (String's `==` would also accept other normal forms).
    static func containsExactly(_ text: String, _ word: String) -> Bool {
        let needle = Array(word.precomposedStringWithCanonicalMapping.unicodeScalars)
        let haystack = Array(text.unicodeScalars)
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    static func isNFC(_ text: String) -> Bool {
        Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    @Test(
        arguments: [
            ("utf8-comma.csv", ImportTextEncoding.utf8, ImportSeparator.comma),
            ("utf8-tab.txt", .utf8, .tab),
            ("utf8-bom-semicolon.csv", .utf8, .semicolon),
            ("utf16le-tab.txt", .utf16, .tab),
            ("utf16be-tab.txt", .utf16, .tab),
            ("windows1258-comma.csv", .windows1258, .comma),
            ("tcvn3-semicolon.csv", .tcvn3, .semicolon),
            ("tcvn3-comma.csv", .tcvn3, .comma),
            ("vni-tab.txt", .vni, .tab),
            ("vni-comma.csv", .vni, .comma),
        ])
    func eachEncodingAndSeparatorIsDetectedAndReadsTheVietnameseWords(
        file: String, encoding: ImportTextEncoding, separator: ImportSeparator
    ) throws {
        let bytes = Self.fixture(file)
        #expect(!bytes.isEmpty, "fixture \(file) is missing")
        let reading = try ImportText.read(bytes)
        #expect(reading.encoding == encoding, "\(file)")
        #expect(reading.separator == separator, "\(file)")
        #expect(reading.encodingWasDetected && reading.separatorWasDetected)
        #expect(Self.isNFC(reading.text), "\(file) is not NFC")
        #expect(reading.text.first == "H", "\(file) keeps a byte-order mark")
        for word in Self.words {
            #expect(Self.containsExactly(reading.text, word), "\(file) lacks \(word)")
        }
        // Read with the same encoding and separator chosen by hand: the same text.
        let chosen = try ImportText.read(bytes, encoding: encoding, separator: separator)
        #expect(Array(chosen.text.unicodeScalars) == Array(reading.text.unicodeScalars))
        #expect(!chosen.encodingWasDetected && !chosen.separatorWasDetected)
    }

    @Test func windows1258ToneMarksAreComposed() throws {
        let bytes = Self.fixture("windows1258-comma.csv")
        #expect(bytes.contains(0xDE), "the fixture should carry ễ as ê + a combining tilde byte")
        let text = try ImportText.read(bytes).text
        #expect(!text.unicodeScalars.contains { (0x300...0x323).contains($0.value) })
        #expect(text.unicodeScalars.contains("\u{1EC5}"))  // ễ, one code point
    }

    @Test func aFileThatIsVietnameseInNoEncodingAsksThePersonToChoose() {
        #expect(throws: ImportTextError.cannotDecide) { try ImportText.read(Self.fixture("undecidable-latin1.csv")) }
        #expect(ImportTextError.cannotDecide.message.vi.contains("chọn bảng mã"))
        #expect(ImportTextError.cannotDecide.message.en.contains("Choose the encoding"))
    }

    /// "m" then byte 0xE1 is "má" in Windows-1258 and "mỏ" in TCVN3: both Vietnamese, so Tre does not guess.
    @Test func twoEquallyVietnameseReadingsAskThePersonToChoose() throws {
        #expect(throws: ImportTextError.cannotDecide) { try ImportText.read(Array("ho_ten\nm".utf8) + [0xE1, 0x0A]) }
        #expect(try ImportText.read(Array("ho_ten\nm".utf8) + [0xE1, 0x0A], encoding: .tcvn3).text == "ho_ten\nmỏ\n")
    }

    @Test func aWronglyChosenEncodingStillReadsSoThePreviewShowsTheGarbledWords() throws {
        let tcvn3 = try ImportText.read(Self.fixture("tcvn3-semicolon.csv"), encoding: .windows1258)
        #expect(tcvn3.encoding == .windows1258 && !tcvn3.encodingWasDetected)
        #expect(tcvn3.text.contains("NguyÔn") && tcvn3.text.contains("H»ng"))  // what a Western reading shows
        #expect(!Self.containsExactly(tcvn3.text, "Nguyễn"))
        #expect(tcvn3.separator == .semicolon)

        let vni = try ImportText.read(Self.fixture("vni-tab.txt"), encoding: .tcvn3)
        #expect(!Self.containsExactly(vni.text, "Nguyễn Thị Hằng"))
        #expect(vni.text.hasPrefix("Hoù"))

        let utf8 = try ImportText.read(Self.fixture("utf8-comma.csv"), encoding: .vni)
        #expect(!Self.containsExactly(utf8.text, "Nguyễn"))
    }

    @Test func utf8ChosenForALegacyFileSaysItCannotBeRead() {
        #expect(throws: ImportTextError.notDecodable(.utf8)) {
            try ImportText.read(Self.fixture("vni-comma.csv"), encoding: .utf8)
        }
    }

    @Test func plainASCIIIsUTF8AndTheChosenSeparatorWins() throws {
        let bytes = Array("ho_ten,gioi_tinh,ngay_sinh\nLo A Pao,nam,01/02/2015\n".utf8)
        let reading = try ImportText.read(bytes)
        #expect(reading.encoding == .utf8 && reading.separator == .comma)
        #expect(try ImportText.read(bytes, separator: .semicolon).separator == .semicolon)
    }

    @Test func theSeparatorIsTheOneThatSplitsTheLinesConsistentlyQuotesRespected() throws {
        let semicolons = "ho_ten;dia_chi;ghi_chu\r\nA;\"Số 5, ngõ 3; Ba Đình\";x, y\r\nB;\"Tổ 1,\nNgọc Hà\";z\r\n"
        #expect(try ImportText.read(Array(semicolons.utf8)).separator == .semicolon)
        let commas = "ho_ten,dia_chi\n\"Lê; Văn\",\"a;b;c\"\n"
        #expect(try ImportText.read(Array(commas.utf8)).separator == .comma)
        let tabs = "ho_ten\tdia_chi\tghi_chu\nA\tSố 5, ngõ 3\t\nB\t\t;\n"
        #expect(try ImportText.read(Array(tabs.utf8)).separator == .tab)
    }

    @Test func utf16WithoutAByteOrderMarkIsRecognisedByItsZeroBytes() throws {
        let text = "Họ và tên\tGiới tính\nNguyễn Thị Hằng\tNữ\n"
        let bytes = Array(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let reading = try ImportText.read(bytes)
        #expect(reading.encoding == .utf16 && reading.separator == .tab)
        #expect(Self.containsExactly(reading.text, "Nguyễn Thị Hằng"))
    }

    @Test func labelsSpeakOneLanguage() {
        #expect(ImportTextEncoding.tcvn3.label(.vi) == "TCVN3 (ABC)")
        #expect(ImportTextEncoding.utf16.label(.en) == "UTF-16 (Unicode text)")
        #expect(ImportSeparator.semicolon.label(.vi).contains("chấm phẩy"))
        #expect(ImportSeparator.tab.character == "\t")
    }
}
