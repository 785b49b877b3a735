import Foundation
import Testing
import TreDomain

@testable import TreApp

/// The indicator pages built from fixtures, without HTTP or a database: what each reader sees (figures,
/// targets, small counts hidden as "<5" from everyone but the owning commune, who may recompute or decide a
/// report) and where each link goes.
@Suite struct IndicatorPagesTests {
    static let catalogue = try! IndicatorCatalogue(
        json: Data(
            #"""
            [{"code": "TR02", "name": {"vi": "Số trẻ em có hoàn cảnh đặc biệt", "en": "Children in special circumstances"},
              "definition": {"vi": "Số trẻ em.", "en": "Children."}, "numerator": "children_special", "factor": "count",
              "disaggregations": ["sex"], "periods": ["month", "quarter", "half_year", "year"], "sensitive": true,
              "higherIsBetter": false, "source": "TT 13/2021"},
             {"code": "TR05", "name": {"vi": "Tỷ lệ được trợ giúp", "en": "Share supported"},
              "definition": {"vi": "Tỷ lệ.", "en": "Share."}, "numerator": "children_special_supported",
              "denominator": "children_special", "factor": "percent", "disaggregations": [],
              "periods": ["month", "quarter", "half_year", "year"], "sensitive": true, "higherIsBetter": true,
              "source": "TT 13/2021"},
             {"code": "TR08", "name": {"vi": "Can thiệp khẩn cấp trong 12 giờ", "en": "Emergency within 12 hours"},
              "definition": {"vi": "Tỷ lệ.", "en": "Share."}, "numerator": "cases_emergency_on_time",
              "denominator": "cases_emergency_due", "factor": "percent", "disaggregations": [], "periods": ["year"],
              "sensitive": false, "higherIsBetter": true, "source": "NĐ 56/2017"}]
            """#.utf8))

    static let haNoi = Jurisdiction.province(provinceCode: 1)
    static let baDinh = Jurisdiction.commune(provinceCode: 1, communeCode: 4)
    static let year = IndicatorPeriod(kind: .year, year: 2026)
    static let firstQuarter = IndicatorPeriod(kind: .quarter, year: 2026, index: 1)

    static func reader(_ role: Role, _ jurisdiction: Jurisdiction) -> Principal {
        Principal(
            userID: UUID(), username: "u", fullName: "Người đọc", role: role, jurisdiction: jurisdiction,
            mustChangePassword: false)
    }

    /// Ba Đình this year: 2 children in special circumstances, 1 of them supported; 3 of 4 emergencies on time.
    static func overview(
        period: IndicatorPeriod = year, hidden: [String: Set<FigureKey>] = [:], totals extra: Int = 0
    ) -> IndicatorOverviewData {
        IndicatorOverviewData(
            unit: NamedUnit(unit: baDinh, name: "Phường Ba Đình"), period: period, trendPeriods: [period],
            trail: [NamedUnit(unit: haNoi, name: "Thành phố Hà Nội"), NamedUnit(unit: baDinh, name: "Phường Ba Đình")],
            totals: [
                .childrenSpecial: [period.description: 2 + extra],
                .childrenSpecialSupported: [period.description: 1 + extra],
                .casesEmergencyOnTime: [period.description: 3], .casesEmergencyDue: [period.description: 4],
            ],
            targets: ["TR05": 90.5], hidden: hidden, subUnits: [],
            refreshedAt: nil)
    }

    @Test func theProvinceSeesSmallCountsOfACommuneAsBelowFive() {
        let page = IndicatorOverviewPage(
            Self.overview(), catalogue: Self.catalogue, reader: Self.reader(.provincialOfficer, Self.haNoi),
            language: .vi)
        let rows = Dictionary(uniqueKeysWithValues: page.rows.map { ($0.code, $0) })
        #expect(rows["TR02"]?.value == "<5" && rows["TR02"]?.numerator == "<5")
        #expect(rows["TR05"]?.value == "<5" && rows["TR05"]?.denominator == "<5")
        // Not sensitive: shown whole, against no target.
        #expect(rows["TR08"]?.value == "75,0%" && rows["TR08"]?.numerator == "3" && rows["TR08"]?.target == "")
        // The target is shown even when the figure is hidden, but no progress is made up.
        #expect(rows["TR05"]?.target == "90,5" && rows["TR05"]?.progress == nil && rows["TR05"]?.met == false)
        #expect(page.unitName == "Phường Ba Đình" && page.unitCode == "00004" && page.period == "2026")
        #expect(page.refreshedAt == UIStrings.text("notYetComputed", .vi))
        #expect(!page.canRefresh)
    }

    @Test func theOwningCommuneSeesItsOwnFiguresWhole() {
        let page = IndicatorOverviewPage(
            Self.overview(), catalogue: Self.catalogue, reader: Self.reader(.communeOfficer, Self.baDinh),
            language: .en)
        let rows = Dictionary(uniqueKeysWithValues: page.rows.map { ($0.code, $0) })
        #expect(rows["TR02"]?.value == "2" && rows["TR02"]?.name == "Children in special circumstances")
        #expect(rows["TR05"]?.value == "50.0%" && rows["TR05"]?.numerator == "1" && rows["TR05"]?.denominator == "2")
        #expect(rows["TR05"]?.progress != nil && rows["TR05"]?.met == false)
    }

    @Test func aFigureThatWouldGiveAnotherAwayIsHiddenEvenWhenLarge() {
        let hidden = ["TR02": Set([FigureKey(Self.baDinh, Self.year)])]
        let page = IndicatorOverviewPage(
            Self.overview(hidden: hidden, totals: 20), catalogue: Self.catalogue,
            reader: Self.reader(.provincialOfficer, Self.haNoi), language: .vi)
        #expect(page.rows.first { $0.code == "TR02" }?.value == "<5")
        #expect(page.rows.first { $0.code == "TR05" }?.value == "95,5%")
    }

    @Test func anIndicatorNotKeptForThePeriodSaysSo() {
        let page = IndicatorOverviewPage(
            Self.overview(period: Self.firstQuarter), catalogue: Self.catalogue,
            reader: Self.reader(.provincialOfficer, Self.haNoi), language: .vi)
        let emergency = page.rows.first { $0.code == "TR08" }
        #expect(emergency?.value == UIStrings.text("notForThisPeriod", .vi) && emergency?.numerator == "")
        // Periods are shown as people write them; the field still takes the API's form too.
        #expect(page.periodExample == "Quý 2/2026")
        #expect(page.periodLabel == "Quý 1/2026" && page.period == "2026-Q1")
    }

    @Test func theOverviewLinksComeFromTheSiteMap() {
        let page = IndicatorOverviewPage(
            Self.overview(), catalogue: Self.catalogue, reader: Self.reader(.admin, .nation), language: .vi)
        #expect(page.rows[0].href == "/indicators/TR02?period=2026&unit=00004")
        #expect(
            page.trail == [
                IndicatorLink(href: "/indicators?period=2026&unit=01", label: "Thành phố Hà Nội"),
                IndicatorLink(href: "/indicators?period=2026&unit=00004", label: "Phường Ba Đình"),
            ])
        #expect(page.reportHref == "/indicators/report?period=2026&unit=00004")
        #expect(page.action == "/indicators" && page.refreshAction == "/indicators/refresh")
        // Only the administrator may recompute the figures.
        #expect(page.canRefresh)
        #expect(page.subUnitTitle == UIStrings.text("communes", .vi))
    }

    static func table(viewer: Jurisdiction) -> IndicatorTable {
        let definition = catalogue.indicators[0]
        func reading(_ count: Int, owns: Bool) -> IndicatorReading {
            IndicatorReading(definition, numerator: count, denominator: nil, viewerOwnsUnit: owns)
        }
        return IndicatorTable(
            definition: definition, unit: haNoi, unitName: "Thành phố Hà Nội", period: year,
            total: reading(8, owns: false), target: nil,
            subUnits: [
                IndicatorTable.Row(
                    unitCode: "00004", name: "Phường Ba Đình", reading: reading(2, owns: viewer == baDinh),
                    drillable: viewer.contains(baDinh)),
                IndicatorTable.Row(
                    unitCode: "00008", name: "Phường Ngọc Hà", reading: reading(6, owns: false),
                    drillable: viewer.contains(.commune(provinceCode: 1, communeCode: 8))),
            ],
            breakdown: .sex,
            categories: [
                IndicatorTable.Row(unitCode: "female", name: "Nữ", reading: reading(3, owns: false), drillable: false)
            ],
            trend: [
                IndicatorTable.Row(unitCode: "2026", name: "2026", reading: reading(8, owns: false), drillable: false)
            ])
    }

    @Test func theDetailPageDrillsDownOnlyWhereTheReaderMayGo() {
        let province = IndicatorDetailPage(
            Self.table(viewer: Self.haNoi), trail: [NamedUnit(unit: Self.haNoi, name: "Thành phố Hà Nội")],
            language: .vi)
        #expect(province.value == "8")
        #expect(province.units.map(\.value) == ["<5", "6"])
        #expect(province.units[0].href == "/indicators/TR02?period=2026&unit=00004")
        #expect(province.csvHref == "/indicators/TR02/table.csv?by=sex&period=2026&unit=01")
        #expect(province.xlsxHref == "/indicators/TR02/table.xlsx?by=sex&period=2026&unit=01")
        #expect(province.breakdowns.map(\.href) == ["/indicators/TR02?by=sex&period=2026&unit=01"])
        #expect(province.breakdowns.allSatisfy { $0.selected })
        #expect(province.categories.map(\.value) == ["<5"])
        #expect(province.unitChart != nil && province.trail.map(\.href) == ["/indicators?period=2026&unit=01"])
        // Seen from Ba Đình (a commune reading its province's page), its neighbour is not a link.
        let commune = IndicatorDetailPage(Self.table(viewer: Self.baDinh), trail: [], language: .vi)
        #expect(commune.units[0].href != nil && commune.units[1].href == nil)
        #expect(commune.units[0].value == "2")
    }

    @Test func thePrintableReportSaysWhereTheReportStands() {
        let unit = NamedUnit(unit: Self.baDinh, name: "Phường Ba Đình")
        let tables = [Self.table(viewer: Self.haNoi)]
        let sent = IndicatorReportPage(
            IndicatorReportData(unit: unit, period: Self.firstQuarter, tables: tables, status: .submitted),
            language: .vi,
            now: Date(timeIntervalSince1970: 1_780_000_000))
        #expect(sent.status == PeriodicReportStatus.submitted.label(.vi))
        #expect(sent.rows.map(\.value) == ["8"] && sent.rows[0].href == "")
        #expect(sent.xlsxHref == "/indicators/report.xlsx?period=2026-Q1&unit=00004")
        #expect(sent.printScript == "/js/print.js")
        let notSent = IndicatorReportPage(
            IndicatorReportData(unit: unit, period: Self.firstQuarter, tables: tables, status: nil), language: .en,
            now: Date())
        #expect(notSent.status == UIStrings.text("reportNotSubmitted", .en))
        #expect(notSent.figuresComputedAt == "", "nothing computed yet")
    }

    @Test func thePrintedReportSaysWhenItsFiguresWereComputedNotOnlyWhenItWasPrinted() {
        let computed = Date(timeIntervalSince1970: 1_779_990_000)
        let page = IndicatorReportPage(
            IndicatorReportData(
                unit: NamedUnit(unit: Self.baDinh, name: "Phường Ba Đình"), period: Self.firstQuarter,
                tables: [Self.table(viewer: Self.haNoi)], status: .approved, refreshedAt: computed),
            language: .vi, now: Date(timeIntervalSince1970: 1_780_000_000))
        #expect(page.figuresComputedAt == VietnamTime.format(computed))
        #expect(page.figuresComputedAt != page.generatedAt)
    }

    static func report(_ status: PeriodicReportStatus, id: UUID) -> NamedReport {
        let record = PeriodicReportRecord()
        record.id = id
        record.provinceCode = 1
        record.communeCode = 4
        record.period = "2026-Q1"
        record.status = status.rawValue
        record.comment = "Thiếu số liệu tháng 3"
        return NamedReport(record: record, commune: "Phường Ba Đình")
    }

    @Test func onlyTheProvinceMayDecideAndOnlyWhatWaitsForIt() {
        let submitted = UUID()
        let approved = UUID()
        let data = PeriodicReportsData(
            reports: [Self.report(.submitted, id: submitted), Self.report(.approved, id: approved)], total: 2,
            population: nil)
        let today = CivilDate(2026, 5, 10)
        let province = PeriodicReportsPage(
            data, filter: PeriodicReportFilter(status: "submitted"), paging: Paging(page: 1, per: 50),
            reader: Self.reader(.provincialOfficer, Self.haNoi), language: .vi, today: today,
            notice: .approved)
        #expect(!province.isCommune)
        #expect(province.reports.map(\.canDecide) == [true, false])
        #expect(province.reports.map(\.canReopen) == [false, true])
        #expect(province.reports[0].status == PeriodicReportStatus.submitted.label(.vi))
        #expect(province.reports[0].approveAction == "/indicators/reports/\(submitted)/approve")
        #expect(province.reports[0].returnAction == "/indicators/reports/\(submitted)/return")
        #expect(province.reports[1].reopenAction == "/indicators/reports/\(approved)/reopen")
        #expect(province.reports[0].reportHref == "/indicators/report?period=2026-Q1&unit=00004")
        #expect(province.notice == PeriodicReportStatus.approved.label(.vi) && province.error == nil)
        #expect(province.csvHref == "/indicators/reports.csv?status=submitted")
        #expect(province.statuses.first { $0.selected }?.value == "submitted")

        let commune = PeriodicReportsPage(
            PeriodicReportsData(reports: data.reports, total: 2, population: 1000), filter: PeriodicReportFilter(),
            paging: Paging(page: 1, per: 50), reader: Self.reader(.communeOfficer, Self.baDinh), language: .vi,
            today: today)
        #expect(commune.isCommune && commune.population == "1000" && commune.period == "2026-Q2")
        #expect(commune.reports.allSatisfy { !$0.canDecide && !$0.canReopen })
        #expect(commune.csvHref == "/indicators/reports.csv")
        #expect(commune.listAction == "/indicators/reports" && commune.populationAction == "/indicators/population")
    }

    @Test func aRefusedFormIsShownAgainWithWhatWasTyped() {
        let refusal = Refusal(
            PeriodicReportRules.lockedRefusal(period: IndicatorPeriod(kind: .year, year: 2026)), language: .vi)
        let page = PeriodicReportsPage(
            PeriodicReportsData(reports: [], total: 0, population: 1000), filter: PeriodicReportFilter(),
            paging: Paging(page: 1, per: 50), reader: Self.reader(.communeOfficer, Self.baDinh), language: .vi,
            today: CivilDate(2026, 5, 10), refusal: refusal, typed: ("2026-Q5", "1.200"))
        #expect(page.error == refusal.message && refusal.status == .conflict)
        #expect(page.period == "2026-Q5" && page.population == "1.200" && page.notice == nil)
    }

    @Test func theTargetsPageListsComputedIndicatorsAndSaysWhenSaved() {
        let page = IndicatorTargetsPage(
            unitName: "Thành phố Hà Nội", year: 2026, targets: ["TR05": 90.5], catalogue: Self.catalogue,
            language: .vi, saved: true)
        #expect(page.rows.map(\.code) == ["TR02", "TR05", "TR08"])
        #expect(page.rows.map(\.target) == ["", "90,5", ""])
        #expect(page.notice == UIStrings.text("targetSaved", .vi) && page.error == nil)
        #expect(page.action == "/indicators/targets")
        let english = IndicatorTargetsPage(
            unitName: "Hà Nội", year: 2026, targets: ["TR05": 90.5], catalogue: Self.catalogue, language: .en)
        #expect(english.rows[1].target == "90.5" && english.notice == nil)
    }

    @Test func everyIndicatorPlaceIsItsOwnAddress() {
        #expect(SiteURL.indicators(.decide(.pattern, .pattern)).path == "/indicators/reports/:id/:action")
        #expect(SiteURL.indicators(.api(.figures(.value("TR02")))).path == "/api/v1/indicators/TR02")
        #expect(SiteURL.indicators(.api(.catalogue)).path == "/api/v1/indicators")
        #expect(SiteURL.indicators(.tableCSV(.value("TR02"))).path == "/indicators/TR02/table.csv")
    }
}
