import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Phường Ba Đình (Hà Nội) assesses itself; Hà Nội's provincial officer appraises it.
@Suite struct ChildFriendlyTests {
    static let year = VietnamDay.containing(Date()).year
    static let path = "/child-friendly/\(Places.baDinh)/\(year)"

    /// Full marks on every criterion of Decision 06, as the form sends them.
    static func fullMarks(action: String) -> [String: String] {
        var form = ["category": "city_ward", "action": action]
        for criterion in CriteriaSet.decision06of2019.criteria {
            form["points_\(criterion.number)"] = String(criterion.maxPoints)
            form["met_\(criterion.number)"] = "yes"
            form["evidence_\(criterion.number)"] = "Biên bản số \(criterion.number)"
        }
        return form
    }

    static func status(_ app: Application) async throws -> String? {
        try await FriendlyAssessmentRecord.query(on: app.db).filter(\.$communeCode == Places.baDinh).first()?.status
    }

    /// What an administrator does before the first recognition: every weight checked against the decision
    /// and confirmed on the criteria page, optionally changing some.
    static func confirmWeights(_ app: Application, changing points: [Int: Int] = [:]) async throws
        -> TestingHTTPResponse
    {
        if try await UserAccount.query(on: app.db).filter(\.$username == "quantri").count() == 0 {
            try await makeAccount(app, "quantri", role: .admin)
        }
        let admin = WebClient(app)
        try await admin.signIn("quantri")
        try await admin.get("/child-friendly/criteria")
        var form: [String: String] = [:]
        for criterion in CriteriaSet.decision06of2019.criteria {
            form["points_\(criterion.number)"] = String(points[criterion.number] ?? criterion.maxPoints)
            form["confirmed_\(criterion.number)"] = "on"
        }
        return try await admin.post("/child-friendly/criteria", form)
    }

    @Test func theChairSubmitsACompleteSelfAssessmentAndTheProvinceReturnsThenRecognisesIt() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            try await makeAccount(app, "chutich4", role: .communeChair, commune: Places.baDinh)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let form = try await officer.get(Self.path)
            #expect(form.status == .ok && form.body.string.contains("Trẻ em có hoàn cảnh đặc biệt được trợ giúp"))

            // The officer saves a draft, but only the chairperson may submit.
            var draft = Self.fullMarks(action: "save")
            draft["points_2"] = ""
            #expect(try await officer.post(Self.path, draft).status == .seeOther)
            #expect(try await Self.status(app) == "draft")
            let refused = try await officer.post(Self.path, Self.fullMarks(action: "submit"))
            #expect(refused.status == .forbidden && refused.body.string.contains("Chỉ Chủ tịch UBND xã"))

            // An empty item stops the submission; what was typed stays on the page.
            let chair = WebClient(app)
            try await chair.signIn("chutich4")
            try await chair.get(Self.path)
            var incomplete = Self.fullMarks(action: "submit")
            incomplete["points_2"] = ""
            incomplete["evidence_3"] = "Sổ theo dõi trẻ em bị xâm hại"
            let stopped = try await chair.post(Self.path, incomplete)
            #expect(stopped.status == .unprocessableEntity)
            #expect(stopped.body.string.contains("Tiêu chí 2: chưa nhập điểm"))
            #expect(stopped.body.string.contains("Sổ theo dõi trẻ em bị xâm hại"))
            #expect(try await Self.status(app) == "draft")
            #expect(try await chair.post(Self.path, Self.fullMarks(action: "submit")).status == .seeOther)
            #expect(try await Self.status(app) == "submitted")
            #expect(try await officer.post(Self.path, Self.fullMarks(action: "save")).status == .conflict)

