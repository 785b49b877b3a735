import Fluent
import Foundation
import SQLKit
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Issue 14: the attacks by subtraction, run through the API and pages as a provincial officer of Hà Nội
/// would (decision 008). Figures are written straight into the facts table, last year, so every period
/// of it is shown.
@Suite struct SmallCountSuppressionTests {
    static let year = VietnamDay.containing(Date()).year - 1

    struct Figure: Decodable {
        var unit: String
        var value: Double?
        var numerator: Int?
        var denominator: Int?
        var suppressed: Bool
    }

    struct Figures: Decodable {
        var total: Figure
        var units: [Figure]
        var breakdown: [Figure]
        var trend: [Figure]
    }

    private func fact(
        _ app: Application, _ measure: IndicatorMeasure, _ period: String, commune: Int, _ value: Int,
        dimension: String = "", category: String = ""
    ) async throws {
        try await (app.db as! any SQLDatabase).insert(into: IndicatorFactsTable.name)
            .columns("measure", "period", "province_code", "commune_code", "dimension", "category", "value")
            .values(
                SQLBind(measure.rawValue), SQLBind(period), SQLBind(Places.haNoi), SQLBind(commune),
                SQLBind(dimension), SQLBind(category), SQLBind(value)
            ).run()
    }

    /// A commune's twelve months, with the quarters, halves and year they add up to.
    private func months(_ app: Application, _ values: [Int], commune: Int) async throws {
        for period in FigureSuppression.periods(of: Self.year) {
            let first = period.start.month - 1
            let last = period.end.month == 1 ? 12 : period.end.month - 1
            try await fact(
                app, .childrenSpecial, period.description, commune: commune, values[first..<last].reduce(0, +))
        }
    }

    private func figures(_ app: Application, _ token: String, _ query: String) async throws -> Figures {
        let answer = try await app.testing().sendRequest(.GET, "/api/v1/indicators/\(query)", headers: bearer(token))
        #expect(answer.status == .ok, "\(query): \(answer.body.string)")
        return try answer.content.decode(Figures.self)
    }

