import Fluent
import TreDomain
import Vapor

/// The code step of sign-in, second-factor enrolment, a person's own sessions, and an
/// administrator's reset of someone's second factor.
struct SecondFactorController {
    /// How long a password accepted without its code stays pending.
    static let pendingLifetime: TimeInterval = 5 * 60

    struct CodeForm: Content {
        var code: String?
    }

    struct CodePage: Encodable {
        var error: String?
        var action = SiteURL.accounts(.signInCode).path
    }

    struct EnrolPage: Encodable {
        var enrolled: Bool
        var required: Bool
        var secretGrouped: String
        var uri: String
        var unusedRecoveryCodes: Int
        var error: String?
        var action = SiteURL.accounts(.secondFactor).path
    }

    struct RecoveryCodesPage: Encodable {
        var codes: [String]
        var continueHref = SiteURL.home.path
    }

    struct SessionsPage: Encodable {
        struct Row: Encodable {
            var id: String
            var startedAt: String
            var lastSeenAt: String
            var address: String
            var browser: String
            var current: Bool
            var endAction: String
        }
        var sessions: [Row]
        var endOthersAction = SiteURL.accounts(.endOtherSessions).path

        /// The reader's own sessions, most recently used first; the one in use is marked, not ended from here.
        init(_ records: [AccountSession], current: UUID?) {
            sessions = records.map { record in
                let id = record.id ?? UUID()
                return Row(
                    id: id.uuidString, startedAt: VietnamTime.format(record.startedAt),
                    lastSeenAt: VietnamTime.format(record.lastSeenAt), address: record.address,
                    browser: BrowserName.describe(record.userAgent), current: record.id == current,
                    endAction: SiteURL.accounts(.endSession(.value(id))).path)
            }
        }
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(.accounts(.signInCode), access: .everyone, use: showCode)
        routes.post(.accounts(.signInCode), access: .everyone, use: checkCode)
        routes.get(.accounts(.secondFactor), access: .signedInMayChangePassword, use: showEnrolment)
        routes.post(.accounts(.secondFactor), access: .signedInMayChangePassword, use: enrol)
        routes.get(.accounts(.sessions), access: .signedIn, use: sessions)
        routes.post(.accounts(.endOtherSessions), access: .signedIn, use: endOthers)
        routes.post(.accounts(.endSession(.pattern)), access: .signedIn, use: endOne)
        routes.post(
            .accounts(.resetSecondFactor(.pattern)), access: .permission(.manageAccounts), use: resetSecondFactor)
    }

    /// The account whose password was accepted in this browser moments ago, if any.
    private func pendingAccount(_ request: Request) async throws -> UserAccount? {
        guard let id = request.session.data[SessionKeys.pendingUserID].flatMap(UUID.init(uuidString:)),
            let since = request.session.data[SessionKeys.pendingSince].flatMap(Double.init),
            Date().timeIntervalSince1970 - since < Self.pendingLifetime
        else { return nil }
        guard let account = try await UserAccount.find(id, on: request.db), !account.disabled else { return nil }
        return account
    }

    @Sendable func showCode(_ request: Request) async throws -> Response {
        guard try await pendingAccount(request) != nil else {
            return request.redirect(to: SiteURL.accounts(.login).path)
        }
        return try await request.render(
            "accounts/code", title: UIStrings.text("signInCode", request.language), CodePage())
    }

    @Sendable func checkCode(_ request: Request) async throws -> Response {
        guard let account = try await pendingAccount(request) else {
            return request.redirect(to: SiteURL.accounts(.login).path)
        }
        let form = try request.content.decode(CodeForm.self)
        let language = request.language
        do {
            try await request.secondFactor.verify(account, typed: form.code ?? "", from: request.clientAddress)
        } catch let error as SignInThrottled {
            let response = try await request.render(
                "accounts/code", title: UIStrings.text("signInCode", language),
                CodePage(error: error.message(language)), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(error.retryAfterSeconds))
            return response
        } catch let error as TreError {
            return try await request.render(
                "accounts/code", title: UIStrings.text("signInCode", language),
                CodePage(error: error.message(language)), status: error.status)
        }
        let next = AccountURL.localOrHome(request.session.data[SessionKeys.pendingNext])
        return try await SignInController.completeSignIn(account, next: next, on: request)
    }

