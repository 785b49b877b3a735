import Testing

@testable import TreDomain

@Suite struct VietnameseTextTests {
    @Test func foldingIgnoresDiacriticsAndTreatsDStrokeAsD() {
        #expect(VietnameseText.folded("Đặng Thị Hương") == "dang thi huong")
        #expect(VietnameseText.folded("ĐỖ  VĂN   ĐẠT") == "do van dat")
        #expect(VietnameseText.folded("Ðinh") == "dinh")
        // decomposed input (a phone keyboard may send the marks apart), tabs and edges
        #expect(VietnameseText.folded("\tNguy\u{1EC5}n  Thi\u{0323}\nHo\u{0302}\u{0300}ng ") == "nguyen thi hong")
        #expect(VietnameseText.folded("Ê-đê H'Mông") == "e-de h'mong")
        #expect(VietnameseText.folded("Ελένη") == "ελενη", "letters of other scripts are folded too")
        #expect(VietnameseText.folded("Nguyễn Ngọc Ánh") == VietnameseText.folded("nguyen ngoc anh"))
    }

    @Test func storedTextIsComposedAndTrimmed() {
        let decomposed = "Hu\u{0073}\u{006F}\u{031B}\u{0300}ng"  // "ơ" + grave typed as combining marks
        #expect(VietnameseText.normalized("  Lê \n Thị  \(decomposed) ") == "Lê Thị Hu\u{0073}\u{1EDD}ng")
        #expect(VietnameseText.normalized("e\u{0302}\u{0301}") == "ế")
    }
}
