import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Issue 16, "one language at a time": the statutory sub-groups of special circumstances read in the
/// page's language, on the child's page and in its form, as in the reference list of the API.
@Suite struct SubgroupLanguageTests {
    static let orphanVI = "Trẻ em mồ côi cả cha và mẹ không có người chăm sóc."
    static let orphanEN = "A child orphaned of both parents who has no carer."

    @Test func aChildOrphanedOfBothParentsReadsInEnglishWithNoVietnameseSubgroupText() async throws {
        try await withTreApp { app in
            let child = try await makeChild(app, "Nguyễn Thị Lan")
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let page = "/children/\(try child.requireID().uuidString)"
            try await officer.get(page)
            let added = try await officer.post(
                page + "/circumstances", ["subgroup": "a.1", "startDate": "15/01/2026", "evidence": "Giấy chứng tử"])
            #expect(added.status == .seeOther)

            let vietnamese = try await officer.get(page).body.string
            #expect(vietnamese.contains("1. " + Self.orphanVI))
            #expect(!vietnamese.contains(Self.orphanEN))

            try await officer.get("/lang/en?back=" + page)
            let english = try await officer.get(page).body.string
            #expect(english.contains("a) Orphaned of both parents"))
            #expect(english.contains("1. " + Self.orphanEN), "the recorded sub-group")
            #expect(english.contains("a.1 Orphaned of both parents: " + Self.orphanEN), "the form's choice")
            let shipped = try await CircumstanceSubgroupRecord.all(on: app.db)
            #expect(shipped.count == 48)
            let shown = shipped.filter { english.contains($0.name.vi) }.map { "\($0.groupCode).\($0.number)" }
            #expect(shown.isEmpty, "Vietnamese sub-group text on an English page: \(shown)")
            #expect(shipped.allSatisfy { english.contains($0.name.en) }, "every choice in English")
        }
    }

    @Test func theAPIListsSubgroupsInTheReadersLanguage() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let token = try await apiToken(app, "xa4")
            struct Subgroup: Decodable {
                var groupCode: String
                var subgroupNumber: Int
                var name: String
            }
            func first(_ language: String) async throws -> Subgroup? {
                var headers = bearer(token)
                headers.add(name: .acceptLanguage, value: language)
                let answer = try await app.testing().sendRequest(
                    .GET, "/api/v1/reference/special-circumstances", headers: headers)
                return try answer.content.decode([Subgroup].self).first
            }
            #expect(try await first("en")?.name == Self.orphanEN)
            #expect(try await first("vi")?.name == Self.orphanVI)
        }
    }

    /// A database made before the English names existed (the column empty) gets them from the shipped list.
    @Test func anExistingDatabaseIsFilledFromTheShippedList() async throws {
        try await withTreApp { app in
            try await CircumstanceSubgroupRecord.query(on: app.db).set(\.$subgroupNameEN, to: nil).update()
            let before = try await CircumstanceSubgroupRecord.all(on: app.db)
            #expect(before.first?.name(.en) == Self.orphanVI, "without its English a row reads in Vietnamese")
            try await AddSubgroupNamesInEnglish.fill(on: app.db)
            let records = try await CircumstanceSubgroupRecord.query(on: app.db).all()
            #expect(records.count == 48)
            #expect(records.allSatisfy { ($0.subgroupNameEN ?? "").hasPrefix("A") })
            let orphan = records.first { $0.groupCode == "a" && $0.subgroupNumber == 1 }
            #expect(orphan?.subgroupNameEN == Self.orphanEN)
            #expect(orphan?.subgroupName == Self.orphanVI)
        }
    }
}
