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

        var province: Int? { Int(provinceCode?.trimmingCharacters(in: .whitespaces) ?? "") }
        var commune: Int? { Int(communeCode?.trimmingCharacters(in: .whitespaces) ?? "") }
    }

    struct Row: Encodable {
        var href: String
        var username: String
        var fullName: String
        var role: String
        var jurisdiction: String
        var status: String
    }

    struct ListPage: Encodable {
        var rows: [Row]
        var q: String
        var pager: PagerModel
        var exportHref: String
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct FormPage: Encodable {
        var action: String
        var isNew: Bool
        var account: AccountDTO?
        var form: AccountFormValues
        var roles: [Option]
        var provinces: [Option]
        var error: String?
        var communeName: String?
    }

    struct AccountFormValues: Encodable {
        var username = ""
        var fullName = ""
        var role = ""
        var provinceCode = ""
        var communeCode = ""
    }

    func register(_ routes: any RoutesBuilder) {
        let access = Access.permission(.manageAccounts)
        routes.get("admin", "users", access: access, use: list)
        routes.get("admin", "users.csv", access: access, use: export)
        routes.get("admin", "users", "new", access: access, use: showNew)
        routes.post("admin", "users", "new", access: access, use: create)
        routes.get("admin", "users", ":id", access: access, use: show)
        routes.post("admin", "users", ":id", "scope", access: access, use: rescope)
        routes.post("admin", "users", ":id", "disable", access: access, use: disable)
        routes.post("admin", "users", ":id", "enable", access: access, use: enable)
        routes.post("admin", "users", ":id", "password", access: access, use: resetPassword)
        routes.get("units", "provinces", ":code", "communes", access: .signedIn, use: communeOptions)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let q = (try? request.query.get(String.self, at: "q")) ?? ""
        let result = try await AccountQueries.page(
            in: principal.jurisdiction, search: q, page: paging.page, per: paging.per, on: request.db)
        let language = request.language
        let names = try await JurisdictionNames.load(for: result.items.map(\.jurisdiction), on: request.db)
        let rows = try result.items.map { account in
            Row(
                href: Paths.adminUser(try account.requireID()), username: account.username, fullName: account.fullName,
                role: account.roleValue.label(language), jurisdiction: names.describe(account.jurisdiction, language),
                status: UIStrings.text(
                    account.disabled ? "disabled" : account.mustChangePassword ? "mustChange" : "active", language))
        }
        var exportLink = URLComponents()
        exportLink.path = Paths.adminUsersExport
        exportLink.queryItems = [URLQueryItem(name: "q", value: q)]
        let page = ListPage(
            rows: rows, q: q, pager: PagerModel(paging, total: result.total, path: Paths.adminUsers, query: ["q": q]),
            exportHref: exportLink.string ?? "")
        return try await request.render("accounts/list", title: UIStrings.text("accounts", language), page)
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
        try await renderForm(request, account: nil, values: AccountFormValues(), error: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(AccountForm.self)
        do {
            guard let role = Role(rawValue: form.role ?? "") else { throw UnknownRole(value: form.role ?? "") }
            let input = NewAccount(
                username: form.username ?? "", password: form.password ?? "", fullName: form.fullName ?? "", role: role,
                provinceCode: form.province, communeCode: form.commune)
            let account = try await request.accounts.create(input, by: request.auditActor())
            return request.redirect(to: Paths.adminUser(try account.requireID()))
        } catch let error as any LocalizedFailure {
            return try await renderForm(
                request, account: nil, values: values(form), error: error.message(request.language),
                status: .unprocessableEntity)
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let account = try await find(request)
        let values = AccountFormValues(
            username: account.username, fullName: account.fullName, role: account.role,
            provinceCode: account.provinceCode.map(String.init) ?? "",
            communeCode: account.communeCode.map(String.init) ?? "")
        return try await renderForm(request, account: account, values: values, error: nil)
    }

    @Sendable func rescope(_ request: Request) async throws -> Response {
        let account = try await find(request)
        let form = try request.content.decode(AccountForm.self)
        do {
            guard let role = Role(rawValue: form.role ?? "") else { throw UnknownRole(value: form.role ?? "") }
            try await request.accounts.rescope(
                account, role: role, provinceCode: form.province, communeCode: form.commune, by: request.auditActor())
            return request.redirect(to: Paths.adminUser(try account.requireID()))
        } catch let error as any LocalizedFailure {
            var shown = values(form)
            shown.username = account.username
            shown.fullName = account.fullName
            return try await renderForm(
                request, account: account, values: shown, error: error.message(request.language),
                status: .unprocessableEntity)
        }
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
        return request.redirect(to: Paths.adminUser(try account.requireID()))
    }

    /// The communes of a province as JSON for the account form's commune list.
    @Sendable func communeOptions(_ request: Request) async throws -> [CommuneDTO] {
        let code = request.parameters.get("code", as: Int.self) ?? -1
        return try await UnitQueries.communesInForce(provinceCode: code, on: request.db).map(CommuneDTO.init)
    }

    private func setDisabled(_ request: Request, _ disabled: Bool) async throws -> Response {
        let account = try await find(request)
        try await request.accounts.setDisabled(account, disabled, by: request.auditActor())
        return request.redirect(to: Paths.adminUser(try account.requireID()))
    }

    private func find(_ request: Request) async throws -> UserAccount {
        let principal = try request.requirePrincipal()
        guard let id = request.parameters.get("id", as: UUID.self),
            let account = try await AccountQueries.scoped(to: principal.jurisdiction, on: request.db)
                .filter(\.$id == id).first()
        else { throw TreError.notFound }
        return account
    }

    private func values(_ form: AccountForm) -> AccountFormValues {
        AccountFormValues(
            username: form.username ?? "", fullName: form.fullName ?? "", role: form.role ?? "",
            provinceCode: form.provinceCode ?? "", communeCode: form.communeCode ?? "")
    }

    private func renderForm(
        _ request: Request, account: UserAccount?, values: AccountFormValues, error: String?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = request.language
        let roles = Role.allCases.map {
            Option(value: $0.rawValue, label: $0.label(language), selected: $0.rawValue == values.role)
        }
        let provinces = try await UnitQueries.provincesInForce(on: request.db).map {
            Option(value: String($0.code), label: $0.name, selected: String($0.code) == values.provinceCode)
        }
        var communeName: String?
        if let code = Int(values.communeCode) {
            communeName = try await UnitQueries.commune(code: code, on: request.db)?.name
        }
        let page = FormPage(
            action: try account.map { Paths.adminUser(try $0.requireID()) + "/scope" } ?? Paths.adminNewUser,
            isNew: account == nil, account: try account.map(AccountDTO.init), form: values, roles: roles,
            provinces: provinces, error: error, communeName: communeName)
        let title = account?.fullName ?? UIStrings.text("newAccount", language)
        return try await request.render("accounts/form", title: title, page, status: status)
    }
}
