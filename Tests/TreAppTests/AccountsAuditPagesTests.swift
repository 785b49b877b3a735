import Foundation
import Testing
import TreDomain

@testable import TreApp

/// The accounts list, the account form and the audit trail built from fixtures, without HTTP or a database.
@Suite struct AccountsAuditPagesTests {
    static func account(
        _ username: String, role: Role, province: Int? = nil, commune: Int? = nil, disabled: Bool = false,
        mustChange: Bool = false
    ) -> UserAccount {
        let account = UserAccount()
        account.id = UUID()
        account.username = username
        account.fullName = "Nguyễn Văn \(username)"
        account.role = role.rawValue
        account.provinceCode = province
        account.communeCode = commune
        account.disabled = disabled
        account.mustChangePassword = mustChange
        return account
    }

    @Test func theAccountsListNamesPlacesStatusesAndKeepsTheSearchInItsLinks() {
        let officer = Self.account("xa.badinh", role: .communeOfficer, province: 1, commune: 4)
        let admin = Self.account("quantri", role: .admin, disabled: true)
        let newcomer = Self.account("moi", role: .provincialOfficer, province: 1, mustChange: true)
        let listing = AccountQueries.Listing(
            items: [officer, admin, newcomer], total: 120,
            names: JurisdictionNames(provinces: [1: "Thành phố Hà Nội"], communes: [4: "Phường Ba Đình"]))
        let page = AccountListPage(listing, search: "ba", paging: Paging(page: 2, per: 50), language: .vi)

        #expect(
            page.rows.map(\.jurisdiction) == [
                "Phường Ba Đình, Thành phố Hà Nội", UIStrings.text("nation", .vi), "Thành phố Hà Nội",
            ])
        #expect(page.rows.map(\.status) == ["active", "disabled", "mustChange"].map { UIStrings.text($0, .vi) })
        #expect(page.rows.map(\.role) == [Role.communeOfficer, .admin, .provincialOfficer].map { $0.label(.vi) })
        #expect(page.rows[0].href == "/admin/users/\(officer.id!.uuidString)")
        #expect(page.exportHref == "/admin/users.csv?q=ba")
        #expect(page.pager.previousHref == "/admin/users?q=ba&page=1")
        #expect(page.pager.nextHref == "/admin/users?q=ba&page=3")
        #expect(page.newHref == "/admin/users/new")
        #expect(page.searchAction == "/admin/users")
    }

    @Test func theAccountFormOffersActionsOnlyForAnExistingAccount() {
        let choices = CommuneChooser(
            query: "", provinceCode: nil,
            chosen: .init(code: 4, name: "Phường Ba Đình", province: "Thành phố Hà Nội"), matches: [], searched: false,
            provinces: [], language: .en, legend: "jurisdiction", provinceField: "provinceCode")
        let typed = AccountFormPage.Values(username: "moi", fullName: "Mới", role: "commune_officer", communeCode: "4")
        let new = AccountFormPage(account: nil, values: typed, chooser: choices, error: "Sai", language: .en)
        #expect(new.isNew)
        #expect(new.action == "/admin/users/new")
        #expect(new.actions == nil)
        #expect(new.roles.first { $0.selected }?.value == "commune_officer")
        #expect(new.form.username == "moi", "what was typed is shown again")
        #expect(new.chooser.chosen?.name == "Phường Ba Đình", "the commune is shown by name")
        #expect(new.chooser.provinceField == "provinceCode", "one province field: the account's")
        #expect(new.chooser.legend == "Jurisdiction")

        let disabled = Self.account("cu", role: .provincialOfficer, province: 1, disabled: true)
        let id = disabled.id!.uuidString
        let shown = AccountFormPage(
            account: disabled, values: .init(disabled), chooser: choices, language: .vi)
        #expect(!shown.isNew)
        #expect(shown.action == "/admin/users/\(id)/scope")
        #expect(shown.actions?.toggleDisabled == "/admin/users/\(id)/enable", "a disabled account is enabled")
        #expect(shown.actions?.password == "/admin/users/\(id)/password")
        #expect(shown.actions?.resetSecondFactor == "/admin/users/\(id)/second-factor/reset")
        #expect(shown.form.provinceCode == "1")
        let active = Self.account("moi", role: .provincialOfficer, province: 1)
        #expect(
            AccountFormPage(account: active, values: .init(active), chooser: choices, language: .vi).actions?
                .toggleDisabled == "/admin/users/\(active.id!.uuidString)/disable")
    }

    @Test func theTrailShowsWhoDidWhatAndWhetherEachEntryIsSealed() {
        func entry(_ action: String, record: String?, sequence: Int?, refused: Bool? = nil) -> AuditEntry {
            let entry = AuditEntry()
            entry.id = UUID()
            entry.occurredAt = Date(timeIntervalSince1970: 1_794_000_000)
            entry.actorUsername = "quantri"
            entry.action = action
            entry.recordType = "account"
            entry.recordID = record
            entry.sourceAddress = "10.0.0.7"
            entry.sequence = sequence
            entry.sealRefused = refused
            return entry
        }
        let trail = AuditQueries.Trail(
            entries: [
                entry("account.created", record: "abc", sequence: 7),
                entry("accounts.exported", record: nil, sequence: nil),
                entry("account.disabled", record: "def", sequence: nil, refused: true),
            ], total: 3)
        let page = AuditTrailPage(trail, search: "account", paging: Paging(page: 1, per: 50), language: .vi)
        #expect(page.rows.map(\.record) == ["Tài khoản: abc", "Tài khoản", "Tài khoản: def"])
        #expect(page.rows.map(\.action) == ["Tạo tài khoản", "Xuất danh sách tài khoản", "Khóa tài khoản"])
        let english = AuditTrailPage(trail, search: "account", paging: Paging(page: 1, per: 50), language: .en)
        #expect(english.rows.map(\.action) == ["Created an account", "Exported the accounts", "Disabled an account"])
        #expect(page.rows.map(\.sealed) == [true, false, false])
        #expect(page.rows.map(\.forged) == [false, false, true], "only a refused seal is shown as forged")
        #expect(page.rows.allSatisfy { $0.actor == "quantri" && $0.address == "10.0.0.7" })
        #expect(page.pager.total == 3)
        #expect(page.pager.nextHref == nil)
        #expect(page.searchAction == "/audit")
    }

    @Test func sessionsMarkTheOneInUseAndEndTheOthersByTheirOwnAddress() {
        func session(_ agent: String) -> AccountSession {
            let session = AccountSession()
            session.id = UUID()
            session.startedAt = Date(timeIntervalSince1970: 1_794_000_000)
            session.lastSeenAt = Date(timeIntervalSince1970: 1_794_000_600)
            session.address = "10.0.0.7"
            session.userAgent = agent
            return session
        }
        let here = session("Mozilla/5.0 (Windows NT 10.0) Chrome/130.0")
        let phone = session("Mozilla/5.0 (iPhone) Safari/604.1")
        let page = SecondFactorController.SessionsPage([here, phone], current: here.id)
        #expect(page.sessions.map(\.current) == [true, false])
        #expect(page.sessions.map(\.browser) == ["Chrome — Windows", "Safari — iPhone"])
        #expect(page.sessions[1].endAction == "/account/sessions/\(phone.id!.uuidString)/end")
        #expect(page.endOthersAction == "/account/sessions/end-others")
    }
}
