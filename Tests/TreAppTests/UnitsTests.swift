import Testing
import VaporTesting

@testable import TreApp

@Suite struct UnitsTests {
    @Test func migrationsLoadThe2025MapWithTheRightCommunesPerProvince() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "phantich", role: .nationalAnalyst)
            let token = try await apiToken(app, "phantich")

            let provinces = try await app.testing().sendRequest(.GET, "/api/v1/units/provinces", headers: bearer(token))
            #expect(provinces.status == .ok)
            let list = try provinces.content.decode([ProvinceDTO].self)
            #expect(list.count == 34)
            #expect(list.reduce(0) { $0 + $1.communeCount } == 3321)
            #expect(list.first { $0.code == 1 }?.name == "Thành phố Hà Nội")
            #expect(list.first { $0.code == 1 }?.communeCount == 126)
            #expect(list.first { $0.code == 79 }?.communeCount == 168)
            #expect(list.first { $0.code == 4 }?.communeCount == 56)

            let communes = try await app.testing().sendRequest(
                .GET, "/api/v1/units/provinces/1/communes", headers: bearer(token))
            let haNoi = try communes.content.decode([CommuneDTO].self)
            #expect(haNoi.count == 126)
            #expect(haNoi.contains { $0.code == 4 && $0.name == "Phường Ba Đình" && $0.type == "phường" })
        }
    }

    @Test func theMapKnowsItsThreeKindsOfCommune() async throws {
        try await withTreApp { app in
            let kinds = try await Commune.query(on: app.db).all(\.$kind)
            #expect(kinds.filter { $0 == "xã" }.count == 2621)
            #expect(kinds.filter { $0 == "phường" }.count == 687)
            #expect(kinds.filter { $0 == "đặc khu" }.count == 13)
        }
    }

    @Test func anUnknownProvinceAnswersNotFoundAsJSON() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "phantich", role: .nationalAnalyst)
            let token = try await apiToken(app, "phantich")
            let response = try await app.testing().sendRequest(
                .GET, "/api/v1/units/provinces/999/communes", headers: bearer(token))
            #expect(response.status == .notFound)
            #expect(try response.content.decode(APIErrorBody.self).error.code == "unknown_province")
        }
    }

    @Test func unitsNeedASignedInCaller() async throws {
        try await withTreApp { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/units/provinces")
            #expect(response.status == .unauthorized)
            #expect(try response.content.decode(APIErrorBody.self).error.code == "sign_in_required")
        }
    }
}
