import Vapor

/// Marks every cookie Tre sets `Secure` when the reader reached Tre over HTTPS: Tre's public address is https, or
/// the proxy in front says so (`X-Forwarded-Proto: https`, `Forwarded: proto=https`). Trusting the header costs
/// nothing: a Secure cookie is only ever withheld from plain http, which can only hurt whoever forged it.
struct SecureCookiesMiddleware: AsyncMiddleware {
    let alwaysSecure: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard alwaysSecure || Self.reachedOverHTTPS(request) else { return response }
        for (name, var cookie) in response.cookies.all {
            cookie.isSecure = true
            response.cookies[name] = cookie
        }
        return response
    }

    static func reachedOverHTTPS(_ request: Request) -> Bool {
        if request.url.scheme == "https" { return true }
        if let proto = request.headers.first(name: "X-Forwarded-Proto"),
            proto.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() == "https"
        {
            return true
        }
        return request.headers.forwarded.first?.proto?.lowercased() == "https"
    }
}