            // The province returns it with a comment; without one it is refused.
            let province = WebClient(app)
            try await province.signIn("tinh1")
            let appraisal = Self.path + "/appraisal"
            let appraisalPage = try await province.get(Self.path)
            #expect(appraisalPage.body.string.contains("appraisal-form"))
            #expect(try await province.post(appraisal, ["action": "return"]).status == .unprocessableEntity)
            let returned = try await province.post(
                appraisal,
                [
                    "action": "return", "apoints_9": "40", "acomment_9": "Thiếu sổ khám sức khỏe",
                    "comment": "Bổ sung tiêu chí 9",
                ])
            #expect(returned.status == .seeOther)
            #expect(try await Self.status(app) == "returned")
            let back = try await chair.get(Self.path)
            #expect(back.body.string.contains("Thiếu sổ khám sức khỏe"), "the commune sees the province's comment")
            #expect(try await chair.post(Self.path, Self.fullMarks(action: "submit")).status == .seeOther)

            // Recognition waits for the administrator to confirm the provisional weights.
            let recognise = [
                "action": "recognise", "apoints_9": "", "decisionNumber": "125/QĐ-UBND",
                "decisionDate": "01/01/\(Self.year)",
            ]
            let blocked = try await province.post(appraisal, recognise)
            #expect(blocked.status == .unprocessableEntity && blocked.body.string.contains("chưa được xác nhận"))
            #expect(try await Self.confirmWeights(app).status == .seeOther)
            let recognised = try await province.post(appraisal, recognise)
            #expect(recognised.status == .seeOther)
            #expect(try await Self.status(app) == "recognised")
            #expect(try await province.get(Self.path).body.string.contains("125/QĐ-UBND"))

