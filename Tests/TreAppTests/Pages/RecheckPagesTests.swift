import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// The re-check (phúc tra): a provincial officer draws a reproducible sample of one commune of her province,
/// records what each household showed, and the round keeps its error rate; nobody outside the round's
/// jurisdiction sees it.
@Suite struct RecheckPagesTests {
    /// Eight children in Ba Đình, three in Ngọc Hà (Hà Nội), two in a commune of Cao Bằng.
    static func registry(_ app: Application) async throws -> (baDinh: [Child], elsewhere: [Child]) {
        var baDinh: [Child] = []
        for index in 1...8 {
            baDinh.append(
                try await makeChild(app, "Nguyễn Thị Ba Đình \(index)", dateOfBirth: "2016-01-0\(index)"))
        }
        var elsewhere: [Child] = []
        for index in 1...3 {
            elsewhere.append(try await makeChild(app, "Trần Văn Ngọc Hà \(index)", commune: Places.ngocHa))
        }
        let caoBang = try await Places.communeOfCaoBang(app)
        for index in 1...2 {
            elsewhere.append(try await makeChild(app, "Hoàng Văn Cao Bằng \(index)", commune: caoBang))
        }
        return (baDinh, elsewhere)
    }

    static func signedIn(_ app: Application, _ username: String) async throws -> WebClient {
        let web = WebClient(app)
        try await web.signIn(username)
        return web
    }

    static func roundID(from response: TestingHTTPResponse) throws -> UUID {
        let location = try #require(response.headers.first(name: .location))
        let id = try #require(location.split(separator: "/").dropFirst().first.map(String.init))
        return try #require(UUID(uuidString: String(id.prefix(36))))
    }

    @Test func aProvincialOfficerDrawsAReproducibleSampleOfOnlyThatCommune() async throws {
        try await withTreApp { app in
            let (baDinh, elsewhere) = try await Self.registry(app)
            try await makeAccount(app, "tinh.hanoi", role: .provincialOfficer, province: Places.haNoi)
            let web = try await Self.signedIn(app, "tinh.hanoi")

            let list = try await web.get("/rechecks")
            #expect(list.status == .ok && list.body.string.contains("Chọn mẫu phúc tra mới"))
            let drawn = try await web.post("/rechecks", ["communeCode": String(Places.baDinh), "size": "5"])
            #expect(drawn.status == .seeOther)
            let id = try Self.roundID(from: drawn)

            let round = try #require(try await RecheckRoundRecord.find(id, on: app.db))
            #expect(round.communeCode == Places.baDinh && round.provinceCode == Places.haNoi)
            #expect(round.size == 5 && round.candidates == 8 && round.status == "open")
            let items = try await RecheckItemRecord.query(on: app.db).filter(\.$round.$id == id).sort(\.$position).all()
            #expect(items.count == 5)
            let inBaDinh = Set(baDinh.compactMap(\.id))
            #expect(items.allSatisfy { inBaDinh.contains($0.childID) }, "only Ba Đình's children are drawn")
            #expect(Set(items.map(\.childID)).isDisjoint(with: Set(elsewhere.compactMap(\.id))))

            // The seed is kept and shown; the same seed over the same records draws the same sample.
            let seed = try #require(RecheckSample.seed(from: round.seed))
            let redrawn = RecheckSample.draw(candidates: Array(inBaDinh), size: 5, seed: seed)
            #expect(redrawn == items.map(\.childID))
            let page = try await web.get("/rechecks/\(id.uuidString)")
            #expect(page.status == .ok && page.body.string.contains(round.seed))
            #expect(page.body.string.contains("Phường Ba Đình") && page.body.string.contains("—"))

            let drawEntry = try await AuditEntry.query(on: app.db).filter(\.$action == "recheck.drawn").first()
            #expect(drawEntry?.recordID == id.uuidString && drawEntry?.details.contains("seed=\(round.seed)") == true)

            // Blank size: twenty, or all when the commune has fewer.
            let all = try await web.post("/rechecks", ["communeCode": String(Places.baDinh)])
            let allID = try Self.roundID(from: all)
            #expect(try await RecheckItemRecord.query(on: app.db).filter(\.$round.$id == allID).count() == 8)
        }
    }