    @Sendable func showEnrolment(_ request: Request) async throws -> Response {
        try await renderEnrolment(request, error: nil, status: .ok)
    }

    private func renderEnrolment(_ request: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let principal = try request.requirePrincipal()
        let account = try await AccountQueries.own(principal, on: request.db)
        var page = EnrolPage(
            enrolled: account.hasSecondFactor, required: principal.role.requiresSecondFactor, secretGrouped: "",
            uri: "", unusedRecoveryCodes: 0, error: error)
        if account.hasSecondFactor {
            page.unusedRecoveryCodes = try await request.secondFactor.unusedRecoveryCodes(account)
        } else {
            // The secret waits in the (server-side) session until a code from the app confirms it.
            let secret =
                request.session.data[SessionKeys.enrolmentSecret] ?? Base32.encode(TOTP.randomSecret())
            request.session.data[SessionKeys.enrolmentSecret] = secret
            let totp = TOTP(base32: secret) ?? TOTP(secret: TOTP.randomSecret())
            page.secretGrouped = Base32.grouped(secret)
            page.uri = totp.uri(account: account.username)
        }
        return try await request.render(
            "accounts/second-factor", title: UIStrings.text("secondFactor", request.language), page, status: status)
    }

    @Sendable func enrol(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let account = try await AccountQueries.own(principal, on: request.db)
        guard !account.hasSecondFactor, let secret = request.session.data[SessionKeys.enrolmentSecret] else {
            return request.redirect(to: SiteURL.accounts(.secondFactor).path)
        }
        let form = try request.content.decode(CodeForm.self)
        let codes: [String]
        do {
            codes = try await request.secondFactor.enrol(
                account, secret: secret, typed: form.code ?? "", by: request.auditActor())
        } catch let error as TreError {
            return try await renderEnrolment(
                request, error: error.message(request.language), status: .unprocessableEntity)
        }
        request.session.data[SessionKeys.enrolmentSecret] = nil
        var enrolled = try Principal(account)
        enrolled.sessionID = principal.sessionID
        request.principal = enrolled
        return try await request.render(
            "accounts/recovery-codes", title: UIStrings.text("recoveryCodes", request.language),
            RecoveryCodesPage(codes: codes), notice: UIStrings.text("secondFactorEnrolled", request.language))
    }

    @Sendable func sessions(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let records = try await AccountQueries.sessions(of: principal.userID, on: request.db)
        return try await request.render(
            "accounts/sessions", title: UIStrings.text("mySessions", request.language),
            SessionsPage(records, current: principal.sessionID))
    }

    @Sendable func endOne(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard let id = request.parameters.get("id", as: UUID.self) else { throw TreError.notFound }
        try await AccountSessions.end(of: principal, only: id, by: request.auditActor(), on: request.db)
        return request.redirect(to: SiteURL.accounts(id == principal.sessionID ? .login : .sessions).path)
    }

    @Sendable func endOthers(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        try await AccountSessions.end(of: principal, only: nil, by: request.auditActor(), on: request.db)
        return request.redirect(to: SiteURL.accounts(.sessions).path)
    }

    @Sendable func resetSecondFactor(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        guard let id = request.parameters.get("id", as: UUID.self),
            let account = try await AccountQueries.scoped(to: principal.jurisdiction, on: request.db)
                .filter(\.$id == id).first()
        else { throw TreError.notFound }
        try await request.secondFactor.reset(account, by: request.auditActor())
        return request.redirect(to: SiteURL.accounts(.user(.value(id))).path)
    }
}

/// A browser's name from its User-Agent, enough for a person to recognise their own devices.
enum BrowserName {
    static func describe(_ userAgent: String) -> String {
        let browser =
            [("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")]
            .first { userAgent.contains($0.0) }?.1
        let system =
            [
                ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
                ("Mac OS", "macOS"), ("Linux", "Linux"),
            ]
            .first { userAgent.contains($0.0) }?.1
        switch (browser, system) {
        case (let browser?, let system?): return "\(browser) — \(system)"
        case (let browser?, nil): return browser
        case (nil, let system?): return system
        case (nil, nil): return userAgent.isEmpty ? "?" : String(userAgent.prefix(60))
        }
    }
}
