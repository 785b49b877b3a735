import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Registers children straight through the service, as a commune officer of their commune would.
@discardableResult
func makeChild(
    _ app: Application, _ fullName: String, commune: Int = Places.baDinh, sex: String = "female",
    dateOfBirth: String = "2015-09-05", personalID: String = "", caregiverPhone: String = ""
) async throws -> Child {
    var draft = ChildDraft()
    draft.fullName = fullName
    draft.sex = sex
    draft.dateOfBirth = dateOfBirth
    draft.communeCode = commune
    draft.personalID = personalID
    if !caregiverPhone.isEmpty {
        draft.caregivers = [.init(relation: "mother", fullName: "Mẹ của \(fullName)", phone: caregiverPhone)]
    }
    let principal = Principal(
        userID: UUID(), username: "test", fullName: "Test", role: .provincialOfficer, jurisdiction: .nation,
        mustChangePassword: false)
    return try await ChildService(database: app.db, principal: principal, actor: .system("test")).create(draft)
}

func childBody(
    _ fullName: String, commune: Int = Places.baDinh, dateOfBirth: String = "2015-09-05", extra: String = ""
) -> ByteBuffer {
    ByteBuffer(
        string:
            #"{"fullName":"\#(fullName)","sex":"female","dateOfBirth":"\#(dateOfBirth)","communeCode":\#(commune)\#(extra)}"#
    )
}

/// The names a search through the API returns, in its order.
func searchNames(_ app: Application, token: String, _ query: String) async throws -> [String] {
    let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
    let answer = try await app.testing().sendRequest(.GET, "/api/v1/children?q=\(encoded)", headers: bearer(token))
    #expect(answer.status == .ok)
    return try answer.content.decode(PageDTO<ChildDTO>.self).items.map(\.fullName)
}
