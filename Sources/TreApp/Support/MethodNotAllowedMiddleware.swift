import Vapor

/// A path Tre serves, asked with a method it does not take (TRACE, DELETE on a list…), answers 405 with the
/// methods it takes in `Allow`, as HTTP says, rather than 404 as if the path did not exist.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// The application's routes, read when a request finds none (they are registered after the middleware).
    let routes: Routes

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .notFound && request.route == nil {
            let path = request.url.path.split(separator: "/").map(String.init)
            let allowed = Set(routes.all.filter { Self.matches($0.path, path) }.map(\.method.rawValue))
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            let names = allowed.union(allowed.contains("GET") ? ["HEAD"] : [])
            throw MethodNotAllowed(allow: names.sorted().joined(separator: ", "))
        }
    }

    static func matches(_ pattern: [PathComponent], _ path: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return path.count > index
            case .constant(let text): guard index < path.count, path[index] == text else { return false }
            case .parameter, .anything: guard index < path.count else { return false }
            }
        }
        return pattern.count == path.count
    }
}

struct MethodNotAllowed: AbortError {
    var allow: String
    var status: HTTPResponseStatus { .methodNotAllowed }
    var reason: String { "Method not allowed" }
    var headers: HTTPHeaders { ["Allow": allow] }
}
