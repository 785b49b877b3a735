import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Issue 17, "household entry": a household book's page typed in one form (the household once, a line per
/// child), saved whole or not at all, every refused value and problem shown back beside its line.
@Suite struct HouseholdEntryTests {
    static let path = "/children/household"

    /// The household of the examples: an address, a mother and a father.
    static func household(commune: Int = Places.baDinh) -> [String: String] {
        [
            "communeCode": String(commune), "address": "Tổ 5, số 12 ngõ Giếng", "caregiver0Relation": "mother",
            "caregiver0Name": "Trần Thị Mai", "caregiver0Phone": "0912345678", "caregiver1Relation": "father",
            "caregiver1Name": "Lê Văn Nam", "caregiver1Phone": "0987654321", "lines": "5",
        ]
    }

    static func line(_ index: Int, _ name: String, _ sex: String, _ born: String, ethnicity: String = "01")
        -> [String: String]
    {
        [
            "child\(index)FullName": name, "child\(index)Sex": sex, "child\(index)DateOfBirth": born,
            "child\(index)EthnicityCode": ethnicity,
        ]
    }

    static func signedIn(_ app: Application, _ username: String = "xa4") async throws -> WebClient {
        try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
        let officer = WebClient(app)
        try await officer.signIn(username)
        return officer
    }

    /// The part of the page that shows line `index` (from its fieldset to the next one).
    static func lineSection(_ body: String, _ index: Int) -> String {
        guard let start = body.range(of: "id=\"line-\(index)\"") else { return "" }
        let end = body.range(of: "id=\"line-\(index + 1)\"", range: start.upperBound..<body.endIndex)
        return String(body[start.lowerBound..<(end?.lowerBound ?? body.endIndex)])
    }

