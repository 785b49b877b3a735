import Fluent
import Foundation
import SQLKit
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// A record with everything the population database needs, unless told to leave something out.
@discardableResult
private func makeRecord(
    _ app: Application, _ fullName: String, commune: Int = Places.baDinh, serial: Int,
    personalID: Bool = true, ethnicity: Bool = true, caregiver: Bool = true
) async throws -> Child {
    var draft = ChildDraft()
    draft.fullName = fullName
    draft.sex = "female"
    draft.dateOfBirth = "2015-09-05"
    draft.communeCode = commune
    draft.address = "Số \(serial) phố Đội Cấn"
    if personalID { draft.personalID = "001315" + String(format: "%06d", serial) }
    if ethnicity { draft.ethnicityCode = "01" }
    if caregiver { draft.caregivers = [.init(relation: "mother", fullName: "Mẹ của \(fullName)", phone: "")] }
    let principal = Principal(
        userID: UUID(), username: "test", fullName: "Test", role: .provincialOfficer, jurisdiction: .nation,
        mustChangePassword: false)
    return try await ChildService(database: app.db, principal: principal, actor: .system("test")).create(draft)
}

private func signedIn(_ app: Application, _ username: String) async throws -> WebClient {
    let browser = WebClient(app)
    try await browser.signIn(username)
    return browser
}

@Suite struct DataQualityPagesTests {
    @Test func theWorklistNamesEachProblemAndAFixedRecordLeavesIt() async throws {
        try await withTreApp { app in
            try await makeRecord(app, "Trần Thị Lan", serial: 1)
            let nam = try await makeRecord(app, "Lê Thị Nga", serial: 2, personalID: false, ethnicity: false)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = try await signedIn(app, "xa4")

            let list = try await browser.get("/data-quality/worklist")
            #expect(list.status == .ok)
            let html = list.body.string
            #expect(html.contains("Lê Thị Nga"))
            #expect(!html.contains("Trần Thị Lan"))
            #expect(html.contains("Chưa có số định danh cá nhân"))
            #expect(html.contains("Chưa ghi dân tộc."))
            #expect(!html.contains("Chưa ghi cha, mẹ hoặc người giám hộ."))
            let id = try nam.requireID()
            #expect(html.contains("/children/\(id)/edit"))
            #expect(html.contains("Kết quả xác minh tại hộ"))  // the column printed for household visits

            // Fixed through the register's own form, the record leaves the list.
            try await browser.get("/children/\(id)/edit")
            let fixed = try await browser.post(
                "/children/\(id)/edit",
                [
                    "fullName": "Lê Thị Nga", "sex": "female", "dateOfBirth": "05/09/2015", "ethnicityCode": "01",
                    "personalId": "001315000002", "communeCode": String(Places.baDinh), "address": "Số 2 phố Đội Cấn",
                    "caregiver0Relation": "mother", "caregiver0Name": "Mẹ của Lê Thị Nga",
                ])
            #expect(fixed.status == .seeOther)
            let after = try await browser.get("/data-quality/worklist").body.string
            #expect(!after.contains("Lê Thị Nga"))
            #expect(after.contains("Không có hồ sơ nào cần bổ sung."))
        }
    }

    @Test func theWorklistIsSearchedWithoutAccentsAndFilteredByProblem() async throws {
        try await withTreApp { app in
            try await makeRecord(app, "Đặng Thị Hương", serial: 1, personalID: false)
            try await makeRecord(app, "Nguyễn Thị Mai", serial: 2, caregiver: false)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = try await signedIn(app, "xa4")
            let search = try await browser.get("/data-quality/worklist?q=dang%20huong").body.string
            #expect(search.contains("Đặng Thị Hương") && !search.contains("Nguyễn Thị Mai"))
            let noCaregiver = try await browser.get("/data-quality/worklist?problem=caregiver_missing").body.string
            #expect(noCaregiver.contains("Nguyễn Thị Mai") && !noCaregiver.contains("Đặng Thị Hương"))
            let noID = try await browser.get("/data-quality/worklist?problem=personal_id_missing").body.string
            #expect(noID.contains("Đặng Thị Hương") && !noID.contains("Nguyễn Thị Mai"))
        }
    }

    @Test func theWorklistExportsItsRowsWithTheirProblemsAndIsAudited() async throws {
        try await withTreApp { app in
            try await makeRecord(app, "Đặng Thị Hương", serial: 1, personalID: false)
            try await makeRecord(app, "Trần Thị Lan", serial: 3)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let browser = try await signedIn(app, "xa4")
            let csv = try await browser.get("/data-quality/worklist.csv")
            #expect(csv.status == .ok)
            let text = csv.body.string
            #expect(text.contains("ho_ten") && text.contains("van_de"))
            #expect(text.contains("Đặng Thị Hương") && text.contains("personal_id_missing"))
            #expect(!text.contains("Trần Thị Lan"))
            let audited = try await AuditEntry.query(on: app.db)
                .filter(\.$action == "data_quality.worklist_exported").count()
            #expect(audited == 1)
        }
    }

