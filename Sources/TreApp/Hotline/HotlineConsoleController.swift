import Fluent
import Foundation
import TreDomain
import Vapor

/// The counsellor's console: one page to log a contact while talking, keyboard first, with the
/// caller's earlier contacts, and one action to turn a contact into a report.
struct HotlineConsoleController {
    func register(_ routes: any RoutesBuilder) {
        let access = Access.permission(.logContacts)
        routes.get(.hotline(.console), access: access, use: console)
        routes.post(.hotline(.console), access: access, use: save)
        routes.get(.hotline(.callers), access: access, use: callerHistory)
        routes.get(.hotline(.contact(.pattern)), access: access, use: show)
        routes.post(.hotline(.contactFlags(.pattern)), access: access, use: addFlag)
        routes.post(.hotline(.contactFollowedUp(.pattern)), access: access, use: followedUp)
    }

    @Sendable func console(_ request: Request) async throws -> Response {
        let saved = try? request.query.get(UUID.self, at: "saved")
        return try await renderConsole(request, form: .starting(at: Date()), saved: saved)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let form = try request.content.decode(ContactForm.self)
        let service = try service(request)
        var saved: UUID?
        let answer = try await request.submitting(
            to: .hotline(.console), { saved = try await service.log(form.draft(now: Date())).requireID() },
            otherwise: { try await renderConsole(request, form: form, error: $0.message, status: $0.status) })
        guard let saved else { return answer }
        return request.redirect(to: SiteURL.hotline(.console).link(["saved": saved.uuidString]))
    }

    /// The flags and earlier contacts of an identifier, for the console's script (JSON).
    @Sendable func callerHistory(_ request: Request) async throws -> CallerHistory {
        let typed = (try? request.query.get(String.self, at: "identifier")) ?? ""
        return CallerHistory(try await HotlineQueries.caller(typed: typed, on: request.db), language: request.language)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderContact(request)
    }

    @Sendable func addFlag(_ request: Request) async throws -> Response {
        struct Form: Content {
            var kind: String?
            var note: String?
            var expiresOn: String?
        }
        let contact = try await HotlineQueries.contact(request.parameters.get("id", as: UUID.self), on: request.db)
        let form = try request.content.decode(Form.self)
        let service = try service(request)
        return try await request.submitting(
            to: .hotline(.contact(.value(try contact.requireID()))),
            {
                _ = try await service.flag(
                    contact, kind: form.kind ?? "", note: form.note ?? "", expiresOn: form.expiresOn ?? "")
            },
            otherwise: { try await renderContact(request, error: $0.message, status: $0.status) })
    }

    /// The follow-up is done: it leaves the supervisor's list.
    @Sendable func followedUp(_ request: Request) async throws -> Response {
        let contact = try await HotlineQueries.contact(request.parameters.get("id", as: UUID.self), on: request.db)
        try await service(request).followedUp(contact)
        return request.redirect(to: SiteURL.hotline(.today).path)
    }

    private func service(_ request: Request) throws -> ContactService {
        ContactService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }

    private func renderContact(_ request: Request, error: String? = nil, status: HTTPStatus = .ok) async throws
        -> Response
    {
        let file = try await HotlineQueries.contactFile(request.parameters.get("id", as: UUID.self), on: request.db)
        let page = ContactPage(file, error: error, language: request.language)
        return try await request.render(
            "hotline/contact", title: UIStrings.text("hotlineContact", request.language), page, status: status)
    }

    private func renderConsole(
        _ request: Request, form: ContactForm, saved: UUID? = nil, error: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = request.language
        let choices = try await HotlineQueries.consoleChoices(on: request.db)
        let page = ConsolePage(
            form: form, choices: choices, counsellor: request.principal?.userID, saved: saved, error: error,
            language: language)
        return try await request.render(
            "hotline/console", title: UIStrings.text("hotlineConsole", language), page, status: status,
            notice: saved == nil ? nil : UIStrings.text("contactSaved", language))
    }
}

extension CallerHistory: Content {}
