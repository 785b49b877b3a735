import Foundation
import Testing
import TreDomain

@testable import TreApp

/// The registry's pages built from fixtures, without HTTP or a database: what each reader sees of a child.
@Suite struct ChildPagesTests {
    static let today = (year: 2026, month: 11, day: 29)

    static func child(_ fullName: String, born: String = "2015-09-05", commune: Int = 4) throws -> Child {
        var draft = ChildDraft()
        draft.fullName = fullName
        draft.sex = "female"
        draft.dateOfBirth = born
        draft.communeCode = commune
        let child = Child()
        child.id = UUID()
        child.apply(try draft.validate(today: today).get(), provinceCode: 1)
        return child
    }

    static func file(_ child: Child, duplicates: [Child] = []) -> ChildRecordFile {
        let circumstance = ChildCircumstance()
        circumstance.id = UUID()
        circumstance.groupCode = "a"
        circumstance.subgroupNumber = 1
        circumstance.startDate = "2026-01-15"
        circumstance.evidence = "Giấy chứng tử của cha mẹ"
        let entry = AuditEntry()
        entry.occurredAt = Date(timeIntervalSince1970: 1_780_000_000)
        entry.actorUsername = "xa4"
        entry.action = "child.created"
        entry.details = ""
        return ChildRecordFile(
            child: child, caregivers: [], communeName: "Phường Ba Đình", duplicates: duplicates,
            duplicateCommunes: [4: "Phường Ba Đình"], history: [entry],
            subgroups: [
                CircumstanceSubgroup(
                    groupCode: "a", groupName: LocalizedText(vi: "Trẻ em mồ côi", en: "Orphans"), number: 1,
                    name: LocalizedText(
                        vi: "Trẻ em mồ côi cả cha và mẹ không có người chăm sóc.",
                        en: "A child orphaned of both parents who has no carer."), source: "")
            ], circumstances: [circumstance], supports: [], injuries: [], inspections: [])
    }

    @Test func aCommuneOfficerSeesTheRecordWithItsActionsInOneLanguage() throws {
        let child = try Self.child("Nguyễn Thị Hoa")
        let id = try #require(child.id)
        let duplicate = try Self.child("Nguyen Thi Hoa")
        let page = ChildRecordPage(
            Self.file(child, duplicates: [duplicate]), role: .communeOfficer, language: .vi, today: Self.today)

        #expect(page.fullName == "Nguyễn Thị Hoa")
        #expect(page.facts.first { $0.label == "Tuổi" }?.value == "11")
        #expect(page.facts.contains { $0.value == "Phường Ba Đình" })
        #expect(page.isChild)
        #expect(page.editHref == "/children/\(id.uuidString)/edit")
        #expect(page.mergeAction == "/children/\(id.uuidString)/merge")
        #expect(page.duplicates.map(\.fullName) == ["Nguyen Thi Hoa"])
        #expect(page.circumstances.canEdit)
        #expect(page.circumstances.items.first?.group == "a) Trẻ em mồ côi")
        #expect(page.circumstances.items.first?.subgroup == "1. Trẻ em mồ côi cả cha và mẹ không có người chăm sóc.")
        #expect(page.circumstances.items.first?.open == true)
        #expect(page.circumstances.circumstanceAction == "/children/\(id.uuidString)/circumstances")
        #expect(page.timeline.map(\.actor) == ["xa4"])
    }

