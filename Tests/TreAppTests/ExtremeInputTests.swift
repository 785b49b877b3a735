import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Every route, as every kind of role, with extreme values in its path, its query and its body: the largest and
/// smallest 64-bit numbers, numbers no integer holds, empty and very long text, dates past the calendar. A trap
/// (overflow, force unwrap, precondition) would stop this test's process; a 5xx fails it. Neither may happen.
@Suite struct ExtremeInputTests {
    static let numbers = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "0", "-1", "1e309"]
    static let texts = ["", String(repeating: "Đặng ", count: 800), "9999-12-31", "0000-00-00", "2026-02-30", "NaN"]
    static let queryKeys = [
        "page", "per", "year", "period", "q", "province", "commune", "communeCode", "unit", "by", "date", "filter",
        "status", "sex", "ageBand", "group", "kind", "overdue", "cause", "level", "child", "next", "back", "code",
    ]

    /// JSON values for a property of an OpenAPI schema: the extremes of its type, in turn.
    static func jsonValue(_ schema: [String: Any], variant: Int) -> String {
        switch schema["type"] as? String {
        case "integer": return numbers[variant % 3]
        case "number": return ["1.7976931348623157e308", "-1e308", "0"][variant % 3]
        case "boolean": return "true"
        case "array": return "[" + jsonValue(schema["items"] as? [String: Any] ?? [:], variant: variant) + "]"
        case "object": return "{}"
        default:
            let text =
                schema["format"] as? String == "date-time" ? "9999-12-31T23:59:59Z" : texts[variant % texts.count]
            return "\"\(text)\""
        }
    }

    /// Request bodies for each API operation, built from the contract's schemas.
    static func apiBodies() throws -> [String: [String]] {
        let data = try OpenAPIDocument.data()
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let schemas = (root["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        func resolve(_ schema: [String: Any]) -> [String: Any] {
            guard let reference = schema["$ref"] as? String, let name = reference.split(separator: "/").last else {
                return schema
            }
            return schemas[String(name)] as? [String: Any] ?? [:]
        }
        var bodies: [String: [String]] = [:]
        for (path, item) in root["paths"] as? [String: Any] ?? [:] {
            for (method, operation) in item as? [String: Any] ?? [:] {
                guard let operation = operation as? [String: Any],
                    let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any],
                    let json = content["application/json"] as? [String: Any]
                else { continue }
                let schema = resolve(json["schema"] as? [String: Any] ?? [:])
                let properties = schema["properties"] as? [String: Any] ?? [:]
                bodies[method.uppercased() + " " + path] = (0..<3).map { variant in
                    "{"
                        + properties.map { name, property in
                            "\"\(name)\":" + jsonValue(resolve(property as? [String: Any] ?? [:]), variant: variant)
                        }.joined(separator: ",") + "}"
                }
            }
        }
        return bodies
    }

    static func path(of route: Route, value: String) -> String {
        "/"
            + route.path.map { component in
                switch component {
                case .constant(let text): text
                case .parameter, .anything, .catchall:
                    value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value
                }
            }.joined(separator: "/")
    }

    static func query(variant: Int) -> String {
        let values = numbers + texts
        return queryKeys.enumerated().map { index, key in
            let value = values[(index + variant) % values.count]
            return key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
    }

    @Test func noRouteAnswers5xxToExtremeInputFromAnyRole() async throws {
        try await withTreApp { app in
            let roles: [(String, Role, Int?, Int?)] = [
                ("quantri", .admin, nil, nil), ("quocgia", .nationalAnalyst, nil, nil),
                ("tuvan", .hotlineCounsellor, nil, nil), ("tinh1", .provincialOfficer, Places.haNoi, nil),
                ("xa4", .communeOfficer, nil, Places.baDinh), ("chutich4", .communeChair, nil, Places.baDinh),
            ]
            let bodies = try Self.apiBodies()
            // Two turns a route: a record that does not exist, and a number no column holds, each with its own
            // query and body extremes.
            let pathValues = [UUID().uuidString, String(repeating: "9", count: 40)]
            var sent = 0
            var failures: [String] = []
            for (username, role, province, commune) in roles {
                try await makeAccount(app, username, role: role, province: province, commune: commune)
                let token = try await apiToken(app, username)
                let browser = WebClient(app)
                try await browser.signIn(username)
                // Signing out would leave the rest of the run signed out.
                for route in app.routes.all
                where (route.method == .GET || route.method == .POST) && route.path != ["logout"] {
                    let isAPI = route.path.first == .constant("api")
                    let key =
                        route.method.rawValue + " /"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                    for (variant, value) in pathValues.enumerated() {
                        let target = Self.path(of: route, value: value) + "?" + Self.query(variant: variant)
                        let response: TestingHTTPResponse
                        if isAPI {
                            let body = route.method == .POST ? bodies[key]?[variant % 3] ?? "{}" : nil
                            response = try await app.testing().sendRequest(
                                route.method, target, headers: bearer(token, json: body != nil),
                                body: body.map { ByteBuffer(string: $0) })
                        } else if route.method == .GET {
                            response = try await browser.get(target)
                        } else {
                            let fields = Dictionary(
                                uniqueKeysWithValues: Self.queryKeys.enumerated().map { index, name in
                                    (name, (Self.numbers + Self.texts)[(index + variant) % 12])
                                })
                            response = try await browser.post(target, fields)
                        }
                        sent += 1
                        if response.status.code >= 500 {
                            failures.append(
                                "\(username) \(route.method) \(target.prefix(120)) → \(response.status.code)")
                        }
                    }
                }
            }
            #expect(
                failures.isEmpty,
                "\(failures.count) of \(sent) requests answered 5xx:\n\(failures.prefix(20).joined(separator: "\n"))")
            #expect(sent > 1_000)
        }
    }
}
