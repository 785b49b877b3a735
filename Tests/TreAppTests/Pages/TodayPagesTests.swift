import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// The period picker, the audit trail in words with its filters, the charts' axes, the child-friendly rate
/// and finding a child by name on an inspection.
@Suite struct TodayPagesTests {
    private func signedIn(_ app: Application, _ username: String) async throws -> WebClient {
        let browser = WebClient(app)
        try await browser.signIn(username)
        return browser
    }

    // MARK: periods from a picker

    @Test func thePickerListsRecentPeriodsAsPeopleWriteThemWithTheChosenOneSelected() {
        let today = CivilDate(2026, 11, 29)
        let chosen = IndicatorPeriod(kind: .quarter, year: 2026, index: 3)
        let picker = PeriodPicker(selected: chosen, today: today, language: .vi)
        let options = picker.groups.flatMap(\.options)
        #expect(options.contains { $0.label == "Quý 3/2026" && $0.value == "2026-Q3" && $0.selected })
        #expect(options.filter(\.selected).count == 1)
        #expect(options.contains { $0.label == "Tháng 11/2026" })
        #expect(!options.contains { $0.label == "Tháng 12/2026" }, "a period not yet begun is not offered")
        #expect(options.contains { $0.label == "6 tháng đầu năm 2026" && $0.value == "2026-H1" })
        #expect(options.contains { $0.label == "Năm 2022" })
        #expect(picker.groups.map(\.label) == ["Quý", "Tháng", "6 tháng", "Năm"])
        let english = PeriodPicker(selected: chosen, today: today, language: .en)
        #expect(english.groups.flatMap(\.options).contains { $0.label == "Q3/2026" && $0.selected })
        // A period older than the list, from a link, is still shown as chosen.
        let old = PeriodPicker(selected: IndicatorPeriod(kind: .year, year: 2015), today: today, language: .vi)
        #expect(old.groups.flatMap(\.options).contains { $0.value == "2015" && $0.selected })
    }

    @Test func aTypedPeriodWinsOverTheListAndABadOneIsKeptWithItsReason() throws {
        for typed in ["Quý 3/2026", "Q3/2026", "2026-Q3", "quy 3/2026"] {
            #expect(PeriodAsked(period: typed, pick: "2025").period?.description == "2026-Q3", "\(typed)")
        }
        #expect(PeriodAsked(period: "11/2026", pick: nil).period?.description == "2026-11")
        #expect(PeriodAsked(period: "", pick: "2026-H1").period?.description == "2026-H1")
        #expect(PeriodAsked(period: nil, pick: nil).period == nil)
        let bad = PeriodAsked(period: "Quý 5/2026", pick: "2026-Q1")
        #expect(bad.period == nil && bad.typed == "Quý 5/2026")
        let reason = try #require(bad.refusal)
        #expect(reason.vi.contains("Quý 5/2026"))
    }

