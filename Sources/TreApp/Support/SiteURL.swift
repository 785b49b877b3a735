import Foundation
import TreDomain
import Vapor

/// A value inside a site address. Registering a route uses `.pattern` (the route reads it as a parameter);
/// building a link uses `.value(id)`.
enum RouteValue<Value: Sendable & Hashable & CustomStringConvertible>: Sendable, Hashable {
    case pattern
    case value(Value)

    func named(_ name: String) -> PathSegment {
        switch self {
        case .pattern: .parameter(name, nil)
        case .value(let value): .parameter(name, value.description)
        }
    }
}

/// One segment of a site address: fixed text, or a named value.
enum PathSegment: Sendable, Hashable {
    case fixed(String)
    case parameter(String, String?)
}

/// A place on the site, as its segments. Each capability lists its places in one enum (`CaseURL`,
/// `ChildURL` …) that `SiteURL` gathers.
protocol SitePlace: Sendable, Hashable {
    var segments: [PathSegment] { get }
}

extension SitePlace {
    /// The address for a link or a redirect: "/cases/…". A segment left as `.pattern` shows as ":name",
    /// which no route answers, so a link built without its value is seen at once.
    var path: String {
        "/"
            + segments.map { segment in
                switch segment {
                case .fixed(let text): text
                case .parameter(let name, nil): ":" + name
                case .parameter(_, let value?):
                    value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
                }
            }.joined(separator: "/")
    }

    /// The address with a query, keys in order (export links that keep a list's filters, a page's year).
    func link(_ query: [String: String]) -> String {
        var components = URLComponents()
        components.percentEncodedPath = path
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? path
    }

    /// The route's path as Vapor registers it.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }
}

/// Routes are registered from the site map only: each carries the place it was registered from (checked
/// by `SiteMapTests`) and its `Access` (checked on every request by `AuthorizationMiddleware`).
extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ place: SiteURL, access: Access, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.GET, place.pathComponents, use: handler), place, access)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ place: SiteURL, access: Access, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.POST, place.pathComponents, use: handler), place, access)
    }

    @discardableResult
    func put<Response: AsyncResponseEncodable>(
        _ place: SiteURL, access: Access, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.PUT, place.pathComponents, use: handler), place, access)
    }

    @discardableResult
    func patch<Response: AsyncResponseEncodable>(
        _ place: SiteURL, access: Access, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.PATCH, place.pathComponents, use: handler), place, access)
    }

    @discardableResult
    func delete<Response: AsyncResponseEncodable>(
        _ place: SiteURL, access: Access, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        declare(on(.DELETE, place.pathComponents, use: handler), place, access)
    }

    private func declare(_ route: Route, _ place: SiteURL, _ access: Access) -> Route {
        route.userInfo[RouteAccess.key] = access
        route.userInfo[RouteAccess.placeKey] = place
        return route
    }
}
