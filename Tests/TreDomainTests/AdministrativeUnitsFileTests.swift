import Foundation
import Testing

@testable import TreDomain

@Suite struct AdministrativeUnitsFileTests {
    @Test func theShippedFileHoldsThe2025Map() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/Data/administrative-units-2025.csv")
        let rows = try AdministrativeUnitsFile.parse(try String(contentsOf: path, encoding: .utf8))
        #expect(rows.count == 3321)
        #expect(Set(rows.map(\.provinceCode)).count == 34)
        #expect(Set(rows.map(\.communeCode)).count == 3321)
    }

    @Test func aMalformedLineIsReportedWithItsNumber() {
        let text = AdministrativeUnitsFile.header + "\n1,Hà Nội,tỉnh,4,Ba Đình,phường\n1,Hà Nội,tỉnh,x,Ngọc Hà,phường\n"
        #expect(throws: AdministrativeUnitsFile.FormatError(line: 3, reason: "expected 6 fields with numeric codes")) {
            try AdministrativeUnitsFile.parse(text)
        }
    }
}
