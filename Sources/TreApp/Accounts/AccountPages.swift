import Foundation
import TreDomain

/// The administrator's list of accounts: who they are, their role, their place, whether they may sign in.
struct AccountListPage: Encodable {
    struct Row: Encodable, Equatable {
        var href: String
        var username: String
        var fullName: String
        var role: String
        var jurisdiction: String
        var status: String
    }

    var rows: [Row]
    var q: String
    var pager: PagerModel
    var exportHref: String
    var newHref = SiteURL.accounts(.newUser).path
    var searchAction = SiteURL.accounts(.users).path

    init(_ listing: AccountQueries.Listing, search q: String, paging: Paging, language: Language) {
        rows = listing.items.map { account in
            Row(
                href: SiteURL.accounts(.user(.value(account.id ?? UUID()))).path, username: account.username,
                fullName: account.fullName, role: account.roleValue.label(language),
                jurisdiction: listing.names.describe(account.jurisdiction, language),
                status: UIStrings.text(
                    account.disabled ? "disabled" : account.mustChangePassword ? "mustChange" : "active", language))
        }
        self.q = q
        pager = PagerModel(paging, total: listing.total, path: SiteURL.accounts(.users).path, query: ["q": q])
        exportHref = SiteURL.accounts(.usersExport).link(["q": q])
    }
}

/// The form that creates an account, or shows one with its actions: re-scope, reset the password,
/// disable or enable, reset the second factor.
struct AccountFormPage: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// What the form shows in its fields: what was stored, or what was typed when refused.
    struct Values: Encodable {
        var username = ""
        var fullName = ""
        var role = ""
        var provinceCode = ""
        var communeCode = ""
    }

    /// The actions on an existing account.
    struct Actions: Encodable {
        var password: String
        var toggleDisabled: String
        var resetSecondFactor: String
    }

    var action: String
    var isNew: Bool
    var account: AccountDTO?
    var form: Values
    var roles: [Option]
    /// The province (of a provincial officer, or narrowing the commune search) and the commune, chosen by name.
    var chooser: CommuneChooser
    /// The chooser's field errors (none: the account service's refusals name no field).
    var errors: [String: String] = [:]
    var error: String?
    var actions: Actions?

    init(account: UserAccount?, values: Values, chooser: CommuneChooser, error: String? = nil, language: Language) {
        let id = account?.id ?? UUID()
        action = account == nil ? SiteURL.accounts(.newUser).path : SiteURL.accounts(.userScope(.value(id))).path
        isNew = account == nil
        self.account = try? account.map(AccountDTO.init)
        form = values
        roles = Role.allCases.map {
            Option(value: $0.rawValue, label: $0.label(language), selected: $0.rawValue == values.role)
        }
        self.chooser = chooser
        self.error = error
        actions = account.map {
            Actions(
                password: SiteURL.accounts(.userPassword(.value(id))).path,
                toggleDisabled: SiteURL.accounts($0.disabled ? .enableUser(.value(id)) : .disableUser(.value(id))).path,
                resetSecondFactor: SiteURL.accounts(.resetSecondFactor(.value(id))).path)
        }
    }
}

extension AccountFormPage.Values {
    init(_ account: UserAccount) {
        self.init(
            username: account.username, fullName: account.fullName, role: account.role,
            provinceCode: account.provinceCode.map(String.init) ?? "",
            communeCode: account.communeCode.map(String.init) ?? "")
    }
}
