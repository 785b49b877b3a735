import Foundation
import Testing
import TreDomain

@testable import TreApp

/// The re-check pages' models, built from fixtures without HTTP or a database.
@Suite struct RecheckPageModelTests {
    static func reader(_ role: Role, _ jurisdiction: Jurisdiction) -> Principal {
        Principal(
            userID: UUID(), username: "reader", fullName: "Reader", role: role, jurisdiction: jurisdiction,
            mustChangePassword: false)
    }

    static func round(checked: Int = 0, differing: Int = 0, status: RecheckStatus = .open) -> RecheckRoundRecord {
        let round = RecheckRoundRecord()
        round.id = UUID()
        round.provinceCode = 1
        round.communeCode = 4
        round.drawnOn = "2026-11-29"
        round.drawnByName = "Nguyễn Thị Tỉnh"
        round.seed = RecheckSample.text(of: 0xBEEF)
        round.size = 20
        round.candidates = 8
        round.status = status.rawValue
        round.tally = RecheckTally(
            fieldsChecked: checked, fieldsDiffering: differing, recordsChecked: checked > 0 ? 1 : 0,
            recordsDiffering: differing > 0 ? 1 : 0)
        return round
    }

    static func child() -> Child {
        let child = Child()
        child.id = UUID()
        child.fullName = "Lê Thị Hoa"
        child.sex = "female"
        child.birthDate = "2016-03-04"
        child.birthYear = 2016
        child.ethnicityCode = "01"
        child.personalID = nil
        child.address = "Số 5 ngõ 12"
        child.provinceCode = 1
        child.communeCode = 4
        return child
    }

    static func file(_ round: RecheckRoundRecord, findings: RecheckRecordFindings? = nil)
        -> RecheckQueries.RoundFile
    {
        let child = child()
        let item = RecheckItemRecord()
        item.id = UUID()
        item.$round.id = round.id!
        item.childID = child.id!
        item.position = 1
        item.findingsJSON = ""
        if let findings {
            item.findings = findings
            item.checkedOn = "2026-11-30"
        }
        return RecheckQueries.RoundFile(
            round: round, commune: "Phường Ba Đình", entries: [.init(item: item, child: child, caregivers: [])])
    }

    @Test func aRoundWithNothingCheckedShowsNoRateAndItsLinksComeFromTheSiteMap() throws {
        let round = Self.round()
        let page = RecheckRoundPage(
            Self.file(round), reader: Self.reader(.provincialOfficer, .province(provinceCode: 1)), language: .vi)
        #expect(page.row.errorRate == "—" && page.row.recordShare == "—")
        #expect(page.row.seed == "000000000000beef" && page.row.drawnOn == "29/11/2026")
        #expect(page.sheetHref == "/rechecks/\(round.id!.uuidString)/sheet")
        #expect(page.entries.first?.href?.hasPrefix("/rechecks/\(round.id!.uuidString)/children/") == true)
        #expect(page.canRecord && page.fields.allSatisfy { $0.rate == "—" })

        let commune = RecheckRoundPage(
            Self.file(round), reader: Self.reader(.communeOfficer, .commune(provinceCode: 1, communeCode: 4)),
            language: .en)
        #expect(!commune.canRecord, "a commune reads its rounds and records nothing")
        let closed = RecheckRoundPage(
            Self.file(Self.round(status: .closed)), reader: Self.reader(.provincialOfficer, .province(provinceCode: 1)),
            language: .en)
        #expect(!closed.canRecord && closed.row.status == "Closed")
    }

    @Test func theFormShowsWhatIsRegisteredAndWhatWasFound() throws {
        let round = Self.round(checked: 2, differing: 1)
        let findings = RecheckRecordFindings([.sex: .init(.differs, found: "Nam"), .fullName: .init(.agrees)])
        let file = Self.file(round, findings: findings)
        let page = RecheckRecordPage(
            file, entry: try #require(file.entries.first),
            reader: Self.reader(.provincialOfficer, .province(provinceCode: 1)),
            language: .vi)
        let sex = try #require(page.fields.first { $0.name == "sex" })
        #expect(sex.registered == "Nữ" && sex.found == "Nam")
        #expect(sex.choices.first { $0.selected }?.value == "differs")
        let address = try #require(page.fields.first { $0.name == "address" })
        #expect(address.registered == "Số 5 ngõ 12" && address.choices.first { $0.selected }?.value == "not_checked")
        #expect(page.fields.first { $0.name == "date_of_birth" }?.registered == "04/03/2016")
        #expect(page.fields.first { $0.name == "ethnicity" }?.registered == "Kinh")

        let row = RecheckRoundRow(round, commune: "Phường Ba Đình", language: .vi)
        #expect(row.errorRate == "50 %")
        let sheet = RecheckSheetPage(file, language: .vi)
        #expect(sheet.sheets.count == 1 && sheet.sheets[0].lines.count == RecheckField.allCases.count)
    }
}