    @Test func aCommuneOfficerEntersAHouseholdOfThreeChildrenWithItsAddressAndCaregivers() async throws {
        try await withTreApp { app in
            let officer = try await Self.signedIn(app)
            let list = try await officer.get("/children").body.string
            #expect(list.contains("href=\"\(Self.path)\""), "the list offers the household form")
            let empty = try await officer.get(Self.path)
            #expect(empty.status == .ok)
            #expect(empty.body.string.contains("Phường Ba Đình"), "the officer's commune is implied")
            #expect(empty.body.string.contains("name=\"child4FullName\""), "five empty lines")
            #expect(!empty.body.string.contains("name=\"child5FullName\""))

            var fields = Self.household()
            fields.merge(Self.line(0, "Lê Thị Hoa", "female", "05/09/2015")) { $1 }
            fields.merge(Self.line(1, "Lê Văn Bình", "male", "2018")) { $1 }  // the book gives only the year
            fields.merge(Self.line(3, "Lê Thị Cúc", "female", "12/01/2021")) { $1 }  // line 3 left empty
            fields["child3PersonalId"] = "001321012345"
            let saved = try await officer.post(Self.path, fields)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            #expect(location.hasPrefix(Self.path + "?saved="))

            let children = try await Child.query(on: app.db).sort(\.$fullName).all()
            #expect(children.map(\.fullName) == ["Lê Thị Cúc", "Lê Thị Hoa", "Lê Văn Bình"])
            #expect(children.allSatisfy { $0.address == "Tổ 5, số 12 ngõ Giếng" && $0.communeCode == Places.baDinh })
            #expect(children.first?.personalID == "001321012345")
            #expect(children.last?.birthDate == nil && children.last?.birthYear == 2018, "an estimated year")
            let caregivers = try await ChildCaregiver.query(on: app.db).all()
            #expect(caregivers.count == 6)
            for child in children {
                let own = caregivers.filter { $0.$child.id == child.id }.map {
                    "\($0.relation) \($0.fullName) \($0.phone)"
                }
                #expect(own.sorted() == ["father Lê Văn Nam 0987654321", "mother Trần Thị Mai 0912345678"])
            }
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == "child.created").all()
            #expect(Set(audited.compactMap(\.recordID)) == Set(children.compactMap { $0.id?.uuidString }))
            #expect(audited.allSatisfy { $0.details == "household" && $0.actorUsername == "xa4" })

            let after = try await officer.get(location).body.string
            #expect(after.contains("Số trẻ của hộ đã lưu: 3"))
            for child in children {
                #expect(after.contains("href=\"/children/\(try child.requireID().uuidString)\""))
            }
            #expect(!after.contains("Tổ 5, số 12 ngõ Giếng"), "the form is empty for the next household")
        }
    }

    @Test func oneImpossibleDateSavesNothingAndShowsEveryValueBackWithTheErrorAtItsLine() async throws {
        try await withTreApp { app in
            let officer = try await Self.signedIn(app)
            try await officer.get(Self.path)
            var fields = Self.household()
            fields.merge(Self.line(0, "Phạm Thị Hằng", "female", "05/09/2015")) { $1 }
            fields.merge(Self.line(1, "Phạm Văn Đức", "male", "30/02/2019", ethnicity: "04")) { $1 }
            fields.merge(Self.line(2, "Phạm Thị Lụa", "female", "01/06/2020")) { $1 }
            fields["child2PersonalId"] = "001320012345"
            let refused = try await officer.post(Self.path, fields)

            #expect(refused.status == .unprocessableEntity)
            #expect(try await Child.query(on: app.db).count() == 0, "nothing saved")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "child.created").count() == 0)
            let body = refused.body.string
            #expect(body.contains("Chưa lưu trẻ nào"))
            for typed in [
                "Tổ 5, số 12 ngõ Giếng", "Trần Thị Mai", "0912345678", "Lê Văn Nam", "0987654321", "Phạm Thị Hằng",
                "05/09/2015", "Phạm Văn Đức", "30/02/2019", "Phạm Thị Lụa", "01/06/2020", "001320012345",
            ] {
                #expect(body.contains("value=\"\(typed)\""), "\(typed) shown back")
            }
            #expect(body.contains("<option value=\"mother\" selected>"))
            #expect(body.contains("<option value=\"04\" selected>"), "the second child's ethnicity kept")
            let message = "Ngày sinh không có thật trên lịch."
            #expect(Self.lineSection(body, 1).contains(message), "the error beside the second line")
            #expect(!Self.lineSection(body, 0).contains(message))
            #expect(!Self.lineSection(body, 2).contains(message))
            #expect(!body.contains("The date of birth is not a real calendar date."))

            fields["child1DateOfBirth"] = "28/02/2019"
            let corrected = try await officer.post(Self.path, fields)
            #expect(corrected.status == .seeOther)
            #expect(try await Child.query(on: app.db).count() == 3)
        }
    }

    @Test func aCommuneOfficerCannotEnterAHouseholdInAnotherCommune() async throws {
        try await withTreApp { app in
            let officer = try await Self.signedIn(app)
            try await officer.get(Self.path)
            var fields = Self.household(commune: Places.ngocHa)
            fields.merge(Self.line(0, "Hoàng Thị Nga", "female", "05/09/2015")) { $1 }
            let refused = try await officer.post(Self.path, fields)
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("nằm ngoài phạm vi"))
            #expect(try await Child.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "child.created").count() == 0)

            // The list of what was saved shows nothing of another commune, even from a passed-on link.
            let elsewhere = try await makeChild(app, "Đinh Văn Khoa", commune: Places.ngocHa)
            let page = try await officer.get(Self.path + "?saved=" + (try elsewhere.requireID().uuidString))
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("Đinh Văn Khoa"))
        }
    }

    @Test func aProvincialOfficerChoosesTheCommuneAndAddsLinesWithoutScript() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            let officer = WebClient(app)
            try await officer.signIn("tinh1")
            let empty = try await officer.get(Self.path).body.string
            #expect(empty.contains("<select id=\"communeCode\" name=\"communeCode\" required autofocus"))
            #expect(empty.contains("Phường Ngọc Hà") && empty.contains("Phường Ba Đình"))

            var fields = Self.household(commune: Places.ngocHa)
            fields.merge(Self.line(4, "Vũ Thị Yến", "female", "05/09/2015")) { $1 }
            fields["addLines"] = "1"
            let more = try await officer.post(Self.path, fields)
            #expect(more.status == .ok)
            #expect(try await Child.query(on: app.db).count() == 0, "adding lines saves nothing")
            #expect(more.body.string.contains("name=\"child9FullName\""))
            #expect(!more.body.string.contains("name=\"child10FullName\""))
            #expect(more.body.string.contains("value=\"Vũ Thị Yến\""))

            fields["addLines"] = nil
            fields["lines"] = "10"
            fields.merge(Self.line(9, "Vũ Văn Tùng", "male", "01/01/2012")) { $1 }
            let saved = try await officer.post(Self.path, fields)
            #expect(saved.status == .seeOther)
            let children = try await Child.query(on: app.db).all()
            #expect(children.count == 2)
            #expect(children.allSatisfy { $0.communeCode == Places.ngocHa && $0.provinceCode == Places.haNoi })
        }
    }

    @Test func moreChildrenThanAnEntryTakesAreRefusedWithAClearMessage() async throws {
        try await withTreApp { app in
            let officer = try await Self.signedIn(app)
            try await officer.get(Self.path)
            var fields = Self.household()
            for index in 0...20 {
                fields.merge(Self.line(index, "Trẻ số \(index + 1)", "female", "01/01/2015")) { $1 }
            }
            let refused = try await officer.post(Self.path, fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Mỗi lần nhập tối đa 20 trẻ (đang có 21)"))
            #expect(try await Child.query(on: app.db).count() == 0)

            let none = try await officer.post(Self.path, Self.household())
            #expect(none.status == .unprocessableEntity)
            #expect(none.body.string.contains("Chưa có trẻ nào"))
        }
    }

    @Test func aProbableDuplicateIsShownAtItsLineAndConfirmedThere() async throws {
        try await withTreApp { app in
            _ = try await makeChild(app, "Nguyễn Thị Lan", dateOfBirth: "2015-09-05")
            let officer = try await Self.signedIn(app)
            try await officer.get(Self.path)
            var fields = Self.household()
            fields.merge(Self.line(0, "Nguyễn Văn An", "male", "01/01/2013")) { $1 }
            fields.merge(Self.line(1, "Nguyễn Thị Lan", "female", "05/09/2015")) { $1 }
            fields.merge(Self.line(2, "Nguyễn Văn Tú", "male", "31/11/2016")) { $1 }
            // The duplicate and the other line's problem are shown in the same round.
            let both = try await officer.post(Self.path, fields)
            #expect(both.status == .unprocessableEntity)
            #expect(Self.lineSection(both.body.string, 1).contains("name=\"child1ConfirmNew\""))
            #expect(Self.lineSection(both.body.string, 2).contains("Ngày sinh không có thật trên lịch."))

            fields["child2DateOfBirth"] = "30/11/2016"
            let asked = try await officer.post(Self.path, fields)
            #expect(asked.status == .conflict)
            #expect(try await Child.query(on: app.db).count() == 1, "nothing saved yet")
            #expect(asked.body.string.contains("Một số trẻ có thể đã có hồ sơ"))
            #expect(Self.lineSection(asked.body.string, 1).contains("name=\"child1ConfirmNew\""))
            #expect(!Self.lineSection(asked.body.string, 0).contains("ConfirmNew"))
            #expect(!asked.body.string.contains("allowDuplicate"), "the API's words are not the page's")

            fields["child1ConfirmNew"] = "1"
            let saved = try await officer.post(Self.path, fields)
            #expect(saved.status == .seeOther)
            #expect(try await Child.query(on: app.db).count() == 4)
        }
    }

    @Test func theSamePersonalIDOnTwoLinesOrAlreadyRegisteredIsRefusedAtItsLine() async throws {
        try await withTreApp { app in
            _ = try await makeChild(
                app, "Trịnh Văn Sơn", sex: "male", dateOfBirth: "2012-01-01", personalID: "001212000001")
            let officer = try await Self.signedIn(app)
            try await officer.get(Self.path)
            var fields = Self.household()
            fields.merge(Self.line(0, "Bùi Thị Mơ", "female", "05/09/2015")) { $1 }
            fields.merge(Self.line(1, "Bùi Thị Mận", "female", "06/10/2015")) { $1 }
            fields.merge(Self.line(2, "Bùi Văn Sơn", "male", "01/01/2012")) { $1 }
            fields["child0PersonalId"] = "001315000002"
            fields["child1PersonalId"] = "001315000002"
            fields["child2PersonalId"] = "001212000001"
            let refused = try await officer.post(Self.path, fields)
            #expect(refused.status == .unprocessableEntity)
            let body = refused.body.string
            #expect(!Self.lineSection(body, 0).contains("field-error"))
            #expect(Self.lineSection(body, 1).contains("đã ghi cho một trẻ khác ở dòng trên"))
            #expect(Self.lineSection(body, 2).contains("đã có trong hồ sơ một trẻ khác"))
            #expect(try await Child.query(on: app.db).count() == 1)
        }
    }

    @Test func theHouseholdIsNotKeptWithoutItsAuditEntries() async throws {
        try await withTreApp { app in
            let officer = try await Self.signedIn(app)
            try await officer.get(Self.path)
            var fields = Self.household()
            fields.merge(Self.line(0, "Mai Thị Hương", "female", "05/09/2015")) { $1 }
            fields.merge(Self.line(1, "Mai Văn Hải", "male", "06/10/2016")) { $1 }
            try await whileAuditCannotBeWritten(app) {
                let failed = try await officer.post(Self.path, fields)
                #expect(failed.status.code >= 500)
            }
            #expect(try await Child.query(on: app.db).count() == 0)
            #expect(try await ChildCaregiver.query(on: app.db).count() == 0)
        }
    }

    /// What a reader sees of a page: its text without the markup (field names such as `caregiver0Phone` are
    /// not English shown to anyone).
    static func visibleText(_ page: String) -> String {
        page.replacingOccurrences(of: #"<[^>]*>"#, with: "\n", options: .regularExpression)
    }

    /// Every word the household template asks for, in the other language, plus the choices' labels.
    static func words(of language: Language) throws -> [String] {
        let template = try String(
            contentsOf: TemplateTests.views.appendingPathComponent("children/household.leaf"), encoding: .utf8)
        let keys = template.matches(of: #/layout\.t\.(\w+)/#).map { String($0.output.1) }
        let fromTable = keys.compactMap { UIStrings.all[$0] }.filter { $0.vi != $0.en }.map { $0(language) }
        let choices =
            CaregiverRelation.allCases.map { $0.label(language) } + (language == .en ? ["Female", "Male"] : [])
        return Array(Set(fromTable + choices)).filter { $0.count > 3 }
    }

    @Test func theVietnamesePageHasNoEnglishAndTheEnglishPageNoVietnamese() async throws {
        try await withTreApp { app in
            let officer = try await Self.signedIn(app)
            var fields = Self.household()
            fields.merge(Self.line(0, "Đào Thị Hoa", "female", "31/04/2015")) { $1 }
            try await officer.get(Self.path)
            let vietnamese = [
                try await officer.get(Self.path).body.string, try await officer.post(Self.path, fields).body.string,
            ]
            let english = try Self.words(of: .en)
            #expect(english.count > 20)
            for page in vietnamese.map(Self.visibleText) {
                #expect(page.contains("Nhập theo hộ gia đình"))
                let found = english.filter { page.contains($0) }
                #expect(found.isEmpty, "English on the Vietnamese page: \(found)")
            }

            try await officer.get("/lang/en?back=" + Self.path)
            let inEnglish = Self.visibleText(try await officer.get(Self.path).body.string)
            #expect(inEnglish.contains("Enter a household"))
            let vietnameseWords = try Self.words(of: .vi)
            let found = vietnameseWords.filter { inEnglish.contains($0) }
            #expect(found.isEmpty, "Vietnamese on the English page: \(found)")
        }
    }
}