    @Test func anotherCommunesOfficerAndAnotherProvincesOfficerSeeNoneOfTheChildren() async throws {
        try await withTreApp { app in
            try await makeRecord(app, "Đặng Thị Hương", serial: 1, personalID: false)
            let caoBangCommune = try await Places.communeOfCaoBang(app)
            try await makeRecord(app, "Hoàng Thị Sáu", commune: caoBangCommune, serial: 2, ethnicity: false)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)

            let otherCommune = try await signedIn(app, "xa8")
            for path in [
                "/data-quality/worklist", "/data-quality/worklist?communeCode=\(Places.baDinh)",
                "/data-quality/worklist.csv", "/data-quality/worklist.csv?communeCode=\(Places.baDinh)",
                "/data-quality/worklist?q=huong",
            ] {
                let answer = try await otherCommune.get(path)
                #expect(answer.status == .ok)
                #expect(!answer.body.string.contains("Đặng Thị Hương"), "\(path)")
                #expect(!answer.body.string.contains("Hoàng Thị Sáu"), "\(path)")
            }
            let communePage = try await otherCommune.get("/data-quality").body.string
            #expect(communePage.contains("Phường Ngọc Hà") || communePage.contains("Ngọc Hà"))
            #expect(!communePage.contains("Ba Đình"))

            let otherProvince = try await signedIn(app, "tinh4")
            for path in [
                "/data-quality/worklist", "/data-quality/worklist?communeCode=\(Places.baDinh)",
                "/data-quality/worklist.csv", "/data-quality/worklist.csv?communeCode=\(Places.baDinh)",
            ] {
                let text = try await otherProvince.get(path).body.string
                #expect(!text.contains("Đặng Thị Hương"), "\(path)")
            }
            let caoBang = try await otherProvince.get("/data-quality/worklist").body.string
            #expect(caoBang.contains("Hoàng Thị Sáu"))
            let caoBangPage = try await otherProvince.get("/data-quality?per=200").body.string
            #expect(!caoBangPage.contains("Ba Đình"))

            let haNoi = try await signedIn(app, "tinh1")
            let haNoiList = try await haNoi.get("/data-quality/worklist").body.string
            #expect(haNoiList.contains("Đặng Thị Hương") && !haNoiList.contains("Hoàng Thị Sáu"))
        }
    }

    @Test func theDataQualityPageShowsTheUnitsFiguresAndTheUnitsBelow() async throws {
        try await withTreApp { app in
            let lan = try await makeRecord(app, "Trần Thị Lan", serial: 1)
            try await makeRecord(app, "Đặng Thị Hương", serial: 2, personalID: false)
            try await makeRecord(app, "Lê Thị Hoa", commune: Places.ngocHa, serial: 3, ethnicity: false)
            // Lan's record was last changed two years ago.
            try await (app.db as! any SQLDatabase).update(Child.schema)
                .set("updated_at", to: Date().addingTimeInterval(-2 * 365 * 24 * 3600))
                .where("id", .equal, try lan.requireID()).run()
            try await IndicatorRefresh.run(on: app.db)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "phantich", role: .nationalAnalyst)
            try await makeAccount(app, "tongdai", role: .hotlineCounsellor)

            let commune = try await signedIn(app, "xa4")
            let page = try await commune.get("/data-quality")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Chất lượng dữ liệu"))
            #expect(html.contains("50,0%"))  // one of the commune's two children has a personal ID
            #expect(html.contains("1/2"))
            #expect(html.contains("<strong>50,0%</strong> Chưa cập nhật trong 1 năm"))
            #expect(html.contains("Tỷ lệ sai của lần phúc tra gần nhất"))
            #expect(html.contains("/data-quality/worklist"))
            #expect(
                try await commune.get("/children").body.string.contains(
                    #"href="/data-quality" id="children-data-quality""#))

            let province = try await signedIn(app, "tinh1")
            let provincePage = try await province.get("/data-quality?per=200").body.string
            #expect(provincePage.contains("Theo xã, phường"))
            #expect(provincePage.contains("Ngọc Hà") && provincePage.contains("Ba Đình"))
            #expect(provincePage.contains("/data-quality/worklist?communeCode=\(Places.baDinh)"))

            let analyst = try await signedIn(app, "phantich")
            let nation = try await analyst.get("/data-quality")
            #expect(nation.status == .ok)
            #expect(nation.body.string.contains("Theo tỉnh, thành phố"))
            // The nation's figures are the ones the refresh stored: Hà Nội's three children, two of them to fix.
            #expect(nation.body.string.contains("<strong>3</strong> Trẻ em trong sổ"))
            #expect(nation.body.string.contains("<strong>33,3%</strong> Chưa cập nhật trong 1 năm"))
            #expect(nation.body.string.contains(#"<li id="dq-on-worklist"><strong>2</strong>"#))
            #expect(nation.body.string.contains("Số liệu tổng hợp lúc"))
            #expect(!nation.body.string.contains("/data-quality/worklist"))  // figures only: no children's names
            #expect(try await analyst.get("/data-quality/worklist").status == .forbidden)

            let hotline = try await signedIn(app, "tongdai")
            #expect(try await hotline.get("/data-quality").status == .forbidden)
        }
    }

    @Test func theDataQualityIndicatorIsComputedPerUnitAgainstItsTarget() async throws {
        try await withTreApp { app in
            try await makeRecord(app, "Trần Thị Lan", serial: 1)
            try await makeRecord(app, "Đặng Thị Hương", serial: 2, personalID: false)
            try await makeRecord(app, "Lê Thị Hoa", serial: 3)
            try await makeRecord(app, "Phạm Thị Hà", commune: Places.ngocHa, serial: 4, caregiver: false)
            try await IndicatorRefresh.run(on: app.db)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let year = VietnamDay.containing(Date()).year
            let commune = try await indicatorValue(app, try await apiToken(app, "xa4"), "TR24?period=\(year)")
            #expect(commune.map { abs($0 - 200.0 / 3) < 0.1 } == true)
            #expect(try await indicatorValue(app, try await apiToken(app, "tinh1"), "TR24?period=\(year)") == 50)
            let targets = try await IndicatorTargetRecord.query(on: app.db).filter(\.$indicatorCode == "TR24").count()
            #expect(targets >= 1)
        }
    }
}

