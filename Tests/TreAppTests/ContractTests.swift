import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

@Suite struct ContractTests {
    /// "GET /api/v1/users/{username}" for every route under /api/v1, with `:name` written `{name}`.
    private func apiRoutes(_ app: Application) -> Set<String> {
        Set(
            app.routes.all.compactMap { route in
                let path =
                    "/"
                    + route.path.map { component in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
            })
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheAPIRoutes() async throws {
        try await withTreApp { app in
            let response = try await app.testing().sendRequest(.GET, "/api/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods = Set(["get", "post", "put", "patch", "delete"])
            let documented = Set(
                paths.flatMap { path, operations in
                    operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
                })
            #expect(documented == apiRoutes(app))
        }
    }

    @Test func everyRouteDeclaresWhoMayUseIt() async throws {
        try await withTreApp { app in
            let undeclared = app.routes.all.filter { RouteAccess.of($0) == nil }.map(\.description)
            #expect(undeclared.isEmpty, "routes without access: \(undeclared)")
        }
    }

    @Test func theHealthCheckNamesTheDatabase() async throws {
        try await withTreApp { app in
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.status == .ok)
            let expected =
                ProcessInfo.processInfo.environment["DATABASE_URL"].map { $0.isEmpty ? "sqlite" : "postgresql" }
                ?? "sqlite"
            #expect(response.body.string.contains(#""database":"\#(expected)""#))
        }
    }

    @Test func pagesCarrySecurityHeaders() async throws {
        try await withTreApp { app in
            let response = try await app.testing().sendRequest(.GET, "/login")
            #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(response.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
        }
    }
}
