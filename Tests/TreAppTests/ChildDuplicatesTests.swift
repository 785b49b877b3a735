import Fluent
import Foundation
import Testing
import VaporTesting

@testable import TreApp

@Suite struct ChildDuplicatesTests {
    private struct DuplicateAnswer: Decodable {
        var error: APIErrorBody.Detail
        var duplicates: [ChildDTO]
    }

    @Test func aProbableDuplicateIsShownBeforeAnythingIsCreated() async throws {
        try await withTreApp { app in
            let existing = try await makeChild(app, "Huỳnh Thị Lan", dateOfBirth: "2015-09-05")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            let warned = try await app.testing().sendRequest(
                .POST, "/api/v1/children", headers: bearer(token, json: true),
                body: childBody("Hoàng Thị Lan", dateOfBirth: "2016-01-10"))
            #expect(warned.status == .conflict)
            let answer = try warned.content.decode(DuplicateAnswer.self)
            #expect(answer.error.code == "probable_duplicate")
            #expect(answer.duplicates.map(\.id) == [try existing.requireID()])
            #expect(try await Child.query(on: app.db).count() == 1)

            let confirmed = try await app.testing().sendRequest(
                .POST, "/api/v1/children", headers: bearer(token, json: true),
                body: childBody("Hoàng Thị Lan", dateOfBirth: "2016-01-10", extra: #","allowDuplicate":true"#))
            #expect(confirmed.status == .created)
        }
    }

    @Test func aSharedCaregiverPhoneLinksRecordsAcrossCommunes() async throws {
        try await withTreApp { app in
            try await makeChild(app, "Vũ Văn Minh", commune: Places.ngocHa, caregiverPhone: "0912345678")
            try await makeChild(app, "Vũ Văn Minh", commune: Places.ngocHa, dateOfBirth: "2010-01-01")
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let token = try await apiToken(app, "tinh1")
            let phone = #","caregivers":[{"relation":"father","fullName":"Võ Văn Hải","phone":"0912 345 678"}]"#
            let linked = try await app.testing().sendRequest(
                .POST, "/api/v1/children", headers: bearer(token, json: true),
                body: childBody("Võ Văn Minh", extra: phone))
            #expect(linked.status == .conflict)
            #expect(try linked.content.decode(DuplicateAnswer.self).duplicates.count == 1)
            let unrelated = try await app.testing().sendRequest(
                .POST, "/api/v1/children", headers: bearer(token, json: true), body: childBody("Võ Văn Minh"))
            #expect(unrelated.status == .created, "another commune, no shared phone: another child")
        }
    }

    @Test func aMergeKeepsBothHistories() async throws {
        try await withTreApp { app in
            let kept = try await makeChild(app, "Hoàng Thị Lan", dateOfBirth: "2015-09-05")
            let duplicate = try await makeChild(
                app, "Huỳnh Thị Lan", dateOfBirth: "2015-09-05", personalID: "001315012345",
                caregiverPhone: "0987654321")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            let merged = try await app.testing().sendRequest(
                .POST, "/api/v1/children/\(try duplicate.requireID())/merge", headers: bearer(token, json: true),
                body: ByteBuffer(string: #"{"into":"\#(try kept.requireID())"}"#))
            #expect(merged.status == .ok)
            let result = try merged.content.decode(ChildDTO.self)
            #expect(result.personalId == "001315012345")
            #expect(result.caregivers.map(\.phone) == ["0987654321"])
            #expect(try await searchNames(app, token: token, "lan") == ["Hoàng Thị Lan"])

            let history = try await AuditEntry.query(on: app.db).filter(\.$action == "child.merged").all()
            #expect(Set(history.compactMap(\.recordID)) == [kept.id?.uuidString, duplicate.id?.uuidString])
            let gone = try await app.testing().sendRequest(
                .GET, "/api/v1/children/\(try duplicate.requireID())", headers: bearer(token))
            #expect(gone.status == .notFound)
        }
    }
}