/// The SQL that lists and counts, and the Swift check that names the problems, agree on every record.
@Suite struct DataQualitySQLTests {
    @Test func theSQLConditionsFindExactlyWhatTheSwiftCheckFinds() async throws {
        try await withTreApp { app in
            // Old records hold what no form lets in today: stored directly.
            func stored(
                _ name: String, family: String = "Lê", given: String = "Lan", sex: String = "female",
                birthDate: String? = "2015-09-05", birthYear: Int = 2015, ethnicity: String? = "01",
                personalID: String? = nil, caregiver: Bool = true, verification: PoliceVerification? = nil
            ) async throws {
                let child = Child()
                child.fullName = name
                child.familyName = family
                child.middleName = ""
                child.givenName = given
                child.nameFolded = VietnameseText.folded(name)
                child.givenFolded = VietnameseText.folded(given)
                child.familyComparable = VietnameseText.folded(family)
                child.sortKey = VietnameseText.folded(given)
                child.sex = sex
                child.birthDate = birthDate
                child.birthYear = birthYear
                child.birthDateForAge = birthDate ?? "\(birthYear)-07-01"
                child.ethnicityCode = ethnicity
                child.personalID = personalID
                child.provinceCode = Places.haNoi
                child.communeCode = Places.baDinh
                child.address = ""
                child.notes = ""
                child.idVerification = verification?.rawValue
                try await child.create(on: app.db)
                if caregiver {
                    try await ChildCaregiver(
                        childID: try child.requireID(), relation: "mother", fullName: "Mẹ", phone: ""
                    )
                    .create(on: app.db)
                }
            }
            try await stored("Lê Thị Lan", personalID: "001315000001")
            try await stored("Lê Thị Lan", personalID: nil)
            try await stored("Lê Thị Lan", personalID: " 001315 000003")  // spaces: well formed once removed
            try await stored("Lê Thị Lan", personalID: "00131500000")
            try await stored("Lê Thị Lan", personalID: "00131500000X")
            try await stored("Lê Thị Lan", personalID: "003315000006")
            try await stored("Lê Thị Lan", personalID: "001215000007")
            try await stored("Lê Thị Lan", personalID: "001316000008")
            try await stored("Lê Thị Lan", personalID: "001715000009")
            try await stored("Lê Thị Lan", personalID: "001115000010")
            try await stored("Lê Thị Lan", sex: "", personalID: "001215000011")
            try await stored("Lê Thị Lan", sex: "", personalID: "001415000012")
            try await stored("Lê Thị Lan", birthDate: nil, birthYear: 2014, personalID: "001315000013")
            try await stored("Lê Thị Lan", birthYear: 1999, personalID: "001199000014")
            try await stored("Lan", family: "", personalID: "001315000015")
            try await stored("", family: "", given: "", personalID: "001315000016")
            try await stored("Lê Thị Lan", ethnicity: "", personalID: "001315000017")
            try await stored("Lê Thị Lan", ethnicity: nil, personalID: "001315000018", caregiver: false)
            try await stored("Lê Thị Lan", personalID: "001315000019", verification: .notFound)
            try await stored("Lê Thị Lan", personalID: "001315000020", verification: .confirmed)

            let children = try await Child.query(on: app.db).with(\.$caregivers).all()
            #expect(children.count == 20)
            let sql = try #require(app.db as? any SQLDatabase)
            struct Row: Decodable { var id: UUID }
            for problem in DataQualityProblem.allCases {
                let bySQL = Set(
                    try await sql.select().column("id").from(Child.schema).where(DataQualitySQL.has(problem))
                        .all(decoding: Row.self).map(\.id))
                let bySwift = Set(
                    children.filter {
                        PopulationRecordCheck.problems(
                            of: $0.populationRecordFacts(caregiverCount: $0.caregivers.count)
                        )
                        .contains { $0.problem == problem }
                    }.compactMap(\.id))
                #expect(bySQL == bySwift, "\(problem)")
                #expect(!bySwift.isEmpty, "\(problem) is exercised")
            }
            let anyBySQL = try await sql.select().column("id").from(Child.schema).where(DataQualitySQL.anyProblem())
                .all(decoding: Row.self).count
            let anyBySwift = children.filter {
                !PopulationRecordCheck.problems(of: $0.populationRecordFacts(caregiverCount: $0.caregivers.count))
                    .isEmpty
            }.count
            #expect(anyBySQL == anyBySwift)
            // All but the complete one, the one with spaces, the one born in 1999 and the one the police confirmed.
            #expect(anyBySQL == 16)
        }
    }
}

