import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct TopicsAdminTests {
    @Test func topicsAreAddedAndRetiredWhileEveryCodeKeepsItsMeaning() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "quantri", role: .admin)
            try await makeAccount(app, "tuvan", role: .hotlineCounsellor)
            let token = try await apiToken(app, "tuvan")
            func log(_ topic: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/contacts", headers: bearer(token, json: true),
                    body: ByteBuffer(
                        string:
                            #"{"channel":"phone_111","callerType":"anonymous","topicCodes":["\#(topic)"],"outcome":"counselled"}"#
                    ))
            }
            #expect(try await log("peers.peer_pressure").status == .created)
            let codesBefore = Set(try await ContactTopicRecord.query(on: app.db).all().map(\.code))

            let admin = WebClient(app)
            try await admin.signIn("quantri")
            try await admin.get("/admin/topics")
            let added = try await admin.post(
                "/admin/topics",
                [
                    "category": "violence", "suffix": "corporal_punishment", "nameVi": "Trừng phạt thân thể",
                    "nameEn": "Corporal punishment", "abuseForm": "violence",
                ])
            #expect(added.status == .seeOther)
            let reused = try await admin.post(
                "/admin/topics", ["category": "peers", "suffix": "peer_pressure", "nameVi": "Trùng"])
            #expect(reused.status == .unprocessableEntity)
            #expect(reused.body.string.contains("mã không được dùng lại"))
            let badCode = try await admin.post(
                "/admin/topics", ["category": "peers", "suffix": "áp lực", "nameVi": "x"])
            #expect(badCode.body.string.contains("chữ không dấu"))
            try await admin.post("/admin/topics/peers.peer_pressure/retire", [:])

            #expect(try await log("violence.corporal_punishment").status == .created)
            let retired = try await log("peers.peer_pressure")
            #expect(retired.status == .unprocessableEntity, "a retired topic is not offered for new contacts")
            let codesAfter = Set(try await ContactTopicRecord.query(on: app.db).all().map(\.code))
            #expect(codesAfter == codesBefore.union(["violence.corporal_punishment"]), "no code changed or vanished")
            let topic = try #require(
                try await ContactTopicRecord.query(on: app.db).filter(\.$code == "peers.peer_pressure").first())
            #expect(topic.retiredIn == 3 && topic.version == 1)
            let figures = try await HotlineStatisticsQuery.figures(
                for: StatisticsPeriod(.day, containing: VietnamDay.containing(Date())), provinceCode: nil, on: app.db)
            #expect(figures.counselled.byCategory["peers"] == 1, "the old contact still counts under its topic")
            #expect(figures.counselled.byAbuseForm["violence"] == 1)
        }
    }
}
