import TreDomain
import Vapor

extension Request {
    /// Runs what a page's form asks. Done, the browser is sent to `path` with "saved" shown there (so a
    /// reload does not post twice); refused, the page is shown again with the reason, in the reader's
    /// language, with the status that says why.
    func submitting(
        to path: String, _ action: () async throws -> Void,
        otherwise render: (_ error: String, _ status: HTTPStatus) async throws -> Response
    ) async throws -> Response {
        do {
            try await action()
        } catch let failure as any LocalizedFailure {
            return try await render(failure.message(language), HTTPStatus(refusal: failure))
        }
        return redirect(to: path + (path.contains("?") ? "&" : "?") + "saved=1")
    }

    /// A checkbox or flag in the query: present and not empty.
    func flag(_ name: String) -> Bool { !((try? query.get(String.self, at: name)) ?? "").isEmpty }

    /// The "saved" notice after `submitting` sent the browser back.
    var savedNotice: String? { flag("saved") ? UIStrings.text("saved", language) : nil }
}

extension HTTPStatus {
    /// The status a refused form is answered with: the error's own, else 422.
    init(refusal failure: any LocalizedFailure) {
        self = (failure as? ChildAccessError)?.status ?? (failure as? TreError)?.status ?? .unprocessableEntity
    }
}
