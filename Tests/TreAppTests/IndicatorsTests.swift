import Fluent
import Foundation
import SQLKit
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// A small dataset checked by hand, in Hà Nội's Ba Đình (4) and Ngọc Hà (8), this year (Y):
/// - Ba Đình: child A in group a since last year, supported in February; B in group d since 10 January,
///   not supported; C in group d, ended last year (not counted). 1,000 children live there.
/// - Ngọc Hà: six children in group c since 5 January; four supported in March (one twice). 500 children.
/// So this year: special 2 and 6 (province 8); supported 1 and 4 (province 5); supported share 50%,
/// 66.7% and, for the province, 5/8 = 62.5% (not the 58.3% average of the two communes).
@Suite struct IndicatorsTests {
    static let year = VietnamDay.containing(Date()).year

    private func day(_ month: Int, _ day: Int, yearsBack: Int = 0) -> String {
        CivilDate(Self.year - yearsBack, month, day).description
    }

    private func group(_ app: Application, _ child: Child, _ code: String, from start: String, to end: String? = nil)
        async throws
    {
        let record = ChildCircumstance()
        record.$child.id = try child.requireID()
        record.groupCode = code
        record.subgroupNumber = 1
        record.startDate = start
        record.endDate = end
        record.evidence = "Biên bản xác minh"
        try await record.create(on: app.db)
    }

    private func support(_ app: Application, _ child: Child, on date: String) async throws {
        let record = ChildSupport()
        record.$child.id = try child.requireID()
        record.kind = "monthly_allowance"
        record.date = date
        record.amountVND = 500_000
        record.source = "state_budget"
        record.sourceName = "UBND xã"
        try await record.create(on: app.db)
    }

    private func population(_ app: Application, commune: Int, _ children: Int) async throws {
        let record = CommunePopulation()
        record.provinceCode = Places.haNoi
        record.communeCode = commune
        record.year = Self.year
        record.children = children
        record.enteredBy = UUID()
        try await record.create(on: app.db)
    }

    /// Builds the dataset, accounts and computed figures; returns child A.
    @discardableResult
    private func dataset(_ app: Application) async throws -> Child {
        try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
        try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
        try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
        try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
        try await makeAccount(app, "phantich", role: .nationalAnalyst)
        let a = try await makeChild(app, "Nguyễn Văn An", sex: "male")
        try await group(app, a, "a", from: day(6, 1, yearsBack: 1))
        try await support(app, a, on: day(2, 1))
        let b = try await makeChild(app, "Trần Thị Bình")
        try await group(app, b, "d", from: day(1, 10))
        let c = try await makeChild(app, "Lê Văn Cường", sex: "male")
        try await group(app, c, "d", from: day(1, 1, yearsBack: 1), to: day(12, 1, yearsBack: 1))
        try await support(app, c, on: day(6, 1, yearsBack: 1))
        for index in 1...6 {
            let child = try await makeChild(app, "Phạm Thị Hoa \(index)", commune: Places.ngocHa)
            try await group(app, child, "c", from: day(1, 5))
            if index <= 4 { try await support(app, child, on: day(3, 1)) }
            if index == 1 { try await support(app, child, on: day(3, 5)) }
        }
        try await population(app, commune: Places.baDinh, 1000)
        try await population(app, commune: Places.ngocHa, 500)
        try await IndicatorRefresh.run(on: app.db)
        return a
    }

    struct Figure: Decodable {
        var unit: String
        var value: Double?
        var numerator: Int?
        var denominator: Int?
        var suppressed: Bool
        var noData: Bool
    }

    struct Figures: Decodable {
        var total: Figure
        var units: [Figure]
        var breakdown: [Figure]
        var target: Double?
        var targetMet: Bool?
    }

    private func figures(_ app: Application, _ token: String, _ query: String) async throws -> Figures {
        let answer = try await app.testing().sendRequest(.GET, "/api/v1/indicators/\(query)", headers: bearer(token))
        #expect(answer.status == .ok, "\(query): \(answer.body.string)")
        return try answer.content.decode(Figures.self)
    }

