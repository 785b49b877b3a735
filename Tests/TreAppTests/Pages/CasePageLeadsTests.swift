import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Issue 16, "the case page leads": the step due next first, one labelled button per form, errors inside the
/// refused form with what was typed, a confirmation of what was saved, and a saved step corrected with a reason.
@Suite struct CasePageLeadsTests {
    private func openCase(_ app: Application) async throws -> (WebClient, String) {
        try await makeAccount(app, "hotline", role: .hotlineCounsellor)
        try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
        let hotline = WebClient(app)
        try await hotline.signIn("hotline")
        try await hotline.get("/reports/new")
        let saved = try await hotline.post(
            "/reports/new",
            [
                "channel": "phone_111", "communeCode": "4", "abuseForms[]": "violence", "description": "Trẻ bị đánh",
            ])
        let path = try #require(saved.headers.first(name: .location))
        let officer = WebClient(app)
        try await officer.signIn("xa4")
        return (officer, path)
    }

    @Test func theStepDueComesFirstAndARefusedFormKeepsWhatWasTyped() async throws {
        try await withTreApp { app in
            let (officer, path) = try await openCase(app)
            let page = try await officer.get(path).body.string
            let next = try #require(page.range(of: #"id="next-steps""#))
            let facts = try #require(page.range(of: #"<dl class="facts">"#))
            #expect(next.lowerBound < facts.lowerBound, "the form due comes before the report's facts")
            #expect(page.contains(#"<details class="step-form" open><summary><strong>Đánh giá nguy cơ ban đầu"#))
            #expect(page.contains(">Lưu đánh giá ban đầu</button>") && !page.contains(">Lưu</button>"))

            let refused = try await officer.post(path + "/initial-assessment", ["version": "1", "risk": "high"])
            #expect(refused.status == .unprocessableEntity)
            let body = refused.body.string
            let form = try #require(body.range(of: #"id="step-initial-assessment""#))
            let error = try #require(body.range(of: "Cần ghi lý do đánh giá mức độ nguy cơ."))
            #expect(form.upperBound < error.lowerBound, "the error is inside the refused form")
            #expect(body.contains(#"<option value="high" selected>"#), "the risk chosen is kept")

            let taken = try await officer.post(
                path + "/initial-assessment", ["version": "1", "risk": "low", "reasons": "Vết bầm nhẹ"])
            let back = try #require(taken.headers.first(name: .location))
            #expect(
                try await officer.get(back).body.string.contains("Đã lưu: Đánh giá nguy cơ ban đầu (Mẫu 02)"),
                "the page says which step was saved")
        }
    }

    @Test func aSavedStepIsCorrectedWithAReasonAndTheEarlierVersionIsKept() async throws {
        try await withTreApp { app in
            let (officer, path) = try await openCase(app)
            _ = try await officer.post(
                path + "/initial-assessment", ["version": "1", "risk": "low", "reasons": "Vết bầm nhẹ"])
            let page = try await officer.get(path).body.string
            #expect(page.contains(#"id="correct-initial-assessment""#))
            #expect(page.contains(">Vết bầm nhẹ</textarea>"), "the correction starts from what was recorded")

            let noReason = try await officer.post(
                path + "/initial-assessment/correction", ["version": "2", "risk": "high", "reasons": "Vết bầm nhiều"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("Cần ghi lý do sửa."))

            let corrected = try await officer.post(
                path + "/initial-assessment/correction",
                [
                    "version": "2", "risk": "high", "reasons": "Vết bầm nhiều nơi", "seriousThreat": "1",
                    "reason": "Ghi nhầm mức độ khi gọi điện",
                ])
            #expect(corrected.status == .seeOther)
            let found = try #require(try await ProtectionCase.query(on: app.db).first())
            #expect(found.risk == "high" && found.seriousThreat == true)
            #expect(found.nextDeadlineKind == CaseDeadlineKind.emergency.rawValue, "the 12-hour clock now runs")
            let records = try await CaseStepRecord.query(on: app.db).sort(\.$createdAt).all()
            #expect(records.count == 2 && records[1].correctsID == records[0].id)
            #expect(records[0].content.contains("Vết bầm nhẹ"), "the earlier version is kept as it was")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "case.corrected").count() == 1)
            let after = try await officer.get(path).body.string
            #expect(after.contains("Đã sửa: Ghi nhầm mức độ khi gọi điện") && after.contains("Bản trước khi sửa"))

            _ = try await officer.post(path + "/emergency-measures", ["version": "3", "measures": "Đưa trẻ đi khám"])
            #expect(!(try await officer.get(path).body.string.contains(#"id="correct-initial-assessment""#)))
            let late = try await officer.post(
                path + "/initial-assessment/correction",
                ["version": "4", "risk": "low", "reasons": "x", "reason": "Sửa lại"])
            #expect(late.status == .conflict, "once the next step is taken the step is no longer corrected")
        }
    }

    @Test func anotherCommuneOrProvinceCannotCorrectAStep() async throws {
        try await withTreApp { app in
            let (officer, path) = try await openCase(app)
            _ = try await officer.post(
                path + "/initial-assessment", ["version": "1", "risk": "low", "reasons": "Vết bầm nhẹ"])
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh2", role: .provincialOfficer, province: Places.caoBang)
            for username in ["xa8", "tinh2"] {
                let outsider = WebClient(app)
                try await outsider.signIn(username)
                try await outsider.get("/cases")
                let refused = try await outsider.post(
                    path + "/initial-assessment/correction",
                    ["version": "2", "risk": "high", "reasons": "x", "reason": "Sửa hộ"])
                #expect(refused.status == .notFound, "\(username): a case outside the jurisdiction is not found")
            }
            #expect(try await CaseStepRecord.query(on: app.db).count() == 1, "nothing was corrected")
            #expect(try await ProtectionCase.query(on: app.db).first()?.risk == "low")
        }
    }
}