    @Test func aCommuneOfAnotherProvinceOrABadSizeIsRefusedAndNothingIsDrawn() async throws {
        try await withTreApp { app in
            _ = try await Self.registry(app)
            let caoBang = try await Places.communeOfCaoBang(app)
            try await makeAccount(app, "tinh.hanoi", role: .provincialOfficer, province: Places.haNoi)
            let web = try await Self.signedIn(app, "tinh.hanoi")
            let outside = try await web.post("/rechecks", ["communeCode": String(caoBang), "size": "5"])
            #expect(outside.status == .forbidden)
            let tooBig = try await web.post("/rechecks", ["communeCode": String(Places.baDinh), "size": "500"])
            #expect(tooBig.status == .unprocessableEntity && tooBig.body.string.contains("Cỡ mẫu"))
            #expect(tooBig.body.string.contains(#"value="500""#), "what was typed is kept")
            #expect(try await RecheckRoundRecord.query(on: app.db).count() == 0)

            // The service itself never samples outside the writer's province, whatever it is asked.
            let principal = Principal(
                userID: UUID(), username: "tinh.hanoi", fullName: "Tỉnh", role: .provincialOfficer,
                jurisdiction: .province(provinceCode: Places.haNoi), mustChangePassword: false)
            let service = RecheckService(database: app.db, principal: principal, actor: .system("test"))
            await #expect(throws: JurisdictionError.self) {
                try await service.draw(communeCode: caoBang, size: "5")
            }
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) {
                    try await service.draw(communeCode: Places.baDinh, size: "5")
                }
            }
            #expect(try await RecheckRoundRecord.query(on: app.db).count() == 0)
            #expect(try await RecheckItemRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func findingsAreRecordedFieldByFieldAndTheRoundKeepsItsErrorRate() async throws {
        try await withTreApp { app in
            _ = try await Self.registry(app)
            try await makeAccount(app, "tinh.hanoi", role: .provincialOfficer, province: Places.haNoi)
            let web = try await Self.signedIn(app, "tinh.hanoi")
            let id = try Self.roundID(
                from: try await web.post("/rechecks", ["communeCode": String(Places.baDinh), "size": "5"]))
            let items = try await RecheckItemRecord.query(on: app.db).filter(\.$round.$id == id).sort(\.$position).all()
            let first = try #require(items.first)
            let child = try #require(try await Child.find(first.childID, on: app.db))
            let formPath = "/rechecks/\(id.uuidString)/children/\(first.childID.uuidString)"

            let viewsBefore = try await AuditEntry.query(on: app.db).filter(\.$action == "child.viewed").count()
            let form = try await web.get(formPath)
            #expect(form.status == .ok && form.body.string.contains(child.fullName))
            #expect(form.body.string.contains(#"type="radio" name="sex" value="differs""#))
            let view = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "child.viewed").sort(
                    \.$occurredAt, .descending
                )
                .all().first { $0.recordID == first.childID.uuidString })
            #expect(view.details == "recheck=\(id.uuidString)")
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "child.viewed").count() == viewsBefore + 1)

            let refused = try await web.post(formPath, ["sex": "maybe", "fullName": "agrees", "address_found": "Số 5"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Số 5"))

            let saved = try await web.post(
                formPath,
                ["full_name": "agrees", "sex": "differs", "sex_found": "Nam", "address": "agrees", "ethnicity": ""])
            #expect(saved.status == .seeOther)
            var round = try #require(try await RecheckRoundRecord.find(id, on: app.db))
            #expect(round.fieldsChecked == 3 && round.fieldsDiffering == 1)
            #expect(round.recordsChecked == 1 && round.recordsDiffering == 1)
            let stored = try #require(try await RecheckItemRecord.find(first.id, on: app.db))
            #expect(stored.findings.fields[.sex] == RecheckFieldFinding(.differs, found: "Nam"))
            #expect(stored.checkedOn != nil)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == "recheck.findings_recorded").all()
            #expect(audited.count == 1 && audited.first?.details.contains("differs=sex") == true)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "child.rechecked")
                    .filter(\.$recordID == first.childID.uuidString).count() == 1)

            let second = items[1]
            _ = try await web.get("/rechecks/\(id.uuidString)/children/\(second.childID.uuidString)")
            _ = try await web.post(
                "/rechecks/\(id.uuidString)/children/\(second.childID.uuidString)",
                [
                    "full_name": "agrees", "date_of_birth": "agrees", "sex": "agrees", "address": "agrees",
                    "caregiver": "agrees",
                ])
            round = try #require(try await RecheckRoundRecord.find(id, on: app.db))
            #expect(round.fieldsChecked == 8 && round.fieldsDiffering == 1 && round.recordsChecked == 2)
            let page = try await web.get("/rechecks/\(id.uuidString)")
            #expect(page.body.string.contains("12,5 %") && page.body.string.contains("50 %"))

            // The last re-check's error rate, for the data-quality page, at every level that holds it.
            for scope in [
                Jurisdiction.commune(provinceCode: Places.haNoi, communeCode: Places.baDinh),
                .province(provinceCode: Places.haNoi), .nation,
            ] {
                let last = try #require(try await RecheckQueries.lastErrorRate(scope: scope, on: app.db))
                #expect(last.rate == 0.125 && last.roundID == id && last.communeName == "Phường Ba Đình")
            }
            #expect(
                try await RecheckQueries.lastErrorRate(scope: .province(provinceCode: Places.caoBang), on: app.db)
                    == nil)
            #expect(
                try await RecheckQueries.lastErrorRate(
                    scope: .commune(provinceCode: Places.haNoi, communeCode: Places.ngocHa), on: app.db) == nil)

            // The province's data-quality page shows it, with a link to the round.
            let quality = try await web.get("/data-quality").body.string
            #expect(quality.contains("12,5 %") && quality.contains("href=\"/rechecks/\(id.uuidString)\""))

            let list = try await web.get("/rechecks")
            #expect(list.body.string.contains("12,5 %"))
            let csv = try await web.get("/rechecks.csv")
            #expect(
                csv.status == .ok && csv.body.string.contains("Phường Ba Đình") && csv.body.string.contains("12,5 %"))

            let sheet = try await web.get("/rechecks/\(id.uuidString)/sheet")
            #expect(
                sheet.status == .ok && sheet.body.string.contains(child.fullName) && sheet.body.string.contains("☐"))
            let sheetReads = try await AuditEntry.query(on: app.db).filter(\.$action == "child.viewed")
                .filter(\.$details == "recheck=\(id.uuidString)").count()
            #expect(sheetReads >= 2 + 5, "the form twice and the five children of the sheet")

            // Closed, the figures are final.
            let closed = try await web.post("/rechecks/\(id.uuidString)/close", [:])
            #expect(closed.status == .seeOther)
            let late = try await web.post(formPath, ["full_name": "differs"])
            #expect(late.status == .conflict)
            round = try #require(try await RecheckRoundRecord.find(id, on: app.db))
            #expect(round.status == "closed" && round.fieldsDiffering == 1)
        }
    }

    @Test func nobodyOutsideTheRoundsJurisdictionSeesItAndACommuneOnlyReads() async throws {
        try await withTreApp { app in
            _ = try await Self.registry(app)
            let caoBang = try await Places.communeOfCaoBang(app)
            try await makeAccount(app, "tinh.hanoi", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "tinh.caobang", role: .provincialOfficer, province: Places.caoBang)
            try await makeAccount(
                app, "xa.badinh", role: .communeOfficer, province: Places.haNoi, commune: Places.baDinh)
            try await makeAccount(
                app, "xa.ngocha", role: .communeOfficer, province: Places.haNoi, commune: Places.ngocHa)
            try await makeAccount(app, "xa.caobang", role: .communeOfficer, province: Places.caoBang, commune: caoBang)
            let hanoi = try await Self.signedIn(app, "tinh.hanoi")
            let id = try Self.roundID(
                from: try await hanoi.post("/rechecks", ["communeCode": String(Places.baDinh), "size": "5"]))
            let child = try #require(
                try await RecheckItemRecord.query(on: app.db).filter(\.$round.$id == id).first()?.childID)
            let round = "/rechecks/\(id.uuidString)"
            let form = "\(round)/children/\(child.uuidString)"

            for outsider in ["tinh.caobang", "xa.ngocha"] {
                let web = try await Self.signedIn(app, outsider)
                for path in [round, form, "\(round)/sheet"] {
                    #expect(try await web.get(path).status == .notFound, "\(outsider) \(path)")
                }
                let csv = try await web.get("/rechecks.csv")
                #expect(csv.status == .ok && !csv.body.string.contains("Ba Đình"), "\(outsider)")
                let list = try await web.get("/rechecks")
                #expect(!list.body.string.contains(round))
            }
            let caoBangOfficer = try await Self.signedIn(app, "tinh.caobang")
            #expect(try await caoBangOfficer.post(form, ["sex": "differs"]).status == .notFound)
            #expect(try await caoBangOfficer.post("\(round)/close", [:]).status == .notFound)

            // The commune's own officer reads its rounds but draws nothing and records nothing.
            let commune = try await Self.signedIn(app, "xa.badinh")
            let list = try await commune.get("/rechecks")
            #expect(list.status == .ok && list.body.string.contains(round))
            #expect(!list.body.string.contains("recheck-form"))
            #expect(try await commune.get(round).status == .ok)
            let readOnly = try await commune.get(form)
            #expect(readOnly.status == .ok && !readOnly.body.string.contains("save-recheck"))
            #expect(try await commune.post("/rechecks", ["communeCode": String(Places.baDinh)]).status == .forbidden)
            #expect(try await commune.post(form, ["sex": "differs"]).status == .forbidden)
            let untouched = try #require(try await RecheckRoundRecord.find(id, on: app.db))
            #expect(untouched.fieldsChecked == 0 && untouched.status == "open")
        }
    }
    @Test func anAdministratorTypesTheCommunesCodeToDraw() async throws {
        try await withTreApp { app in
            _ = try await Self.registry(app)
            try await makeAccount(app, "quantri", role: .admin)
            let web = try await Self.signedIn(app, "quantri")
            let list = try await web.get("/rechecks")
            #expect(list.status == .ok && list.body.string.contains(#"id="communeCode" name="communeCode""#))
            let id = try Self.roundID(
                from: try await web.post("/rechecks", ["communeCode": String(Places.ngocHa), "size": "5"]))
            let round = try #require(try await RecheckRoundRecord.find(id, on: app.db))
            #expect(round.communeCode == Places.ngocHa && round.candidates == 3)
            #expect(try await RecheckItemRecord.query(on: app.db).filter(\.$round.$id == id).count() == 3)
        }
    }
    @Test func findingsWhoseAuditEntryCannotBeWrittenAreNotKept() async throws {
        try await withTreApp { app in
            _ = try await Self.registry(app)
            let principal = Principal(
                userID: UUID(), username: "tinh.hanoi", fullName: "Tỉnh", role: .provincialOfficer,
                jurisdiction: .province(provinceCode: Places.haNoi), mustChangePassword: false)
            let service = RecheckService(database: app.db, principal: principal, actor: .system("test"))
            let round = try await service.draw(communeCode: Places.baDinh, size: "5")
            let file = try await RecheckQueries.file(of: round, for: principal, on: app.db)
            let entry = try #require(file.entries.first)
            let findings = RecheckRecordFindings([.sex: .init(.differs, found: "Nam")])
            try await whileAuditCannotBeWritten(app) {
                await #expect(throws: (any Error).self) { try await service.record(findings, for: entry, in: round) }
            }
            let kept = try #require(try await RecheckRoundRecord.find(round.id, on: app.db))
            #expect(kept.fieldsChecked == 0 && kept.fieldsDiffering == 0)
            let item = try #require(try await RecheckItemRecord.find(entry.item.id, on: app.db))
            #expect(item.findingsJSON.isEmpty && item.checkedOn == nil)
        }
    }
}
