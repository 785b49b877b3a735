import Testing
@testable import TreDomain

@Suite struct VietnameseTextTests {
    @Test func foldingIgnoresDiacriticsAndTreatsDStrokeAsD() {
        #expect(VietnameseText.folded("Đặng Thị Hương") == "dang thi huong")
        #expect(VietnameseText.folded("ĐỖ  VĂN   ĐẠT") == "do van dat")
        #expect(VietnameseText.folded("Ðinh") == "dinh")
    }
}
