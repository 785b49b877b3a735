import Fluent
import TreDomain
import Vapor

/// Sign in, sign out and the forced change of a temporary password.
struct SignInController {
    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    struct LoginPage: Encodable {
        var username: String
        var next: String
        var error: String?
        /// Just signed out: the page runs the script that clears Tre's drafts from the browser.
        var signedOut = false
        var action = SiteURL.accounts(.login).path
        var signedOutScript = SiteURL.script(.signedOut).path
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    struct PasswordPage: Encodable {
        var mustChange: Bool
        var error: String?
        var minimumLength: Int
        var action = SiteURL.accounts(.password).path
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(.accounts(.login), access: .everyone, use: showLogin)
        routes.post(.accounts(.login), access: .everyone, use: login)
        routes.post(.accounts(.logout), access: .everyone, use: logout)
        routes.get(.accounts(.password), access: .signedInMayChangePassword, use: showChangePassword)
        routes.post(.accounts(.password), access: .signedInMayChangePassword, use: changePassword)
        routes.get(.accounts(.language(.pattern)), access: .everyone, use: switchLanguage)
    }

    @Sendable func showLogin(_ request: Request) async throws -> Response {
        if request.principal != nil { return request.redirect(to: SiteURL.home.path) }
        let next = AccountURL.localOrHome(try? request.query.get(String.self, at: "next"))
        let signedOut = (try? request.query.get(String.self, at: "signedOut")) == "1"
        return try await request.render(
            "accounts/login", title: title(request), LoginPage(username: "", next: next, signedOut: signedOut))
    }

    @Sendable func login(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let username = form.username ?? ""
        let next = AccountURL.localOrHome(form.next)
        do {
            let account = try await request.accounts.authenticate(
                username: username, password: form.password ?? "", from: request.clientAddress,
                now: request.signInNow)
            try await Self.renewSession(request)
            if account.hasSecondFactor {
                request.session.data[SessionKeys.pendingUserID] = try account.requireID().uuidString
                request.session.data[SessionKeys.pendingSince] = String(Date().timeIntervalSince1970)
                request.session.data[SessionKeys.pendingNext] = next
                return request.redirect(to: SiteURL.accounts(.signInCode).path)
            }
            return try await Self.completeSignIn(account, next: next, on: request)
        } catch let error as SignInThrottled {
            let page = LoginPage(username: username, next: next, error: error.message(request.language))
            let response = try await request.render(
                "accounts/login", title: title(request), page, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(error.retryAfterSeconds))
            return response
        } catch let error as TreError {
            let page = LoginPage(username: username, next: next, error: error.message(request.language))
            return try await request.render("accounts/login", title: title(request), page, status: .unauthorized)
        }
    }

    /// The last step of every sign-in: a recorded session, then the temporary password, the
    /// second factor a role requires, or the page asked for.
    static func completeSignIn(_ account: UserAccount, next: String, on request: Request) async throws -> Response {
        try await renewSession(request)
        try await AccountSessions.start(account, on: request)
        if account.mustChangePassword { return request.redirect(to: SiteURL.accounts(.password).path) }
        if try Principal(account).needsSecondFactor {
            return request.redirect(to: SiteURL.accounts(.secondFactor).path)
        }
        return request.redirect(to: next)
    }

    /// Signing in starts a new session (new id, no data carried over), so a session id planted in the
    /// browser before sign-in is worth nothing afterwards (session fixation).
    static func renewSession(_ request: Request) async throws {
        if let old = request.session.id {
            try await request.application.sessions.driver.deleteSession(old, for: request).get()
        }
        request.session.id = nil
        request.session.data = SessionData()
    }

    /// Ends this browser's session everywhere (its row too), then the login page clears what Tre
    /// kept in the browser, such as a hotline draft, for whoever sits down next.
    @Sendable func logout(_ request: Request) async throws -> Response {
        if let principal = request.principal { try await AccountSessions.signOut(principal, on: request.db) }
        request.session.destroy()
        return request.redirect(to: AccountURL.signedOut)
    }

    @Sendable func showChangePassword(_ request: Request) async throws -> Response {
        try await renderPassword(request, refusal: nil)
    }

    private func renderPassword(_ request: Request, refusal: Refusal?) async throws -> Response {
        let page = PasswordPage(
            mustChange: try request.requirePrincipal().mustChangePassword, error: refusal?.message,
            minimumLength: AccountRules.minimumPasswordLength)
        return try await request.render(
            "accounts/password", title: UIStrings.text("changePassword", request.language), page,
            status: refusal?.status ?? .ok)
    }

    @Sendable func changePassword(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode(PasswordForm.self)
        let language = request.language
        let account = try await AccountQueries.own(principal, on: request.db)
        let accounts = request.accounts
        let actor = request.auditActor()
        var done = false
        let refused = try await request.submitting(
            to: .accounts(.password),
            {
                guard form.newPassword == form.confirmPassword else { throw Self.passwordsDiffer }
                try await accounts.changePassword(
                    account, current: form.currentPassword ?? "", new: form.newPassword ?? "",
                    keeping: principal.sessionID, by: actor)
                done = true
            },
            otherwise: { try await renderPassword(request, refusal: $0) })
        guard done else { return refused }
        var changed = try Principal(account)
        changed.sessionID = principal.sessionID
        request.principal = changed
        if changed.needsSecondFactor { return request.redirect(to: SiteURL.accounts(.secondFactor).path) }
        return try await request.render(
            "home/notice", title: UIStrings.text("changePassword", language), NoContent(),
            notice: UIStrings.text("passwordChanged", language))
    }

    static let passwordsDiffer = TreError.invalidInput(
        LocalizedText(vi: "Hai lần nhập mật khẩu mới không khớp.", en: "The two new passwords do not match."))

    /// Remembers the language in a cookie and returns to the page the person was on.
    @Sendable func switchLanguage(_ request: Request) async throws -> Response {
        let language = Language(rawValue: request.parameters.get("code") ?? "") ?? .default
        let back = AccountURL.localOrHome(try? request.query.get(String.self, at: "back"))
        let response = request.redirect(to: back)
        response.cookies[LanguageCookie.name] = LanguageCookie.value(language)
        return response
    }

    private func title(_ request: Request) -> String {
        UIStrings.text("signIn", request.language)
    }
}
