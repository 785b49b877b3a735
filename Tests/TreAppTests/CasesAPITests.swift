import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct CasesAPITests {
    struct Team {
        var hotline: String
        var officer: String
        var chair: String
        var province: String
        var otherOfficer: String
    }

    private func team(_ app: Application) async throws -> Team {
        try await makeAccount(app, "hotline", role: .hotlineCounsellor)
        try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
        try await makeAccount(app, "chutich4", role: .communeChair, commune: Places.baDinh)
        try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
        try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
        return Team(
            hotline: try await apiToken(app, "hotline"), officer: try await apiToken(app, "xa4"),
            chair: try await apiToken(app, "chutich4"), province: try await apiToken(app, "tinh1"),
            otherOfficer: try await apiToken(app, "xa8"))
    }

    private func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, token: String, _ body: String? = nil
    ) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(
            method, path, headers: bearer(token, json: body != nil), body: body.map { ByteBuffer(string: $0) })
    }

    private func report(
        _ app: Application, token: String, abuserIsCarer: Bool = false, childID: UUID? = nil, consent: Bool = false
    ) async throws -> CaseDTO {
        let children =
            (childID.map { #","childIds":["\#($0.uuidString)"]"# } ?? "")
            + (consent ? #","reporterAgreesToContact":true"# : "")
        let answer = try await send(
            app, .POST, "/api/v1/reports", token: token,
            #"{"channel":"phone_111","communeCode":4,"abuseForms":["violence"],"abuserIsCarer":\#(abuserIsCarer),"description":"Hàng xóm nghe tiếng trẻ khóc, bị đánh","reporterName":"Trần Văn Bình","reporterPhone":"0912345678"\#(children)}"#
        )
        #expect(answer.status == .created)
        return try answer.content.decode(CaseDTO.self)
    }

    private func step(
        _ app: Application, _ id: UUID, _ name: String, token: String, version: Int, form: String = "{}"
    ) async throws -> TestingHTTPResponse {
        try await send(
            app, .POST, "/api/v1/cases/\(id)/\(name)", token: token, #"{"version":\#(version),"form":\#(form)}"#)
    }

    @Test func aReportOpensACaseThatGoesToClosure() async throws {
        try await withTreApp { app in
            let team = try await team(app)
            let child = try await makeChild(app, "Lê Thị Mai")
            let opened = try await report(app, token: team.hotline, childID: try child.requireID())
            #expect(opened.status == "received")
            #expect(opened.communeCode == Places.baDinh)
            #expect(opened.childIds == [try child.requireID()])
            #expect(opened.nextDeadline?.kind == "plan")

            let inbox = try await send(app, .GET, "/api/v1/cases", token: team.officer)
            #expect(try inbox.content.decode(PageDTO<CaseDTO>.self).items.map(\.id) == [opened.id])

            let steps: [(String, String, String)] = [
                ("initial-assessment", team.officer, #"{"risk":"medium","reasons":"Vết bầm","seriousThreat":false}"#),
                (
                    "detailed-assessment", team.officer,
                    #"{"risk":"medium","findings":"Bị đánh","childViews":"Sợ bố","parentViews":"Mẹ lo lắng","needs":"Tâm lý"}"#
                ),
                (
                    "case-conference", team.chair,
                    #"{"heldOn":"2026-11-25","participants":"Chủ tịch, công an, mẹ","conclusions":""}"#
                ),
                (
                    "plan", team.officer,
                    #"{"items":[{"kind":"psychological","description":"Tư vấn","provider":"Trung tâm CTXH","responsible":"Cán bộ xã","start":"2026-12-01","end":"2026-12-31","costVND":2000000}]}"#
                ),
                ("approval", team.chair, #"{"note":"Đồng ý"}"#),
                ("implementation", team.officer, "{}"),
                ("review", team.officer, #"{"outcome":"close","notes":"An toàn"}"#),
                ("closure", team.chair, "{}"),
            ]
            var version = opened.version
            var statuses: [String] = []
            for (name, token, form) in steps {
                let answer = try await step(app, opened.id, name, token: token, version: version, form: form)
                #expect(answer.status == .ok, "\(name): \(answer.body.string)")
                let updated = try answer.content.decode(CaseDTO.self)
                version = updated.version
                statuses.append(updated.status)
            }
            #expect(statuses.last == "closed")
            #expect(statuses.count == 8)
            let detail = try await send(app, .GET, "/api/v1/cases/\(opened.id)", token: team.officer)
            #expect(try detail.content.decode(CaseDetailDTO.self).steps.map(\.step) == steps.map(\.0))
            let audited = try await AuditEntry.query(on: app.db).filter(\.$recordType == "case").all(\.$action)
            #expect(
                audited.contains("case.opened") && audited.contains("case.approval") && audited.contains("case.viewed"))
        }
    }

    @Test func whenTheCarerIsTheAbuserTheTwelveHourClockRunsAndEmergencyComesFirst() async throws {
        try await withTreApp { app in
            let team = try await team(app)
            let opened = try await report(app, token: team.hotline, abuserIsCarer: true)
            #expect(opened.nextDeadline?.kind == "emergency")
            let due = try #require(opened.nextDeadline?.due)
            #expect(abs(due.timeIntervalSince(opened.receivedAt) - 12 * 3600) < 1)
            let assessed = try await step(
                app, opened.id, "initial-assessment", token: team.officer, version: opened.version,
                form: #"{"risk":"high","reasons":"Bố đánh","seriousThreat":true}"#)
            let version = try assessed.content.decode(CaseDTO.self).version
            let skipped = try await step(
                app, opened.id, "detailed-assessment", token: team.officer, version: version,
                form: #"{"risk":"high","findings":"x","childViews":"x","parentViews":"","needs":"x"}"#)
            #expect(skipped.status == .unprocessableEntity)
            #expect(skipped.body.string.contains("emergency_first"))
        }
    }

    @Test func refusedStepsChangeNothing() async throws {
        try await withTreApp { app in
            let team = try await team(app)
            let opened = try await report(app, token: team.hotline)
            let outOfOrder = try await step(app, opened.id, "approval", token: team.chair, version: opened.version)
            #expect(outOfOrder.status == .unprocessableEntity)
            #expect(outOfOrder.body.string.contains("out_of_order"))
            let stale = try await step(
                app, opened.id, "initial-assessment", token: team.officer, version: opened.version + 5,
                form: #"{"risk":"low","reasons":"x","seriousThreat":false}"#)
            #expect(stale.status == .conflict, "an officer acting on an older version is told to reload")
            let stored = try #require(try await ProtectionCase.find(opened.id, on: app.db))
            #expect(stored.status == "received" && stored.version == opened.version)
            #expect(try await CaseStepRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func theReporterIsKnownOnlyToTheReceivingPointAndToTheCommuneWhenTheyAgreed() async throws {
        try await withTreApp { app in
            let team = try await team(app)
            let opened = try await report(app, token: team.hotline)
            func reporter(_ token: String, of id: UUID = opened.id) async throws -> String? {
                let answer = try await send(app, .GET, "/api/v1/cases/\(id)", token: token)
                return try answer.content.decode(CaseDetailDTO.self).report.reporterName
            }
            #expect(try await reporter(team.hotline) == "Trần Văn Bình")
            #expect(try await reporter(team.officer) == nil, "the reporter did not agree to be contacted")
            #expect(try await reporter(team.chair) == nil)
            #expect(try await reporter(team.province) == nil)
            let agreed = try await report(app, token: team.hotline, consent: true)
            #expect(try await reporter(team.officer, of: agreed.id) == "Trần Văn Bình")
            #expect(try await reporter(team.province, of: agreed.id) == nil)
            let list = try await send(app, .GET, "/api/v1/cases", token: team.province)
            #expect(!list.body.string.contains("Bình"))
        }
    }

    @Test func anotherCommuneNeitherSeesNorActsOnTheCase() async throws {
        try await withTreApp { app in
            let team = try await team(app)
            let opened = try await report(app, token: team.hotline)
            #expect(
                try await send(app, .GET, "/api/v1/cases/\(opened.id)", token: team.otherOfficer).status == .notFound)
            let list = try await send(app, .GET, "/api/v1/cases", token: team.otherOfficer)
            #expect(try list.content.decode(PageDTO<CaseDTO>.self).total == 0)
            let acted = try await step(
                app, opened.id, "initial-assessment", token: team.otherOfficer, version: opened.version,
                form: #"{"risk":"low","reasons":"x","seriousThreat":false}"#)
            #expect(acted.status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/cases", token: team.province).status == .ok)
        }
    }

    @Test func aReportWithoutWhatHappenedIsRefusedInTheReadersLanguage() async throws {
        try await withTreApp { app in
            let team = try await team(app)
            let answer = try await send(
                app, .POST, "/api/v1/reports", token: team.hotline,
                #"{"channel":"zalo","communeCode":4,"abuseForms":["violence"],"description":"  "}"#)
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains("Cần mô tả sự việc."))
            #expect(try await ProtectionCase.query(on: app.db).count() == 0)
        }
    }

    @Test func referralsAndVisitsAreRecordedOnAnOpenCaseOfOnesOwnCommune() async throws {
        try await withTreApp { app in
            let team = try await team(app)
            let opened = try await report(app, token: team.hotline)
            let referred = try await send(
                app, .POST, "/api/v1/cases/\(opened.id)/referrals", token: team.officer,
                #"{"providerKind":"police","providerName":"Công an phường Ba Đình","reason":"Xác minh hành vi bạo lực","sentOn":"2026-11-20"}"#
            )
            #expect(referred.status == .created)
            let referral = try referred.content.decode(ReferralDTO.self)
            #expect(referral.status == "sent")
            let answered = try await send(
                app, .PUT, "/api/v1/cases/\(opened.id)/referrals/\(referral.id)", token: team.officer,
                #"{"status":"accepted","reply":"Đã cử cán bộ xác minh"}"#)
            #expect(try answered.content.decode(ReferralDTO.self).status == "accepted")
            let future = try await send(
                app, .POST, "/api/v1/cases/\(opened.id)/follow-ups", token: team.officer,
                #"{"visitedOn":"2099-01-01","childSeen":true,"notes":"Trẻ ổn"}"#)
            #expect(future.status == .unprocessableEntity)
            let visited = try await send(
                app, .POST, "/api/v1/cases/\(opened.id)/follow-ups", token: team.officer,
                #"{"visitedOn":"2026-11-21","childSeen":true,"notes":"Trẻ đã đi học lại"}"#)
            #expect(visited.status == .created)
            let elsewhere = try await send(
                app, .POST, "/api/v1/cases/\(opened.id)/follow-ups", token: team.otherOfficer,
                #"{"visitedOn":"2026-11-21","childSeen":true,"notes":"x"}"#)
            #expect(elsewhere.status == .notFound)

            let detail = try await send(app, .GET, "/api/v1/cases/\(opened.id)", token: team.officer)
            let shown = try detail.content.decode(CaseDetailDTO.self)
            #expect(shown.referrals.map(\.reply) == ["Đã cử cán bộ xác minh"])
            #expect(shown.followUps.map(\.notes) == ["Trẻ đã đi học lại"])
            let audited = try await AuditEntry.query(on: app.db).filter(\.$recordType == "case").all(\.$action)
            #expect(audited.contains("case.referred") && audited.contains("case.follow_up"))
        }
    }

    @Test func aChildNotYetRegisteredGetsAMinimalRecordInTheCommune() async throws {
        try await withTreApp { app in
            let team = try await team(app)
            let answer = try await send(
                app, .POST, "/api/v1/reports", token: team.hotline,
                #"{"channel":"police","communeCode":4,"abuseForms":["trafficking"],"description":"Công an giải cứu trẻ","newChildren":[{"fullName":"Lò Thị Sua","sex":"female","birthYear":2012}]}"#
            )
            #expect(answer.status == .created)
            let opened = try answer.content.decode(CaseDTO.self)
            let child = try #require(try await Child.query(on: app.db).first())
            #expect(child.fullName == "Lò Thị Sua" && child.communeCode == Places.baDinh)
            #expect(opened.childIds == [try child.requireID()])

            let bad = try await send(
                app, .POST, "/api/v1/reports", token: team.hotline,
                #"{"channel":"police","communeCode":4,"abuseForms":["trafficking"],"description":"x","newChildren":[{"fullName":"123","sex":"female"}]}"#
            )
            #expect(bad.status.code >= 400 && bad.status.code < 500)
            #expect(try await ProtectionCase.query(on: app.db).count() == 1, "nothing of the refused report is kept")
        }
    }
}
