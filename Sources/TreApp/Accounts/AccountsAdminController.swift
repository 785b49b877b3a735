import Fluent
import TreDomain
import Vapor

/// The administrator's pages: list, search, export, create, disable and re-scope accounts.
struct AccountsAdminController {
    /// What the account form posts; codes arrive as text and empty means "none".
    struct AccountForm: Content {
        var username: String?
        var password: String?
        var fullName: String?
        var role: String?
        var provinceCode: String?
        var communeCode: String?
        var communeQuery: String?
        var findCommune: String?

        var commune: CommuneChoice {
            CommuneChoice(code: communeCode, query: communeQuery, province: provinceCode, find: findCommune)
        }

        var province: Int? { Int(provinceCode?.trimmingCharacters(in: .whitespaces) ?? "") }

        var values: AccountFormPage.Values {
            AccountFormPage.Values(
                username: username ?? "", fullName: fullName ?? "", role: role ?? "",
                provinceCode: provinceCode ?? "", communeCode: communeCode ?? "")
        }

        func validRole() throws -> Role {
            guard let role = Role(rawValue: role ?? "") else { throw UnknownRole(value: role ?? "") }
            return role
        }
    }

    func register(_ routes: any RoutesBuilder) {
        let access = Access.permission(.manageAccounts)
        routes.get(.accounts(.users), access: access, use: list)
        routes.get(.accounts(.usersExport), access: access, use: export)
        routes.get(.accounts(.newUser), access: access, use: showNew)
        routes.post(.accounts(.newUser), access: access, use: create)
        routes.get(.accounts(.user(.pattern)), access: access, use: show)
        routes.post(.accounts(.userScope(.pattern)), access: access, use: rescope)
        routes.post(.accounts(.disableUser(.pattern)), access: access, use: disable)
        routes.post(.accounts(.enableUser(.pattern)), access: access, use: enable)
        routes.post(.accounts(.userPassword(.pattern)), access: access, use: resetPassword)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let q = (try? request.query.get(String.self, at: "q")) ?? ""
        let listing = try await AccountQueries.listing(
            in: principal.jurisdiction, search: q, paging: paging, on: request.db)
        let page = AccountListPage(listing, search: q, paging: paging, language: request.language)
        return try await request.render("accounts/list", title: UIStrings.text("accounts", request.language), page)
    }

    /// The accounts matching the search, as CSV (UTF-8 with BOM so spreadsheet programs read the accents).
    @Sendable func export(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let q = (try? request.query.get(String.self, at: "q")) ?? ""
        let result = try await AccountQueries.page(
            in: principal.jurisdiction, search: q, page: 1, per: Int(Int32.max), on: request.db)
        return try await CSVDownload.respond(
            request, fileName: "tre-accounts.csv",
            header: ["username", "full_name", "role", "province_code", "commune_code", "disabled"],
            audit: {
                AuditEvent(
                    action: "accounts.exported", recordType: "account", jurisdiction: principal.jurisdiction,
                    details: "rows=\($0)")
            },
            rows: { page in
                guard page == 1 else { return [] }
                return result.items.map { account in
                    [
                        account.username, account.fullName, account.role, account.provinceCode.map(String.init) ?? "",
                        account.communeCode.map(String.init) ?? "", account.disabled ? "true" : "false",
                    ]
                }
            })
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await renderForm(request, account: nil, values: AccountFormPage.Values())
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(AccountForm.self)
        // "Find" a commune: the form again with the matches, as typed, nothing saved.
        if form.findCommune != nil {
            return try await renderForm(request, account: nil, values: form.values, commune: form.commune)
        }
        let accounts = request.accounts
        let actor = request.auditActor()
        var created: UUID?
        let answer = try await request.submitting(
            to: .accounts(.users),
            {
                let input = NewAccount(
                    username: form.username ?? "", password: form.password ?? "", fullName: form.fullName ?? "",
                    role: try form.validRole(), provinceCode: form.province, communeCode: form.commune.code)
                created = try await accounts.create(input, by: actor).requireID()
            },
            otherwise: {
                try await renderForm(
                    request, account: nil, values: form.values, commune: form.commune, error: $0.message,
                    status: $0.status)
            })
        guard let created else { return answer }
        return request.redirect(to: SiteURL.accounts(.user(.value(created))).path)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let account = try await find(request)
        return try await renderForm(request, account: account, values: AccountFormPage.Values(account))
    }

    @Sendable func rescope(_ request: Request) async throws -> Response {
        let account = try await find(request)
        let form = try request.content.decode(AccountForm.self)
        if form.findCommune != nil {
            var shown = form.values
            shown.username = account.username
            shown.fullName = account.fullName
            return try await renderForm(request, account: account, values: shown, commune: form.commune)
        }
        let accounts = request.accounts
        let actor = request.auditActor()
        return try await request.submitting(
            to: .accounts(.user(.value(try account.requireID()))),
            {
                try await accounts.rescope(
                    account, role: try form.validRole(), provinceCode: form.province, communeCode: form.commune.code,
                    by: actor)
            },
            otherwise: { refusal in
                var shown = form.values
                shown.username = account.username
                shown.fullName = account.fullName
                return try await renderForm(
                    request, account: account, values: shown, commune: form.commune, error: refusal.message,
                    status: refusal.status)
            })
    }

    @Sendable func disable(_ request: Request) async throws -> Response {
        try await setDisabled(request, true)
    }

    @Sendable func enable(_ request: Request) async throws -> Response {
        try await setDisabled(request, false)
    }

    @Sendable func resetPassword(_ request: Request) async throws -> Response {
        let account = try await find(request)
        let form = try request.content.decode(AccountForm.self)
        try await request.accounts.resetPassword(account, temporary: form.password ?? "", by: request.auditActor())
        return request.redirect(to: SiteURL.accounts(.user(.value(try account.requireID()))).path)
    }

    private func setDisabled(_ request: Request, _ disabled: Bool) async throws -> Response {
        let account = try await find(request)
        try await request.accounts.setDisabled(account, disabled, by: request.auditActor())
        return request.redirect(to: SiteURL.accounts(.user(.value(try account.requireID()))).path)
    }

    private func find(_ request: Request) async throws -> UserAccount {
        try await AccountQueries.account(
            request.parameters.get("id", as: UUID.self), within: try request.requirePrincipal().jurisdiction,
            on: request.db)
    }

    private func renderForm(
        _ request: Request, account: UserAccount?, values: AccountFormPage.Values, commune: CommuneChoice? = nil,
        error: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = request.language
        let typed =
            commune
            ?? CommuneChoice(code: values.communeCode, query: nil, province: values.provinceCode, find: nil)
        let chooser = try await typed.load(
            provinces: try await UnitQueries.provincesInForce(on: request.db), language: language,
            legend: "jurisdiction", provinceField: "provinceCode", on: request.db)
        let page = AccountFormPage(account: account, values: values, chooser: chooser, error: error, language: language)
        let title = account?.fullName ?? UIStrings.text("newAccount", language)
        return try await request.render(
            "accounts/form", title: title, page, status: status, notice: request.savedNotice)
    }
}