    /// A third commune of Hà Nội besides Ba Đình and Ngọc Hà.
    private func third(_ app: Application) async throws -> Int {
        try #require(
            try await UnitQueries.communesInForce(provinceCode: Places.haNoi, on: app.db).map(\.code).first {
                $0 != Places.baDinh && $0 != Places.ngocHa
            })
    }

    @Test func theYearMinusTheVisibleQuartersGivesNoHiddenQuarter() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            // Quarters 3, 10, 12 and 20: the year shows 45.
            try await months(app, [3, 0, 0, 10, 0, 0, 4, 4, 4, 5, 5, 10], commune: Places.baDinh)
            let token = try await apiToken(app, "tinh1")
            let y = Self.year
            let whole = try await figures(app, token, "TR02?period=\(y)")
            #expect(whole.total.value == 45)
            let quarters = try await figures(app, token, "TR02?period=\(y)-Q1").trend
            #expect(quarters.map(\.unit) == (1...4).map { "\(y)-Q\($0)" })
            let hidden = quarters.filter(\.suppressed)
            #expect(hidden.map(\.unit).contains("\(y)-Q1"))
            #expect(hidden.count >= 2, "45 minus the quarters shown would give the first quarter's 3")
            // Each quarter's own page hides what the trend hides, and its months cannot rebuild it.
            for quarter in hidden {
                #expect(try await figures(app, token, "TR02?period=\(quarter.unit)").total.suppressed)
            }
            let months = try await figures(app, token, "TR02?period=\(y)-04").trend
            #expect(months.first { $0.unit == "\(y)-04" }?.suppressed == true, "April alone makes the second quarter")
        }
    }

    @Test func theProvinceMinusTheVisibleCommunesGivesNoHiddenCommune() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let other = try await third(app)
            let y = String(Self.year)
            for (commune, count) in [(Places.baDinh, 2), (Places.ngocHa, 9), (other, 12)] {
                try await fact(app, .childrenSpecial, y, commune: commune, count)
            }
            let token = try await apiToken(app, "tinh1")
            let province = try await figures(app, token, "TR02?period=\(y)")
            #expect(province.total.value == 23)
            let shown = province.units.compactMap(\.value).reduce(0, +)
            #expect(province.units.filter(\.suppressed).count >= 2, "23 − 21 would give Ba Đình's 2")
            #expect(shown == 12)
            // Ngọc Hà's own page agrees: its 9 is what 23 − 12 − 2 would be.
            let ngocHa = try await figures(app, token, String(format: "TR02?unit=%05d&period=\(y)", Places.ngocHa))
            #expect(ngocHa.total.suppressed && ngocHa.total.value == nil)
            // So do the export of the province's table and the overview of Ngọc Hà.
            let browser = WebClient(app)
            try await browser.signIn("tinh1")
            let csv = try await browser.get("/indicators/TR02/table.csv?period=\(y)").body.string
            let row = try #require(csv.split(whereSeparator: \.isNewline).first { $0.contains(",00008,") })
            #expect(row.contains("<5") && !row.contains(",9,"))
            let overview = try await browser.get(String(format: "/indicators?unit=%05d&period=\(y)", Places.ngocHa))
            #expect(overview.body.string.contains("&lt;5") && !overview.body.string.contains(">9<"))

            // A rate hidden by its denominator: 0 supported of 3 children. Its neighbour goes too, or the
            // province's 113 children minus 110 would give it away.
            for (commune, supported, children) in [(Places.baDinh, 0, 3), (Places.ngocHa, 10, 50), (other, 12, 60)] {
                try await fact(app, .childrenSpecialSupported, y + "-Q1", commune: commune, supported)
                try await fact(app, .childrenSpecial, y + "-Q1", commune: commune, children)
            }
            let rates = try await figures(app, token, "TR05?period=\(y)-Q1")
            #expect(rates.total.denominator == 113)
            #expect(rates.units.filter(\.suppressed).count == 2)
            #expect(rates.units.compactMap(\.denominator).reduce(0, +) == 60)
        }
    }

    @Test func theTotalMinusTheVisibleSexGivesNoHiddenSex() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let y = String(Self.year)
            for (commune, girls, boys) in [(Places.baDinh, 1, 7), (Places.ngocHa, 5, 10)] {
                try await fact(app, .childrenSpecial, y, commune: commune, girls + boys)
                try await fact(app, .childrenSpecial, y, commune: commune, girls, dimension: "sex", category: "female")
                try await fact(app, .childrenSpecial, y, commune: commune, boys, dimension: "sex", category: "male")
            }
            let token = try await apiToken(app, "tinh1")
            // Ba Đình: 8 children, 1 girl. The total minus the boys would give her away.
            let baDinh = try await figures(
                app, token, String(format: "TR02?unit=%05d&period=\(y)&by=sex", Places.baDinh))
            #expect(baDinh.total.value == 8)
            #expect(baDinh.breakdown.count == 2 && baDinh.breakdown.allSatisfy(\.suppressed))
            // The province's 6 girls minus Ngọc Hà's 5 would give her away too: Ngọc Hà's girls are hidden.
            let province = try await figures(app, token, "TR02?period=\(y)&by=sex")
            #expect(province.breakdown.first { $0.unit == "female" }?.value == 6)
            let ngocHa = try await figures(
                app, token, String(format: "TR02?unit=%05d&period=\(y)&by=sex", Places.ngocHa))
            #expect(ngocHa.breakdown.first { $0.unit == "female" }?.suppressed == true)
            // The commune that owns the records still sees its own.
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let own = try await figures(app, try await apiToken(app, "xa4"), "TR02?period=\(y)&by=sex")
            #expect(own.breakdown.first { $0.unit == "female" }?.value == 1)
        }
    }

    @Test func aDayWithOneContactShowsNoCountOfOneToAProvincialOfficer() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let counsellor = try await apiToken(app, "tuvan")
            let logged = try await app.testing().sendRequest(
                .POST, "/api/v1/contacts", headers: bearer(counsellor, json: true),
                body: ByteBuffer(
                    string:
                        #"{"channel":"phone_111","startedAt":"2026-11-10T03:00:00Z","callerType":"child_about_self","outcome":"report_opened","topicCodes":["violence.physical"],"childSex":"female","childAgeBand":"11-15","provinceCode":1}"#
                ))
            #expect(logged.status == .created, "\(logged.body.string)")
            let path = "/api/v1/hotline/statistics?period=day&date=2026-11-10"
            let province = try await app.testing().sendRequest(
                .GET, path, headers: bearer(try await apiToken(app, "tinh1")))
            let figures = try province.content.decode(HotlineStatisticsController.FiguresDTO.self)
            #expect(figures.hiddenBelow == 5)
            for level in [figures.incoming, figures.counselled, figures.intervention] {
                #expect(level.total == nil)
                for breakdown in [
                    level.byChannel, level.byCategory, level.byTopic, level.byAbuseForm, level.bySex, level.byAgeBand,
                ] {
                    #expect(!breakdown.isEmpty && breakdown.values.allSatisfy { $0 == nil })
                }
            }
            #expect(figures.byOutcome.values.allSatisfy { $0 == nil })
            // The counsellors, who took the call, see it.
            let whole = try await app.testing().sendRequest(.GET, path, headers: bearer(counsellor))
            #expect(try whole.content.decode(HotlineStatisticsController.FiguresDTO.self).incoming.total == 1)

            let browser = WebClient(app)
            try await browser.signIn("tinh1")
            let page = try await browser.get("/hotline/statistics?period=day&date=10/11/2026").body.string
            #expect(page.contains("&lt;5"))
            #expect(!page.contains("<strong>1</strong>") && !page.contains(": 1</h2>") && !page.contains("</meter> 1<"))
            let csv = try await browser.get("/hotline/statistics.csv?period=day&date=2026-11-10").body.string
            let counts = csv.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").last }
            #expect(!counts.isEmpty && counts.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "<5" })
        }
    }

    @Test func theMonthMinusTheVisibleDaysGivesNoHiddenDay() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            try await makeAccount(app, "phantich", role: .nationalAnalyst)
            let counsellor = try await apiToken(app, "tuvan")
            for (day, calls) in [(10, 1), (11, 6), (12, 7)] {
                for _ in 0..<calls {
                    let logged = try await app.testing().sendRequest(
                        .POST, "/api/v1/contacts", headers: bearer(counsellor, json: true),
                        body: ByteBuffer(
                            string:
                                #"{"channel":"phone_111","startedAt":"2026-11-\#(day)T03:00:00Z","callerType":"anonymous","outcome":"silent","provinceCode":1}"#
                        ))
                    #expect(logged.status == .created, "\(logged.body.string)")
                }
            }
            let analyst = try await apiToken(app, "phantich")
            func total(_ query: String) async throws -> Int? {
                let answer = try await app.testing().sendRequest(
                    .GET, "/api/v1/hotline/statistics?\(query)", headers: bearer(analyst))
                return try answer.content.decode(HotlineStatisticsController.FiguresDTO.self).incoming.total
            }
            #expect(try await total("period=month&date=2026-11-15&province=1") == 14)
            var shown = 0
            var hiddenDays = 0
            for day in 10...12 {
                if let count = try await total("period=day&date=2026-11-\(day)&province=1") {
                    shown += count
                } else {
                    hiddenDays += 1
                }
            }
            #expect(hiddenDays >= 2 && 14 - shown >= 5, "the month minus the days shown gives no day of 1")
            // The country, made of Hà Nội alone, hides the same days.
            #expect(try await total("period=day&date=2026-11-10") == nil)
        }
    }
}