    @Test func eachSeededIndicatorMatchesTheHandCount() async throws {
        try await withTreApp { app in
            try await dataset(app)
            let commune = try await apiToken(app, "xa4")
            let province = try await apiToken(app, "tinh1")
            let y = Self.year

            let special = try await figures(app, commune, "TR02?period=\(y)")
            #expect(special.total.value == 2)
            let supported = try await figures(app, commune, "TR05?period=\(y)")
            #expect(supported.total.numerator == 1 && supported.total.denominator == 2 && supported.total.value == 50)
            let share = try await figures(app, commune, "TR03?period=\(y)")
            #expect(share.total.value == 0.2)
            let population = try await figures(app, province, "TR01?period=\(y)")
            #expect(population.total.value == 1500)
            // The first quarter: A supported in February, four in Ngọc Hà in March.
            let firstQuarter = try await figures(app, province, "TR04?period=\(y)-Q1")
            #expect(firstQuarter.total.value == 5)
            let january = try await figures(app, province, "TR04?period=\(y)-01")
            #expect(january.total.value == 0)

            // Cross-level: the province is the sum of numerators over the sum of denominators.
            let provincial = try await figures(app, province, "TR05?period=\(y)")
            #expect(provincial.total.numerator == 5 && provincial.total.denominator == 8)
            #expect(provincial.total.value == 62.5)
            let national = try await figures(app, try await apiToken(app, "phantich"), "TR05?period=\(y)")
            #expect(national.total.value == 62.5)
            let haNoi = try #require(national.units.first { $0.unit == "01" })
            #expect(haNoi.value == 62.5)

            // Breakdown by group, seen by the commune that owns the records.
            let byGroup = try await figures(app, commune, "TR02?period=\(y)&by=circumstance_group")
            #expect(
                Dictionary(uniqueKeysWithValues: byGroup.breakdown.map { ($0.unit, $0.value) }) == ["a": 1, "d": 1])
        }
    }

    @Test func casesAndAbusedChildrenAreCountedFromReports() async throws {
        try await withTreApp { app in
            let a = try await dataset(app)
            let commune = try await apiToken(app, "xa4")
            let report = try await app.testing().sendRequest(
                .POST, "/api/v1/reports", headers: bearer(commune, json: true),
                body: ByteBuffer(
                    string:
                        #"{"channel":"walk_in","communeCode":4,"childIds":["\#(try a.requireID())"],"abuseForms":["violence","neglect"],"abuserIsCarer":true,"description":"Cô giáo thấy vết bầm","anonymous":true}"#
                ))
            #expect(report.status == .created, "\(report.body.string)")
            try await IndicatorRefresh.run(on: app.db)
            let y = Self.year
            let abused = try await figures(app, commune, "0101?period=\(y)&by=abuse_form")
            #expect(abused.total.value == 1)
            #expect(Set(abused.breakdown.map(\.unit)) == ["violence", "neglect"])
            let received = try await figures(app, commune, "TR07?period=\(y)")
            #expect(received.total.value == 1)
            let open = try await figures(app, commune, "TR10?period=\(y)")
            #expect(open.total.value == 1)
            // The 12-hour clock is still running: no emergency figure yet, so "no data", not 0% or NaN.
            let emergency = try await figures(app, commune, "TR08?period=\(y)")
            #expect(emergency.total.value == nil && emergency.total.noData)
        }
    }

    @Test func smallCountsAreHiddenOutsideTheOwningCommuneAndCannotBeWorkedOut() async throws {
        try await withTreApp { app in
            try await dataset(app)
            let y = Self.year
            let own = try await figures(app, try await apiToken(app, "xa4"), "TR02?period=\(y)")
            #expect(own.total.value == 2 && !own.total.suppressed)
            let province = try await apiToken(app, "tinh1")
            let seenAbove = try await figures(app, province, "TR02?unit=00004&period=\(y)")
            #expect(seenAbove.total.suppressed && seenAbove.total.value == nil && seenAbove.total.numerator == nil)
            // A rate made of small counts (1 supported of 2) is hidden as well.
            let rate = try await figures(app, province, "TR05?unit=00004&period=\(y)")
            #expect(rate.total.suppressed && rate.total.value == nil && rate.total.denominator == nil)
            // Among the province's communes, Ba Đình's 2 is hidden, and so is Ngọc Hà's 6: the province
            // total of 8 minus 6 would otherwise give Ba Đình away.
            let communes = try await figures(app, province, "TR02?period=\(y)")
            #expect(communes.total.value == 8)
            let baDinh = try #require(communes.units.first { $0.unit == "00004" })
            let ngocHa = try #require(communes.units.first { $0.unit == "00008" })
            #expect(baDinh.suppressed && ngocHa.suppressed)
            // The page says "<5" too.
            let client = WebClient(app)
            _ = try await client.signIn("tinh1")
            let page = try await client.get("/indicators/TR02?unit=00004&period=\(y)")
            #expect(page.body.string.contains("&lt;5"))
        }
    }

    @Test func nobodySeesFiguresOutsideTheirJurisdiction() async throws {
        try await withTreApp { app in
            try await dataset(app)
            let y = Self.year
            let other = try await apiToken(app, "xa8")
            let otherProvince = try await apiToken(app, "tinh4")
            for (token, query) in [
                (other, "TR02?unit=00004&period=\(y)"), (otherProvince, "TR02?unit=01&period=\(y)"),
                (otherProvince, "TR02?unit=VN&period=\(y)"), (other, "TR02?unit=01&period=\(y)"),
            ] {
                let answer = try await app.testing().sendRequest(
                    .GET, "/api/v1/indicators/\(query)", headers: bearer(token))
                #expect(answer.status == .forbidden, "\(query)")
            }
            let client = WebClient(app)
            _ = try await client.signIn("xa8")
            for path in [
                "/indicators?unit=00004", "/indicators/TR02?unit=00004", "/indicators/TR02/table.csv?unit=00004",
                "/indicators/TR02/table.xlsx?unit=00004", "/indicators/report?unit=01",
                "/indicators/report.xlsx?unit=VN",
            ] {
                #expect(try await client.get(path).status == .forbidden, "\(path)")
            }
            // A province's own view lists only its communes.
            let province = try await figures(app, try await apiToken(app, "tinh1"), "TR02?period=\(y)")
            #expect(province.units.allSatisfy { $0.unit.count == 5 } && province.units.count > 2)
            // Hotline counsellors have no indicator pages.
            try await makeAccount(app, "hotline", role: .hotlineCounsellor)
            let hotline = try await app.testing().sendRequest(
                .GET, "/api/v1/indicators", headers: bearer(try await apiToken(app, "hotline")))
            #expect(hotline.status == .forbidden)
        }
    }

    @Test func badInputGetsAClearError() async throws {
        try await withTreApp { app in
            try await dataset(app)
            let token = try await apiToken(app, "tinh1")
            for (query, status, words) in [
                ("NOPE", HTTPStatus.notFound, "NOPE"), ("TR02?period=2026-Q5", .badRequest, "2026-H1"),
                ("TR02?unit=99999", .badRequest, "99999"), ("TR02?by=channel", .badRequest, "channel"),
            ] {
                let answer = try await app.testing().sendRequest(
                    .GET, "/api/v1/indicators/\(query)", headers: bearer(token))
                #expect(answer.status == status, "\(query)")
                #expect(answer.body.string.contains(words), "\(query): \(answer.body.string)")
            }
            let client = WebClient(app)
            _ = try await client.signIn("tinh1")
            let refused = try await client.post(
                "/indicators/targets", ["indicator": "TR05", "year": String(Self.year), "target": "chín mươi"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("không phải là một số"))
            let saved = try await client.post(
                "/indicators/targets", ["indicator": "TR05", "year": String(Self.year), "target": "90,5"])
            // Saved, the browser is sent back to the year's targets, where it says so (a reload does not post twice).
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/indicators/targets?saved=1&year=\(Self.year)")
            let targets = try await client.get("/indicators/targets?saved=1&year=\(Self.year)").body.string
            #expect(targets.contains("Đã lưu mục tiêu") && targets.contains("90,5"))
            let withTarget = try await figures(app, token, "TR05?period=\(Self.year)")
            #expect(withTarget.target == 90.5 && withTarget.targetMet == false)
        }
    }

    @Test func anApprovedReportLocksItsFiguresUntilReopened() async throws {
        try await withTreApp { app in
            let a = try await dataset(app)
            let commune = WebClient(app)
            _ = try await commune.signIn("xa4")
            let period = "\(Self.year)-Q1"
            #expect(try await commune.post("/indicators/reports", ["period": period]).status == .seeOther)
            // Sent twice: refused with the reason (its status now comes from ErrorAnswer, like every refusal).
            let again = try await commune.post("/indicators/reports", ["period": period])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("đã được gửi"))
            let province = WebClient(app)
            _ = try await province.signIn("tinh1")
            let record = try #require(try await PeriodicReportRecord.query(on: app.db).first())
            let returnedWithout = try await province.post("/indicators/reports/\(try record.requireID())/return", [:])
            #expect(returnedWithout.body.string.contains("lý do"))
            let approved = try await province.post("/indicators/reports/\(try record.requireID())/approve", [:])
            #expect(approved.status == .seeOther)
            #expect(approved.headers.first(name: .location) == "/indicators/reports?done=approved&saved=1")

            // A support dated in the locked quarter is refused with the reason; one dated later is not.
            let officer = Principal(
                userID: UUID(), username: "xa4", fullName: "Xã 4", role: .communeOfficer,
                jurisdiction: .commune(provinceCode: Places.haNoi, communeCode: Places.baDinh),
                mustChangePassword: false)
            let service = ChildService(database: app.db, principal: officer, actor: .system("test"))
            var draft = SupportDraft()
            draft.kind = "monthly_allowance"
            draft.date = day(2, 15)
            draft.amount = "300000"
            draft.source = "state_budget"
            draft.sourceName = "UBND xã"
            await #expect(throws: PeriodicReportError.self) { try await service.recordSupport(for: a, draft) }
            #expect(try await ChildSupport.query(on: app.db).filter(\.$child.$id == a.requireID()).count() == 1)
            // The figures of the locked quarter stay as approved even when the records change underneath.
            try await support(app, a, on: day(3, 20))
            try await IndicatorRefresh.run(on: app.db)
            let token = try await apiToken(app, "xa4")
            #expect(try await figures(app, token, "TR04?period=\(period)").total.value == 1)

            // Reopened: edits go through again and the figures follow the records.
            #expect(
                try await province.post(
                    "/indicators/reports/\(try record.requireID())/reopen", ["comment": "Sửa số liệu"]
                )
                .status == .seeOther)
            _ = try await service.recordSupport(for: a, draft)
            try await IndicatorRefresh.run(on: app.db)
            #expect(try await figures(app, token, "TR04?period=\(period)").total.value == 1)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ "indicators.report_").count()
            #expect(audit == 3)
        }
    }

    @Test func theProvinceFindsReportsByCommuneWithoutAccentsAndExportsThem() async throws {
        try await withTreApp { app in
            try await dataset(app)
            for name in ["xa4", "xa8"] {
                let commune = WebClient(app)
                _ = try await commune.signIn(name)
                #expect(
                    try await commune.post("/indicators/reports", ["period": "\(Self.year)-Q1"]).status == .seeOther)
            }
            let province = WebClient(app)
            _ = try await province.signIn("tinh1")
            let found = try await province.get("/indicators/reports?q=ba+dinh")
            #expect(found.body.string.contains("Phường Ba Đình") && !found.body.string.contains("Phường Ngọc Hà"))
            let csv = try await province.get("/indicators/reports.csv?status=submitted")
            #expect(csv.body.string.contains("Phường Ba Đình") && csv.body.string.contains("Phường Ngọc Hà"))
            // Another province sees none of them.
            let other = WebClient(app)
            _ = try await other.signIn("tinh4")
            #expect(!(try await other.get("/indicators/reports.csv").body.string.contains("Phường")))
        }
    }

    @Test func twoRefreshesAtOnceLeaveOneSetOfFigures() async throws {
        try await withTreApp { app in
            try await dataset(app)
            let single = try await factCount(app)
            async let first = IndicatorRefresh.run(on: app.db)
            async let second = IndicatorRefresh.run(on: app.db)
            _ = try await (first, second)
            #expect(try await factCount(app) == single)
        }
    }

    private func factCount(_ app: Application) async throws -> Int {
        let rows = try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM indicator_facts").all()
        return try rows[0].decode(column: "n", as: Int.self)
    }

    @Test func theExportsCarryTheSameFigures() async throws {
        try await withTreApp { app in
            try await dataset(app)
            let client = WebClient(app)
            _ = try await client.signIn("tinh1")
            let csv = try await client.get("/indicators/TR05/table.csv?period=\(Self.year)")
            #expect(csv.status == .ok)
            #expect(csv.body.string.contains("unit,01,Thành phố Hà Nội,\(Self.year),62.5,5,8"))
            let xlsx = try await client.get("/indicators/TR05/table.xlsx?period=\(Self.year)")
            #expect(xlsx.status == .ok)
            #expect(xlsx.body.readableBytes > 500 && xlsx.body.getString(at: 0, length: 2) == "PK")
            let overview = try await client.get("/indicators?period=\(Self.year)-Q1").body.string
            #expect(overview.contains("svg class=\"sparkline\"") && overview.contains("Phường Ba Đình"))
            let report = try await client.get("/indicators/report?period=\(Self.year)")
            #expect(report.body.string.contains("62,5%"))
        }
    }
}
