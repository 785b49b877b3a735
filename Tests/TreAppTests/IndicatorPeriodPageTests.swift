import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// A period typed on the indicators page as people write it is read; one that cannot be read is explained
/// beside the field, with this year's figures, instead of a dead end.
@Suite struct IndicatorPeriodPageTests {
    @Test func aPeriodTypedAsPeopleWriteItShowsItsFiguresAndABadOneIsExplainedBesideTheField() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let browser = WebClient(app)
            try await browser.signIn("tinh1")
            let year = VietnamDay.containing(Date()).year

            let quarter = try await browser.get("/indicators?period=Qu%C3%BD%203%2F\(year)")
            #expect(quarter.status == .ok)
            #expect(quarter.body.string.contains("Quý 3/\(year)</h1>"))

            let bad = try await browser.get("/indicators?period=Qu%C3%BD%205%2F\(year)")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(#"id="period-error""#))
            #expect(bad.body.string.contains("Quý 5/\(year)"), "the reason names what was typed")
            #expect(bad.body.string.contains("Năm \(year)</h1>"), "this year's figures instead")
            #expect(bad.body.string.contains(#"id="show-indicators""#), "the form to try again")
        }
    }
}