    @Test func everyIndicatorPageTakesAPeriodFromThePickerAndExplainsABadOne() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let browser = try await signedIn(app, "tinh1")
            let year = VietnamDay.containing(Date()).year
            let typedQuarter = "period=Qu%C3%BD%201%2F\(year)"
            // The picker's form sends an empty text box and the period chosen in the list.
            let detail = SiteURL.indicators(.detail(.value("TR01"))).link(["unit": "01"])
            for path in [
                SiteURL.indicators(.overview).path, detail, SiteURL.indicators(.report).link(["unit": "01"]),
                SiteURL.indicators(.reports).path,
            ] {
                let glue = path.contains("?") ? "&" : "?"
                let picked = try await browser.get(path + glue + "period=&pick=\(year)-Q1")
                #expect(picked.status == .ok, "\(path)")
                #expect(picked.body.string.contains(#"id="period-pick""#), "\(path) has the picker")
                #expect(
                    picked.body.string.contains(#"<option value="\#(year)-Q1" selected>Quý 1/\#(year)</option>"#),
                    "\(path)")
                let typed = try await browser.get(path + glue + typedQuarter)
                #expect(typed.status == .ok, "\(path)")
                #expect(typed.body.string.contains(#"<option value="\#(year)-Q1" selected>"#), "\(path): typed is read")
                let bad = try await browser.get(path + glue + "period=Qu%C3%BD%205%2F\(year)")
                #expect(bad.status == .unprocessableEntity, "\(path)")
                #expect(bad.body.string.contains("Quý 5/\(year)"), "\(path): the reason names what was typed")
                #expect(bad.body.string.contains(#"id="period-pick""#), "\(path): the picker to try again")
            }
        }
    }

    @Test func theReportsListFindsAReportByAPeriodTypedAsPeopleWriteIt() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            for (period, commune) in [("2026-Q3", Places.baDinh), ("2026-Q2", Places.ngocHa)] {
                let report = PeriodicReportRecord()
                report.provinceCode = Places.haNoi
                report.communeCode = commune
                report.period = period
                report.status = PeriodicReportStatus.submitted.rawValue
                report.comment = ""
                report.submittedBy = "xa"
                report.decidedBy = ""
                try await report.create(on: app.db)
            }
            let browser = try await signedIn(app, "tinh1")
            let all = try await browser.get(SiteURL.indicators(.reports).path).body.string
            #expect(all.contains(#"<option value="" selected>Mọi kỳ</option>"#))
            #expect(all.contains("Phường Ba Đình") && all.contains("Phường Ngọc Hà"))
            #expect(all.contains("<td>Quý 3/2026</td>"), "each report's period as people write it")
            let third = try await browser.get(SiteURL.indicators(.reports).link(["period": "Quý 3/2026"])).body.string
            #expect(third.contains("Phường Ba Đình") && !third.contains("Phường Ngọc Hà"))
            let picked = try await browser.get(SiteURL.indicators(.reports).link(["period": "", "pick": "2026-Q2"]))
            #expect(!picked.body.string.contains("Phường Ba Đình") && picked.body.string.contains("Phường Ngọc Hà"))
        }
    }

    // MARK: charts

    @Test func theTrendChartHasItsPeriodsAndItsYearOnTheAxis() {
        let quarters = (1...4).map { IndicatorPeriod(kind: .quarter, year: 2026, index: $0) }
        let axis = PeriodAxis(quarters, language: .vi)
        #expect(axis.ticks == ["Q1", "Q2", "Q3", "Q4"])
        #expect(axis.title == "Quý, năm 2026")
        #expect(PeriodAxis(quarters, language: .en).title == "Quarter, 2026")
        let years = (2022...2026).map { IndicatorPeriod(kind: .year, year: $0) }
        #expect(PeriodAxis(years, language: .vi).ticks == ["2022", "2023", "2024", "2025", "2026"])
        let chart = LineChart(
            rows: [("Quý 1/2026", 2, "2"), ("Quý 2/2026", nil, "—"), ("Quý 3/2026", 5, "5"), ("Quý 4/2026", 4, "4")],
            target: nil, axis: axis, yTitle: "Giá trị", language: .vi)
        #expect(chart.xTicks.map(\.label) == ["Q1", "Q2", "Q3", "Q4"])
        #expect(chart.xTicks.allSatisfy { $0.y > chart.bottom && $0.y < chart.height })
        #expect(chart.yTicks.map(\.label) == ["0", "5"])
        #expect(chart.xTitleY < chart.height)
        #expect(chart.points.allSatisfy { $0.x >= chart.left && $0.x <= chart.right })
        let sparkline = LineChart(rows: [("a", 1, "1"), ("b", 2, "2")], target: nil, width: 100, height: 24)
        #expect(sparkline.xTicks.isEmpty && sparkline.points.allSatisfy { $0.x <= 100 })
    }

    @Test func theBarChartHasAValueAxisAndSaysWhichPeriod() {
        let chart = BarChart(
            rows: [("Ba Đình", 4, "4", nil), ("Ngọc Hà", 2, "2", nil)], target: nil, caption: "Giá trị — Quý 3/2026",
            language: .vi)
        #expect(chart.ticks.map(\.label) == ["0", "4"])
        #expect(chart.caption == "Giá trị — Quý 3/2026")
        #expect(chart.captionY < chart.height && chart.tickY < chart.captionY)
    }

    @Test func theDetailPageDrawsTheAxesWithLabelsOfTwelvePixels() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let browser = try await signedIn(app, "tinh1")
            let year = VietnamDay.containing(Date()).year
            let page = try await browser.get(
                IndicatorURL.detail(.value("TR01")).link(
                    unit: .province(provinceCode: 1), period: IndicatorPeriod(kind: .year, year: year))
            ).body.string
            #expect(page.contains(#"class="axis""#))
            #expect(page.contains(#"id="trend-x-title""#) && page.contains(">Năm</text>"))
            #expect(page.contains(">\(year)</text>"), "each year under its point")
            let css = try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                        "Public/css/tre.css"),
                encoding: .utf8)
            #expect(css.contains(".bar-chart text, .line-chart text { font-size: 12px;"))
        }
    }

    // MARK: the audit trail in words

    @Test func theTrailNamesTheChildAndThePersonAndFiltersByThem() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let mai = try await makeChild(app, "Lê Thị Mai")
            let hung = try await makeChild(app, "Đỗ Văn Hùng")
            let officer = try await signedIn(app, "xa4")
            try await officer.get(SiteURL.children(.show(.value(try mai.requireID()))).path)
            try await officer.get(SiteURL.children(.show(.value(try hung.requireID()))).path)
            let province = try await signedIn(app, "tinh1")

            let all = try await province.get(SiteURL.audit(.trail).path).body.string
            #expect(all.contains("Lê Thị Mai") && all.contains("Đỗ Văn Hùng"), "children by name")
            #expect(all.contains("Nguyễn Thị xa4 (xa4)"), "people by name and username")
            #expect(!all.contains(try mai.requireID().uuidString + "<"), "not the record's id")
            #expect(all.contains(SiteURL.children(.show(.value(try mai.requireID()))).path))

            let maiOnly = try await province.get(
                SiteURL.audit(.trail).link(["type": "child", "record": "le thi mai"])
            ).body.string
            #expect(maiOnly.contains("Lê Thị Mai") && !maiOnly.contains("Đỗ Văn Hùng"))
            #expect(maiOnly.contains(#"<option value="child" selected>"#), "the filter is kept")

            let byPerson = try await province.get(SiteURL.audit(.trail).link(["person": "xa4"])).body.string
            #expect(byPerson.contains("Xem hồ sơ trẻ em") && !byPerson.contains(">Nguyễn Thị tinh1 (tinh1)<"))

            let tomorrow = VietnamDay.containing(Date()).adding(days: 1).description
            let future = try await province.get(SiteURL.audit(.trail).link(["from": tomorrow])).body.string
            #expect(future.contains("0 kết quả"), "nothing from tomorrow on")
            let today = VietnamDay.containing(Date())
            let typedToday = String(format: "%02d/%02d/%04d", today.day, today.month, today.year)
            let todays = try await province.get(SiteURL.audit(.trail).link(["from": typedToday, "to": typedToday]))
            #expect(todays.body.string.contains("Lê Thị Mai"))
            let bad = try await province.get(SiteURL.audit(.trail).link(["from": "31/02/2026"])).body.string
            #expect(bad.contains(#"id="audit-date-error""#))
        }
    }

    @Test func theTrailNamesACaseByItsNumber() {
        let entry = AuditEntry()
        entry.occurredAt = Date(timeIntervalSince1970: 0)
        entry.actorUsername = "xa4"
        entry.action = "case.viewed"
        entry.recordType = "case"
        let id = UUID()
        entry.recordID = id.uuidString
        entry.details = ""
        var names = AuditNames()
        names.cases[id.uuidString] = ("00004-2026-0012", Date(timeIntervalSince1970: 0))
        let analyst = AuditTrailPage.row(entry, names: names, language: .vi)
        #expect(analyst.record == "Hồ sơ trường hợp: 00004-2026-0012")
        #expect(analyst.recordHref == nil, "no link to a page the reader may not open")
        names.mayOpenCases = true
        #expect(
            AuditTrailPage.row(entry, names: names, language: .vi).recordHref == SiteURL.cases(.show(.value(id))).path)
    }

    @Test func anAnalystSeesThatAChildWasViewedButNotTheChildsName() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "phantich", role: .nationalAnalyst)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let mai = try await makeChild(app, "Lê Thị Mai")
            try await signedIn(app, "xa4").get(SiteURL.children(.show(.value(try mai.requireID()))).path)
            let trail = try await signedIn(app, "phantich").get(SiteURL.audit(.trail).path).body.string
            #expect(trail.contains("Xem hồ sơ trẻ em"))
            #expect(!trail.contains("Lê Thị Mai"))
            #expect(trail.contains("Hồ sơ trẻ em: " + String(try mai.requireID().uuidString.prefix(8))))
        }
    }

    @Test func repeatedViewsOfARecordByOnePersonOnOneDayShowAsOneLine() {
        func viewed(_ who: String, _ record: String, hoursAgo: Double) -> AuditEntry {
            let entry = AuditEntry()
            entry.occurredAt = Date(timeIntervalSince1970: 1_790_000_000 - hoursAgo * 60)
            entry.actorUsername = who
            entry.action = "child.viewed"
            entry.recordType = "child"
            entry.recordID = record
            entry.details = ""
            return entry
        }
        let rows = AuditTrailPage.rows(
            [
                viewed("xa4", "A", hoursAgo: 1), viewed("xa4", "A", hoursAgo: 2), viewed("xa8", "A", hoursAgo: 3),
                viewed("xa4", "B", hoursAgo: 4), viewed("xa4", "A", hoursAgo: 5),
            ],
            names: AuditNames(), language: .vi)
        #expect(rows.map(\.action) == ["Xem hồ sơ trẻ em (3 lần)", "Xem hồ sơ trẻ em", "Xem hồ sơ trẻ em"])
    }

    @Test func aRowNamesItsRecordInTheReadersLanguage() {
        let entry = AuditEntry()
        entry.occurredAt = Date(timeIntervalSince1970: 0)
        entry.actorUsername = "xa4"
        entry.action = "account.disabled"
        entry.recordType = "account"
        let id = UUID()
        entry.recordID = id.uuidString
        entry.details = ""
        var names = AuditNames()
        names.accounts[id.uuidString] = "Trần Văn Nam (nam)"
        names.people["xa4"] = "Nguyễn Lan"
        let row = AuditTrailPage.row(entry, names: names, language: .en)
        #expect(row.record == "Account: Trần Văn Nam (nam)")
        #expect(row.actor == "Nguyễn Lan (xa4)")
        #expect(row.action == "Disabled an account")
    }

    // MARK: smaller findings

    @Test func theChildFriendlyRateSaysWhatItIsComputedFromOrIsNotShown() {
        let none = ChildFriendlyListPage.basis(recognised: 0, communes: 126, assessed: 0, year: 2026)
        #expect(none.vi.contains("chưa có tỷ lệ"))
        let some = ChildFriendlyListPage.basis(recognised: 3, communes: 126, assessed: 5, year: 2026)
        #expect(some.vi.contains("3 trên 126 xã") && some.vi.contains("5 xã đã gửi tự đánh giá năm 2026"))
        #expect(some.en.contains("3 of 126 communes"))
    }

    @Test func howAFigureWasComputedIsSaidInTheReadersLanguage() throws {
        let forums = try #require(IndicatorCatalogueFile.shared.indicator("TR19"))
        let stored = "TR19 \(forums.name.vi), 2026: 1.200 / 3"
        #expect(AssessmentPage.how(stored, .vi) == stored)
        #expect(AssessmentPage.how(stored, .en) == "TR19 \(forums.name.en), 2026: 1,200 / 3")
        #expect(AssessmentPage.shown("35.714,3", .en) == "35,714.3")
        #expect(AssessmentPage.shown("100,0%", .vi) == "100,0%")
    }

    @Test func theChildFriendlyListShowsNoRateWhenNothingWasAssessed() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let page = try await signedIn(app, "tinh1").get(SiteURL.childFriendly(.list).path).body.string
            #expect(page.contains(#"id="share-basis""#) && page.contains("chưa có tỷ lệ"))
            #expect(!page.contains("0%"), "no rate above rows that all say not assessed")
        }
    }

    @Test func anOfficerFindsTheChildByNameToLinkToAnInspection() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let mai = try await makeChild(app, "Lò Thị Mai")
            try await makeChild(app, "Lò Thị Mai Anh", commune: Places.ngocHa)
            let officer = try await signedIn(app, "xa4")
            try await officer.get(SiteURL.communeWork(.inspections(.list)).path)
            var form = CommuneWorkTests.inspection(violations: "0")
            form["placeName"] = "Xưởng mây tre đan Đông Hòa"
            let saved = try await officer.post(SiteURL.communeWork(.inspections(.list)).path, form)
            #expect(saved.status == .seeOther)
            let path = String(try #require(saved.headers.first(name: .location)).prefix { $0 != "?" })

            let found = try await officer.get(path + "?child=lo+thi+mai").body.string
            #expect(found.contains(#"id="child-candidates""#))
            #expect(found.contains("Lò Thị Mai") && found.contains("05/09/2015"))
            #expect(found.contains(#"name="childId" value="\#(try mai.requireID().uuidString)""#))
            #expect(!found.contains("Lò Thị Mai Anh"), "only children of the inspection's commune")
            #expect(!found.contains(#"size="36""#), "no record id to type")

            let linked = try await officer.post(path + "/children", ["childId": try mai.requireID().uuidString])
            #expect(linked.status == .seeOther)
            let after = try await officer.get(path + "?child=lo+thi+mai").body.string
            #expect(after.contains(#"id="no-child-found""#), "a linked child is not offered again")
            #expect(try await officer.get(path + "?child=khong+co+ai").body.string.contains("Không tìm thấy trẻ em"))
        }
    }
}