            let record = try #require(try await FriendlyAssessmentRecord.query(on: app.db).first())
            let steps = try await FriendlyAssessmentEventRecord.query(on: app.db).sort(\.$createdAt).all().map(\.action)
            #expect(steps == ["saved", "submitted", "returned", "submitted", "recognised"])
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$recordID == record.id?.uuidString).count() == 5)

            // Counted by the share of child-friendly communes: Ba Đình 1 of 1; Hà Nội 1 of its communes.
            try await IndicatorRefresh.run(on: app.db)
            let list = try await province.get("/child-friendly?year=\(Self.year)")
            let communes = try await UnitQueries.communesInForce(provinceCode: Places.haNoi, on: app.db).count
            #expect(list.body.string.contains("1 trên \(communes) xã có quyết định công nhận"))
            let found = try await province.get("/child-friendly?year=\(Self.year)&q=ba%20dinh")
            #expect(found.body.string.contains("Phường Ba Đình") && !found.body.string.contains("Phường Ngọc Hà"))
            let figures = try await IndicatorQueries.totals(
                [.childFriendlyCommunes], periods: [String(Self.year)],
                unit: .commune(provinceCode: Places.haNoi, communeCode: Places.baDinh), on: app.db)
            #expect(figures[.childFriendlyCommunes]?[String(Self.year)] == 1)
        }
    }

    @Test func anAdministratorsChangeAfterARecognitionIsANewVersionAndPastResultsKeepTheirs() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "chutich4", role: .communeChair, commune: Places.baDinh)
            try await makeAccount(app, "chutich8", role: .communeChair, commune: Places.ngocHa)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let chair = WebClient(app)
            try await chair.signIn("chutich4")
            try await chair.get("/child-friendly/criteria")
            let notAdmin = try await chair.post("/child-friendly/criteria", ["points_2": "100", "confirmed_2": "on"])
            #expect(notAdmin.status == .forbidden, "only an administrator changes the criteria")
            let bad = try await Self.confirmWeights(app, changing: [2: 0])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Tiêu chí 2: điểm chuẩn phải là số"))
            #expect(
                try await CriteriaSetRecord.query(on: app.db).first()?.criteriaSet().unconfirmedCriteria.count == 10)
            #expect(
                try await Self.confirmWeights(app).status == .seeOther, "no assessment decided yet: changed in place")
            #expect(try await CriteriaSetRecord.query(on: app.db).count() == 1)

            // Ba Đình is recognised under version 1; Ngọc Hà has only a draft.
            try await chair.get(Self.path)
            #expect(try await chair.post(Self.path, Self.fullMarks(action: "submit")).status == .seeOther)
            let province = WebClient(app)
            try await province.signIn("tinh1")
            try await province.get(Self.path)
            let recognise = [
                "action": "recognise", "decisionNumber": "7/QĐ-UBND", "decisionDate": "02/01/\(Self.year)",
            ]
            #expect(try await province.post(Self.path + "/appraisal", recognise).status == .seeOther)
            let ngocHaPath = "/child-friendly/\(Places.ngocHa)/\(Self.year)"
            let neighbour = WebClient(app)
            try await neighbour.signIn("chutich8")
            try await neighbour.get(ngocHaPath)
            #expect(try await neighbour.post(ngocHaPath, Self.fullMarks(action: "save")).status == .seeOther)

            // A later change to criterion 2 (72 → 100 points) becomes version 2.
            #expect(try await Self.confirmWeights(app, changing: [2: 100]).status == .seeOther)
            let versions = try await CriteriaSetRecord.query(on: app.db).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            #expect(try versions[0].criteriaSet().maxTotal == 1000 && versions[1].criteriaSet().maxTotal == 1028)
            let baDinh = try #require(
                try await FriendlyAssessmentRecord.query(on: app.db).filter(\.$communeCode == Places.baDinh).first())
            #expect(baDinh.setID == versions[0].id && baDinh.total == 1000 && baDinh.status == "recognised")
            let ngocHa = try #require(
                try await FriendlyAssessmentRecord.query(on: app.db).filter(\.$communeCode == Places.ngocHa).first())
            #expect(ngocHa.setID == versions[1].id, "an undecided assessment moves to the new version")
            #expect((try await neighbour.get(ngocHaPath)).body.string.contains("/1028"))
            #expect((try await chair.get(Self.path)).body.string.contains("1000</strong>/1000"))
        }
    }

    @Test func anAdministratorLoadsANewDecisionAsTheNextVersionAndChangesThresholds() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            let admin = WebClient(app)
            try await admin.signIn("quantri")
            try await admin.get("/child-friendly/criteria")
            // Thresholds are edited beside the weights; one above the scale's total is refused by name.
            let above = try await admin.post("/child-friendly/criteria", ["threshold_city_ward": "1200"])
            #expect(above.status == .unprocessableEntity)
            #expect(above.body.string.contains("Ngưỡng công nhận cho phường thuộc thành phố trực thuộc trung ương"))
            #expect(
                try await admin.post("/child-friendly/criteria", ["threshold_disadvantaged": "780"]).status == .seeOther
            )
            #expect(try await ChildFriendlyService.currentSet(on: app.db).set.thresholds[.disadvantaged] == 780)

            // The set in force, downloaded, changed to a new decision with 12 criteria, loaded back.
            let json = try await admin.get("/child-friendly/criteria.json")
            var next = try JSONDecoder().decode(CriteriaSet.self, from: Data(buffer: json.body))
            next.code = "QD-2031"
            next.title = LocalizedText(vi: "Quyết định năm 2031", en: "Decision of 2031")
            next.criteria.removeLast()
            let document = String(decoding: try JSONEncoder().encode(next), as: UTF8.self)
            var selfJudged = next
            selfJudged.recogniserRole = .communeChair
            let refused = try await admin.post(
                "/child-friendly/criteria/load",
                ["document": String(decoding: try JSONEncoder().encode(selfJudged), as: UTF8.self)])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Vai trò thẩm định và công nhận phải là cán bộ cấp tỉnh"))
            let unreadable = try await admin.post("/child-friendly/criteria/load", ["document": "{ không phải JSON"])
            #expect(unreadable.status == .unprocessableEntity && unreadable.body.string.contains("mẫu JSON"))
            let loaded = try await admin.post("/child-friendly/criteria/load", ["document": document])
            #expect(loaded.status == .seeOther, "\(loaded.body.string)")
            let current = try await ChildFriendlyService.currentSet(on: app.db).set
            #expect(current.code == "QD-2031" && current.version == 2 && current.criteria.count == 12)
            #expect(try await CriteriaSetRecord.query(on: app.db).count() == 2, "version 1 is kept")
            #expect(try await admin.get("/child-friendly/criteria").body.string.contains("Quyết định năm 2031"))
        }
    }

    @Test func nobodySeesOrActsOnAnotherPlacesAssessment() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "chutich4", role: .communeChair, commune: Places.baDinh)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
            try await makeAccount(app, "tongdai", role: .hotlineCounsellor)
            let chair = WebClient(app)
            try await chair.signIn("chutich4")
            try await chair.get(Self.path)
            #expect(try await chair.post(Self.path, Self.fullMarks(action: "submit")).status == .seeOther)

            let neighbour = WebClient(app)
            try await neighbour.signIn("xa8")
            #expect(try await neighbour.get(Self.path).status == .notFound)
            #expect(try await neighbour.post(Self.path, Self.fullMarks(action: "save")).status == .notFound)
            let list = try await neighbour.get("/child-friendly")
            #expect(list.status == .ok && !list.body.string.contains(Self.path))
            #expect(!(try await neighbour.get("/child-friendly.csv")).body.string.contains("Ba Đình"))

            let otherProvince = WebClient(app)
            try await otherProvince.signIn("tinh4")
            #expect(try await otherProvince.get(Self.path).status == .notFound)
            let appraisal = ["action": "return", "comment": "Không thuộc tỉnh"]
            #expect(try await otherProvince.post(Self.path + "/appraisal", appraisal).status == .notFound)
            let hotline = WebClient(app)
            try await hotline.signIn("tongdai")
            #expect(try await hotline.get("/child-friendly").status == .forbidden)
            #expect(try await Self.status(app) == "submitted")
        }
    }

    @Test func computedCriteriaArePrefilledWithTheIndicatorValues() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let population = CommunePopulation()
            population.provinceCode = Places.haNoi
            population.communeCode = Places.baDinh
            population.year = Self.year
            population.children = 1000
            population.enteredBy = UUID()
            try await population.create(on: app.db)
            let token = try await apiToken(app, "xa4")
            for cause in ["fall", "drowning"] {
                let body =
                    #"{"date":"01/01/\#(Self.year)","cause":"\#(cause)","place":"home","outcome":"injured","communeCode":4,"sex":"male","ageYears":"5"}"#
                let answer = try await app.testing().sendRequest(
                    .POST, "/api/v1/injuries", headers: bearer(token, json: true), body: ByteBuffer(string: body))
                #expect(answer.status == .created)
            }
            try await IndicatorRefresh.run(on: app.db)
            struct Figures: Decodable {
                struct Figure: Decodable { var value: Double? }
                var total: Figure
            }
            let indicator = try await app.testing().sendRequest(
                .GET, "/api/v1/indicators/TR16?period=\(Self.year)", headers: bearer(token))
            let value = try #require(try indicator.content.decode(Figures.self).total.value)
            #expect(value == 200)

            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let form = try await officer.get(Self.path).body.string
            let expected = IndicatorNumberFormat.decimal(value, language: .vi)
            #expect(form.contains(#"id="computed-5">\#(expected)</strong>"#), "criterion 5 shows TR16")
            #expect(form.contains("TR16"))

            // Changing the computed figure needs a reason, at submission.
            var items = Self.fullMarks(action: "save")
            items["reported_5"] = "100"
            #expect(try await officer.post(Self.path, items).status == .seeOther, "a draft may hold it")
            let chairForm = try await FriendlyAssessmentRecord.query(on: app.db).first()?.decodedItems().first {
                $0.number == 5
            }
            #expect(chairForm?.computedFigure == expected && chairForm?.reportedFigure == "100")
            #expect(chairForm?.overridesComputed == true)
        }
    }
}
