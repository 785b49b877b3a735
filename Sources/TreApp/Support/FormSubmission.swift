import TreDomain
import Vapor

/// Why a form was refused, for showing it again: the message in the reader's language, the status that says
/// why, and which fields to mark. The page shows what was typed from its own decoded form.
struct Refusal: Sendable {
    var message: String
    var status: HTTPStatus
    /// Each refused field's first problem, by field name.
    var fields: [String: String]

    init(_ failure: any LocalizedFailure, language: Language) {
        message = failure.message(language)
        status = ErrorAnswer(failure).status
        let errors =
            (failure as? FieldErrors)?.errors ?? (failure as? FieldError).map { [$0] }
            ?? (failure as? ReportError).map { [FieldError(field: $0.field, code: $0.code, message: $0.message)] } ?? []
        fields = Dictionary(
            errors.filter { !$0.field.isEmpty }.map { ($0.field, $0.message(language)) },
            uniquingKeysWith: { first, _ in first })
    }
}

extension FieldError {
    /// A form's value that could not be read (a date, a choice), before any domain rule: the whole form's
    /// problem when no field is named.
    static func invalid(vi: String, en: String, field: String = "") -> FieldError {
        FieldError(field: field, code: "invalid_input", message: LocalizedText(vi: vi, en: en))
    }
}

extension Request {
    /// Runs what a page's form asks. Done, the browser is sent to `place` with "saved" shown there (so a
    /// reload does not post twice); refused, the page is shown again by `render` with the refusal. This is the
    /// one way a page handles a refused form: no handler catches a domain failure itself.
    func submitting(
        to place: SiteURL, query: [String: String] = [:], fragment: String? = nil, _ action: () async throws -> Void,
        otherwise render: (Refusal) async throws -> Response
    ) async throws -> Response {
        do {
            try await action()
        } catch let failure as any LocalizedFailure {
            if let error = failure as? TreError, error.status == .notFound || error.status == .forbidden {
                throw error
            }
            return try await render(Refusal(failure, language: language))
        }
        return redirect(
            to: place.link(query.merging(["saved": "1"]) { _, saved in saved }) + (fragment.map { "#" + $0 } ?? ""))
    }

    /// The same, for an action that makes the record the browser is then sent to (a new child's page).
    func submitting(
        _ action: () async throws -> SiteURL, otherwise render: (Refusal) async throws -> Response
    ) async throws -> Response {
        try await submitting(link: { try await action().path }, otherwise: render)
    }

    /// The same, when the link to go to names what the action made (`SiteURL.link(_:)` with a query).
    func submitting(
        link action: () async throws -> String, otherwise render: (Refusal) async throws -> Response
    ) async throws -> Response {
        let link: String
        do {
            link = try await action()
        } catch let failure as any LocalizedFailure {
            if let error = failure as? TreError, error.status == .notFound || error.status == .forbidden {
                throw error
            }
            return try await render(Refusal(failure, language: language))
        }
        return redirect(to: link)
    }

    /// A checkbox or flag in the query: present and not empty.
    func flag(_ name: String) -> Bool { !((try? query.get(String.self, at: name)) ?? "").isEmpty }

    /// The "saved" notice after `submitting` sent the browser back.
    var savedNotice: String? { flag("saved") ? UIStrings.text("saved", language) : nil }
}
