import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct ChildrenAPITests {
    @Test func aCommuneOfficerRegistersAChildOfHerCommune() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            let extra =
                #","personalId":"001315012345","caregivers":[{"relation":"mother","fullName":"Trần Thị Lan","phone":"+84 912 345 678"}]"#
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/children", headers: bearer(token, json: true),
                body: childBody("  Nguye\u{0302}\u{0303}n Thị   Thủy", extra: extra))
            #expect(answer.status == .created)
            let child = try answer.content.decode(ChildDTO.self)
            #expect(child.fullName == "Nguyễn Thị Thủy")
            #expect(child.givenName == "Thủy")
            #expect(child.provinceCode == Places.haNoi)
            #expect(child.isChild)
            #expect(child.caregivers.first?.phone == "0912345678")
            let actions = try await AuditEntry.query(on: app.db).filter(\.$recordType == "child").all(\.$action)
            #expect(actions == ["child.created"])
        }
    }

    @Test func registeringOutsideOnesCommuneIsRefusedAndSavesNothing() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/children", headers: bearer(token, json: true),
                body: childBody("Lê Văn Nam", commune: Places.ngocHa))
            #expect(answer.status == .forbidden)
            #expect(try answer.content.decode(APIErrorBody.self).error.code == "outside_jurisdiction")
            #expect(try await Child.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: [
        ("nguyen thi thuy", "Nguyễn Thị Thủy"), ("NGUYỄN THỊ THỦY", "Nguyễn Thị Thủy"),
        ("Nguyễn Thị Thuỷ", "Nguyễn Thị Thủy"),
        ("  nguyen   thi  ", "Nguyễn Thị Thủy"), ("Nguye\u{0302}\u{0303}n Thi\u{0323} Thu\u{0309}y", "Nguyễn Thị Thủy"),
        ("dang", "Đặng Văn Lâm"), ("ĐẶNG", "Đặng Văn Lâm"), ("an nguyen", "Nguyễn Văn An"), ("lam van", "Đặng Văn Lâm"),
    ])
    func aChildIsFoundHoweverTheNameIsTyped(query: String, expected: String) async throws {
        try await withTreApp { app in
            for name in ["Nguyễn Thị Thủy", "Đặng Văn Lâm", "Nguyễn Văn An", "Trần Thị Hoa"] {
                try await makeChild(app, name)
            }
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let names = try await searchNames(app, token: try await apiToken(app, "xa4"), query)
            #expect(names.contains(expected))
            #expect(!names.contains("Trần Thị Hoa"))
        }
    }

    @Test func anExactNameRanksBeforeAPrefixAndListsFollowVietnameseOrder() async throws {
        try await withTreApp { app in
            for name in ["Nguyễn Văn Anh", "Nguyễn Văn An", "Lê Thị Bình", "Đỗ Văn An"] {
                try await makeChild(app, name)
            }
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            #expect(try await searchNames(app, token: token, "nguyen van an") == ["Nguyễn Văn An", "Nguyễn Văn Anh"])
            #expect(try await searchNames(app, token: token, "an") == ["Đỗ Văn An", "Nguyễn Văn An", "Nguyễn Văn Anh"])
            #expect(
                try await searchNames(app, token: token, "") == [
                    "Đỗ Văn An", "Nguyễn Văn An", "Nguyễn Văn Anh", "Lê Thị Bình",
                ])
        }
    }

    @Test func aSearchForWordsMostNamesStartWithStopsCountingButFindsTheSameChildren() async throws {
        try await withTreApp { app in
            for name in ["Nguyễn Văn Cường", "Trần Nguyên Dũng", "Nguyễn Thị Bình", "Lê Thị Hoa", "Nguyễn Văn An"] {
                try await makeChild(app, name)
            }
            try await makeChild(app, "Nguyễn Văn Bảo", commune: Places.ngocHa)
            let officer = Jurisdiction.commune(provinceCode: Places.haNoi, communeCode: Places.baDinh)
            func search(_ query: String, cap: Int) async throws -> ChildQueries.Page {
                var filters = ChildFilters()
                filters.search = NameSearch(query)
                return try await ChildQueries.page(
                    in: officer, filters: filters, page: 1, per: 10, today: ChildAge.todayInVietnam(), searchCap: cap,
                    on: app.db)
            }
            let everyNguy = ["Nguyễn Văn An", "Nguyễn Thị Bình", "Nguyễn Văn Cường", "Trần Nguyên Dũng"]
            let counted = try await search("nguy", cap: 100)
            #expect(counted.items.map(\.fullName) == everyNguy)
            #expect(counted.total == 4 && !counted.totalIsCapped)

            let capped = try await search("nguy", cap: 3)
            #expect(capped.items.map(\.fullName) == everyNguy, "the same children, still only her commune's")
            #expect(capped.total == 3 && capped.totalIsCapped, "at least 3")

            let twoCommonWords = try await search("van nguyen", cap: 2)
            #expect(twoCommonWords.items.map(\.fullName) == ["Nguyễn Văn An", "Nguyễn Văn Cường"])
            #expect(twoCommonWords.totalIsCapped)
        }
    }

    @Test func aChildWhoseNameHasTheTypedWordTwiceIsCountedOnceAndEveryPageKnowsTheTotal() async throws {
        try await withTreApp { app in
            for name in ["Lê An Anh", "Trần Văn An", "Phạm Thị Ánh"] { try await makeChild(app, name) }
            let officer = Jurisdiction.commune(provinceCode: Places.haNoi, communeCode: Places.baDinh)
            func search(_ query: String, page: Int = 1, per: Int = 10, cap: Int) async throws -> ChildQueries.Page {
                var filters = ChildFilters()
                filters.search = NameSearch(query)
                return try await ChildQueries.page(
                    in: officer, filters: filters, page: page, per: per, today: ChildAge.todayInVietnam(),
                    searchCap: cap, on: app.db)
            }
            // Four name words start with "an" (An, Anh, An, Ánh) in three children: past a cap of 4 words
            // the children are counted, not the words.
            let twice = try await search("an", cap: 4)
            #expect(twice.total == 3 && !twice.totalIsCapped)
            #expect(twice.items.map(\.fullName) == ["Trần Văn An", "Lê An Anh", "Phạm Thị Ánh"])

            let secondPage = try await search("an", page: 2, per: 2, cap: 100)
            #expect(secondPage.items.map(\.fullName) == ["Phạm Thị Ánh"] && secondPage.total == 3)
            let pastTheEnd = try await search("an", page: 5, per: 2, cap: 100)
            #expect(pastTheEnd.items.isEmpty && pastTheEnd.total == 3, "a page past the end still says how many")
        }
    }

    @Test func nobodyReadsOrFindsAChildBeyondTheirJurisdiction() async throws {
        try await withTreApp { app in
            let caoBangCommune = try await Places.communeOfCaoBang(app)
            let thuy = try await makeChild(app, "Nguyễn Thị Thủy", commune: Places.baDinh)
            try await makeChild(app, "Nguyễn Thị Thu", commune: Places.ngocHa)
            try await makeChild(app, "Nguyễn Thị Thơ", commune: caoBangCommune)
            try await makeAccount(app, "xa8", role: .communeOfficer, commune: Places.ngocHa)
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "tinh4", role: .provincialOfficer, province: Places.caoBang)
            try await makeAccount(app, "quantri", role: .admin)

            let officer = try await apiToken(app, "xa8")
            #expect(try await searchNames(app, token: officer, "nguyen") == ["Nguyễn Thị Thu"])
            let read = try await app.testing().sendRequest(
                .GET, "/api/v1/children/\(try thuy.requireID())", headers: bearer(officer))
            #expect(read.status == .notFound)
            let edit = try await app.testing().sendRequest(
                .PUT, "/api/v1/children/\(try thuy.requireID())", headers: bearer(officer, json: true),
                body: childBody("Nguyễn Thị Thủy", commune: Places.ngocHa))
            #expect(edit.status == .notFound)
            let filtered = try await app.testing().sendRequest(
                .GET, "/api/v1/children?communeCode=\(Places.baDinh)", headers: bearer(officer))
            #expect(try filtered.content.decode(PageDTO<ChildDTO>.self).total == 0)

            #expect(
                Set(try await searchNames(app, token: try await apiToken(app, "tinh1"), "nguyen")) == [
                    "Nguyễn Thị Thủy", "Nguyễn Thị Thu",
                ])
            #expect(try await searchNames(app, token: try await apiToken(app, "tinh4"), "nguyen") == ["Nguyễn Thị Thơ"])
            let admin = try await app.testing().sendRequest(
                .GET, "/api/v1/children", headers: bearer(try await apiToken(app, "quantri")))
            #expect(admin.status == .forbidden)
        }
    }

    @Test func readingARecordIsAuditedAndACorrectionNamesTheFieldsChanged() async throws {
        try await withTreApp { app in
            let child = try await makeChild(app, "Nguyễn Thị Thủy")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            let read = try await app.testing().sendRequest(
                .GET, "/api/v1/children/\(try child.requireID())", headers: bearer(token))
            #expect(read.status == .ok)
            let corrected = try await app.testing().sendRequest(
                .PUT, "/api/v1/children/\(try child.requireID())", headers: bearer(token, json: true),
                body: childBody("Nguyễn Thị Thủy", extra: #","address":"Số 5 ngõ 12 Đội Cấn""#))
            #expect(corrected.status == .ok)
            #expect(try corrected.content.decode(ChildDTO.self).address == "Số 5 ngõ 12 Đội Cấn")
            let entries = try await AuditEntry.query(on: app.db).filter(\.$recordID == child.id?.uuidString)
                .filter(\.$actorUsername == "xa4").sort(\.$occurredAt).all()
            #expect(entries.map(\.action) == ["child.viewed", "child.updated"])
            #expect(entries.last?.details == "fields=address")
        }
    }

    @Test(arguments: [
        (#"{"fullName":"Lê Văn Nam","sex":"male","dateOfBirth":"2099-01-01","communeCode":4}"#, "birth_date_in_future"),
        (
            #"{"fullName":"Lê Văn Nam","sex":"male","dateOfBirth":"2019-02-30","communeCode":4}"#,
            "impossible_birth_date"
        ),
        (
            #"{"fullName":"Lê Văn Nam","sex":"male","dateOfBirth":"2019-02-03","communeCode":4,"personalId":"0012"}"#,
            "personal_id_malformed"
        ),
        (#"{"fullName":"12345","sex":"male","dateOfBirth":"2019-02-03","communeCode":4}"#, "name_without_letters"),
        (#"{"fullName":"Lê Văn Nam","sex":"male","dateOfBirth":"2019-02-03","communeCode":999999}"#, "unknown_commune"),
        (#"{"fullName":"Lê Văn Nam","sex":"male","communeCode":4}"#, "birth_required"),
        (#"{"fullName":"Lê Văn Nam","communeCode":4}"#, "invalid_input"),
        // Schemathesis found "" accepted as "not given" for a field whose contract lists its codes.
        (
            #"{"fullName":"Lê Văn Nam","sex":"male","dateOfBirth":"2019-02-03","communeCode":4,"schoolStatus":""}"#,
            "invalid_input"
        ),
    ])
    func badInputIsRefusedWithAReasonAndSavesNothing(body: String, code: String) async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/children", headers: bearer(try await apiToken(app, "xa4"), json: true),
                body: ByteBuffer(string: body))
            #expect((400..<500).contains(answer.status.code))
            #expect(try answer.content.decode(APIErrorBody.self).error.code == code)
            #expect(try await Child.query(on: app.db).count() == 0)
        }
    }

    @Test func aPersonalIDBelongsToOneChild() async throws {
        try await withTreApp { app in
            try await makeChild(app, "Nguyễn Thị Thủy", personalID: "001315012345")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/children", headers: bearer(try await apiToken(app, "xa4"), json: true),
                body: childBody("Lê Thị Hoa", extra: #","personalId":"001315012345""#))
            #expect(answer.status == .conflict)
            #expect(try answer.content.decode(APIErrorBody.self).error.code == "personal_id_taken")
        }
    }
}