    @Test func theHistorySaysWhatWasDoneAndCountsOnePersonsViewsOfADayOnce() throws {
        func entry(_ action: String, _ actor: String, _ seconds: TimeInterval) -> AuditEntry {
            let entry = AuditEntry()
            entry.occurredAt = Date(timeIntervalSince1970: 1_780_000_000 - seconds)
            entry.actorUsername = actor
            entry.action = action
            entry.details = ""
            return entry
        }
        // Newest first, as stored: three views by xa4 that day, one by tinh1, then the change and the creation.
        let history = [
            entry("child.viewed", "xa4", 0), entry("child.viewed", "tinh1", 60), entry("child.viewed", "xa4", 120),
            entry("child.viewed", "xa4", 180), entry("child.updated", "xa4", 240), entry("child.created", "xa4", 300),
            entry("child.viewed", "xa4", 90_000),
        ]
        let vi = ChildRecordPage.timeline(history, people: ["xa4": "Lê Thị Hoa"], language: .vi)
        #expect(
            vi.map(\.action) == [
                "Xem hồ sơ trẻ em (3 lần)", "Xem hồ sơ trẻ em", "Sửa hồ sơ trẻ em", "Tạo hồ sơ trẻ em",
                "Xem hồ sơ trẻ em",
            ])
        #expect(vi.map(\.actor).prefix(2) == ["Lê Thị Hoa (xa4)", "tinh1"], "people by name, where known")
        let en = ChildRecordPage.timeline(history, language: .en)
        #expect(en.first?.action == "Viewed the record (3 times)")
        #expect(!en.contains { $0.action.contains(".") }, "no code shows through")
    }

    @Test func aCommuneChairMayReadAndReportButNotChangeOrMerge() throws {
        let child = try Self.child("Trần Văn Nam")
        let duplicate = try Self.child("Tran Van Nam")
        let page = ChildRecordPage(
            Self.file(child, duplicates: [duplicate]), role: .communeChair, language: .en, today: Self.today)

        #expect(page.editHref == nil)
        #expect(page.duplicates.isEmpty)
        #expect(page.reportHref?.hasSuffix("?child=\(try #require(child.id).uuidString)") == true)
        #expect(!page.circumstances.canEdit)
        #expect(page.facts.first?.label == "Sex")
        #expect(page.circumstances.items.first?.group == "a) Orphans")
        #expect(page.circumstances.items.first?.subgroup == "1. A child orphaned of both parents who has no carer.")
        #expect(
            page.circumstances.subgroups.map(\.label) == [
                "a.1 Orphans: A child orphaned of both parents who has no carer."
            ])
    }

    @Test func aRefusedFormIsShownWithWhatWasTypedAndTheProblemAtItsField() throws {
        var form = ChildForm()
        form.fullName = "Lê Minh"
        let refusal = Refusal(
            FieldErrors(errors: [
                FieldError(
                    field: "dateOfBirth", code: "future", message: LocalizedText(vi: "Ngày sinh sau hôm nay.", en: "x"))
            ]), language: .vi)
        let page = ChildFormPage(
            form: form, child: nil, communes: [], duplicates: [], duplicateCommunes: [:], refusal: refusal,
            language: .vi, today: Self.today)

        #expect(page.isNew)
        #expect(page.action == "/children/new")
        #expect(page.form.fullName == "Lê Minh")
        #expect(page.errors == ["dateOfBirth": "Ngày sinh sau hôm nay."])
        #expect(refusal.status == .unprocessableEntity)
    }

    @Test func theListLinksEachRowAndKeepsItsFiltersInTheExportLink() throws {
        let child = try Self.child("Phạm Thu")
        let data = ChildListData(
            page: .init(items: [child], total: 1), communeNames: [4: "Phường Ba Đình"], communes: [], subgroups: [])
        let page = ChildListPage(
            data, filters: ChildFilters(), query: ["q": "thu"], paging: Paging(page: 1, per: 50),
            role: .provincialOfficer, language: .vi, today: Self.today)
        #expect(page.rows.map(\.href) == ["/children/\(try #require(child.id).uuidString)"])
        #expect(page.rows.first?.commune == "Phường Ba Đình")
        #expect(page.exportHref == "/children.csv?q=thu")
        #expect(page.canCreate)

        let counsellor = ChildListPage(
            data, filters: ChildFilters(), query: [:], paging: Paging(page: 1, per: 50), role: .hotlineCounsellor,
            language: .vi, today: Self.today)
        #expect(!counsellor.canCreate)
        #expect(counsellor.exportHref == nil)
    }
}
