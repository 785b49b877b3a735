import Fluent
import TreDomain
import Vapor

/// `/api/v1/auth/token` and `/api/v1/users`.
struct AccountsAPIController {
    struct TokenRequest: Content {
        var username: String
        var password: String
        /// The current authenticator code (or a recovery code) of an account with a second factor.
        var code: String?
    }

    struct TokenResponse: Content {
        var token: String
        var expiresAt: Date
        var mustChangePassword: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        routes.post(.accounts(.api(.token)), access: .everyone, use: issueToken)
        routes.get(.accounts(.api(.me)), access: .signedInMayChangePassword, use: me)
        routes.get(.accounts(.api(.users)), access: .permission(.viewAccounts), use: list)
        routes.get(.accounts(.api(.user(.pattern))), access: .permission(.viewAccounts), use: show)
        routes.post(.accounts(.api(.users)), access: .permission(.manageAccounts), use: create)
    }

    @Sendable func issueToken(_ request: Request) async throws -> Response {
        let body = try request.content.decode(TokenRequest.self)
        let address = request.clientAddress
        let account: UserAccount
        do {
            account = try await request.accounts.authenticate(
                username: body.username, password: body.password, from: address, now: request.signInNow)
            if account.hasSecondFactor {
                try await request.secondFactor.verify(account, typed: body.code ?? "", from: address)
            } else if account.roleValue.requiresSecondFactor {
                throw TreError.secondFactorRequired
            }
        } catch let throttled as SignInThrottled {
            return try throttled.response(for: request)
        }
        let (token, expiresAt) = try await APITokens.issue(for: account, on: request.db)
        return try await TokenResponse(
            token: token, expiresAt: expiresAt, mustChangePassword: account.mustChangePassword
        )
        .encodeResponse(status: .created, for: request)
    }

    @Sendable func me(_ request: Request) async throws -> AccountDTO {
        let principal = try request.requirePrincipal()
        guard let account = try await UserAccount.find(principal.userID, on: request.db) else {
            throw TreError.notFound
        }
        return try AccountDTO(account)
    }

    @Sendable func list(_ request: Request) async throws -> PageDTO<AccountDTO> {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let result = try await AccountQueries.page(
            in: principal.jurisdiction, search: try? request.query.get(String.self, at: "q"), page: paging.page,
            per: paging.per, on: request.db)
        return PageDTO(
            items: try result.items.map(AccountDTO.init), total: result.total, page: paging.page, per: paging.per)
    }

    /// An account outside the caller's jurisdiction answers 404, exactly like one that does not exist.
    @Sendable func show(_ request: Request) async throws -> AccountDTO {
        let principal = try request.requirePrincipal()
        let username = request.parameters.get("username") ?? ""
        guard
            let account = try await AccountQueries.scoped(to: principal.jurisdiction, on: request.db)
                .filter(\.$username == username.lowercased()).first()
        else { throw TreError.notFound }
        return try AccountDTO(account)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let body = try request.content.decode(CreateAccountRequest.self)
        let account = try await request.accounts.create(try body.newAccount(), by: request.auditActor())
        return try await AccountDTO(account).encodeResponse(status: .created, for: request)
    }
}