/// The page models, built from figures without a database.
@Suite struct DataQualityPageModelTests {
    static let figures = DataQualityFigures(
        children: 4, problems: [.personalIDMissing: 1, .personalIDInconsistent: 1, .caregiverMissing: 2], stale: 1,
        onWorklist: 3)

    @Test func eachFieldIsTheShareOfRecordsHavingIt() {
        let data = DataQualityData(
            unitName: "Phường Ba Đình", figures: Self.figures, units: [], unitsAreCommunes: false)
        let page = DataQualityPage(data, paging: Paging(page: 1, per: 50), role: .communeOfficer, language: .vi)
        #expect(page.idCoverage.text == "75,0%")
        // Consistent means present and agreeing: one missing and one disagreeing of four.
        #expect(page.fields.map(\.text) == ["75,0%", "50,0%", "100,0%", "100,0%", "100,0%", "100,0%", "50,0%"])
        #expect(page.stale.count == "1/4")
        #expect(page.onWorklist == "3")
        #expect(page.worklistHref == "/data-quality/worklist")
        #expect(page.recheck == nil && page.units.isEmpty)
    }

    @Test func theUnitsBelowArePagedAndOnlyCommunesLinkToTheirWorklist() {
        let units = (1...60).map { DataQualityData.Unit(code: $0, name: "Xã \($0)", figures: Self.figures) }
        let province = DataQualityData(unitName: "Hà Nội", figures: Self.figures, units: units, unitsAreCommunes: true)
        let page = DataQualityPage(province, paging: Paging(page: 2, per: 50), role: .provincialOfficer, language: .en)
        #expect(page.units.map(\.name) == (51...60).map { "Xã \($0)" })
        #expect(page.units.first?.worklistHref == "/data-quality/worklist?communeCode=51")
        #expect(page.units.first?.complete.text == "25.0%")
        #expect(page.pager?.previousHref != nil)
        let analyst = DataQualityPage(province, paging: Paging(page: 1, per: 50), role: .nationalAnalyst, language: .vi)
        #expect(analyst.units.allSatisfy { $0.worklistHref == nil } && analyst.worklistHref == nil)
    }

    @Test func anEmptyUnitShowsNoDivisionByZero() {
        let data = DataQualityData(unitName: "", figures: DataQualityFigures(), units: [], unitsAreCommunes: false)
        let page = DataQualityPage(data, paging: Paging(page: 1, per: 50), role: .nationalAnalyst, language: .vi)
        #expect(page.unitName == "Toàn quốc")
        #expect(page.idCoverage.text == "0,0%" && page.idCoverage.count == "0/0")
    }
}
