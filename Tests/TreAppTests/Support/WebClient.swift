import Foundation
import Testing
import VaporTesting

@testable import TreApp

/// A browser stand-in: keeps cookies between requests and posts forms with the page's CSRF token.
final class WebClient: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf = ""
    /// Sent with every request, as a proxy in front of Tre would add them (`X-Forwarded-Proto`).
    var extraHeaders: HTTPHeaders = [:]
    /// The client address requests come from (sent as X-Forwarded-For, which test apps trust).
    var address: String?

    init(_ app: Application) {
        self.app = app
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await app.testing().sendRequest(.GET, path, headers: headers())
        remember(response)
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// Posts a form; `csrf: nil` sends the current page token, a string sends that one instead.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf override: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var fields = fields
        fields["_csrf"] = override ?? csrf
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        let response = try await app.testing().sendRequest(
            .POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// Posts a form with one file, as a browser's file upload does.
    @discardableResult
    func postFile(_ path: String, fields: [String: String], fileField: String, fileName: String, content: Data)
        async throws -> TestingHTTPResponse
    {
        let boundary = "----tre-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.merging(["_csrf": csrf], uniquingKeysWith: { first, _ in first }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n"
                .utf8)
        body += content
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var headers = headers()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
        remember(response)
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// Opens the login page and signs in, with a fresh code of `testTOTPSecret` when the account
    /// asks for one; returns the answer to the last form.
    @discardableResult
    func signIn(_ username: String, _ password: String = testPassword) async throws -> TestingHTTPResponse {
        try await get("/login")
        var response = try await post("/login", ["username": username, "password": password])
        if response.headers.first(name: .location) == "/login/code" {
            try await get("/login/code")
            response = try await post("/login/code", ["code": nextTOTPCode(app)])
        }
        try await get("/account/password")  // any page: picks up the new session's CSRF token
        return response
    }

    private func headers() -> HTTPHeaders {
        var headers = extraHeaders
        if let address { headers.add(name: "X-Forwarded-For", value: address) }
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        return headers
    }

    private func remember(_ response: TestingHTTPResponse) {
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            if header.contains("Expires=Thu, 01 Jan 1970") {
                cookies[name] = nil
            } else {
                cookies[name] = String(pair[1])
            }
        }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// API helpers: a bearer token for an account (with a fresh code of `testTOTPSecret`, which an
/// account without a second factor ignores), and JSON bodies.
func apiToken(_ app: Application, _ username: String, _ password: String = testPassword) async throws -> String {
    struct Token: Decodable { var token: String }
    let code = nextTOTPCode(app)
    let response = try await app.testing().sendRequest(
        .POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
        body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(password)","code":"\#(code)"}"#))
    #expect(response.status == .created)
    return try response.content.decode(Token.self).token
}

func bearer(_ token: String, json: Bool = false) -> HTTPHeaders {
    var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
    if json { headers.contentType = .json }
    return headers
}

struct APIErrorBody: Decodable {
    struct Detail: Decodable {
        var code: String
        var message: String
    }
    var error: Detail
}

/// An indicator's figure for the token's own jurisdiction, e.g. `TR16?period=2026`; nil when there is none.
func indicatorValue(_ app: Application, _ token: String, _ query: String) async throws -> Double? {
    struct Figures: Decodable {
        struct Figure: Decodable { var value: Double? }
        var total: Figure
    }
    let answer = try await app.testing().sendRequest(.GET, "/api/v1/indicators/\(query)", headers: bearer(token))
    #expect(answer.status == .ok, "\(query): \(answer.body.string)")
    return try answer.content.decode(Figures.self).total.value
}
