import TreDomain
import Vapor

/// Routes are registered through these helpers so that each one carries its `Access`; the
/// authorization middleware refuses any route that was registered without one.
extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., access: Access,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.GET, path, use: handler), access)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., access: Access,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.POST, path, use: handler), access)
    }

    @discardableResult
    func put<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., access: Access,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.PUT, path, use: handler), access)
    }

    @discardableResult
    func patch<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., access: Access,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.PATCH, path, use: handler), access)
    }

    private func declare(_ route: Route, _ access: Access) -> Route {
        route.userInfo[RouteAccess.key] = access
        return route
    }
}

enum RouteAccess {
    static let key = "tre.access"
    /// The site map's place a route was registered from.
    static let placeKey = "tre.place"

    static func place(of route: Route) -> SiteURL? {
        route.userInfo[AnySendableHashable(placeKey)] as? SiteURL
    }

    static func of(_ route: Route) -> Access? {
        route.userInfo[AnySendableHashable(key)] as? Access
    }
}

/// The one authorization check every request goes through, placed after the principal is loaded.
struct AuthorizationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else {
            return try await next.respond(to: request)  // static files and 404s
        }
        guard let access = RouteAccess.of(route) else {
            request.logger.error("route \(route.description) declares no access; refused")
            throw TreError.forbidden
        }
        let principal = request.principal
        switch AccessPolicy.decide(
            access, role: principal?.role, mustChangePassword: principal?.mustChangePassword ?? false,
            needsSecondFactor: principal?.needsSecondFactor ?? false)
        {
        case .allowed:
            return try await next.respond(to: request)
        case .needsSignIn:
            throw TreError.signInRequired
        case .needsPasswordChange:
            if request.isAPI { throw TreError.passwordChangeRequired }
            return request.redirect(to: SiteURL.accounts(.password).path)
        case .forbidden:
            throw TreError.forbidden
        case .needsSecondFactor:
            if request.isAPI { throw TreError.secondFactorRequired }
            return request.redirect(to: SiteURL.accounts(.secondFactor).path)
        }
    }
}
