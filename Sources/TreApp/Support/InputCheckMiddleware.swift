import Foundation
import TreDomain
import Vapor

/// Refuses, before any handler reads it, input that no handler should have to defend against: a query value of
/// the API outside its contract (a page past the last one, a size of 201, a status "AAA") and control characters
/// in any query value, form field or JSON string. The answer names the parameter, in the reader's language.
struct InputCheckMiddleware: AsyncMiddleware {
    let contract: APIContract

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let query = Self.queryItems(request.url.query)
        if request.isAPI,
            let parameters = contract.queryParameters(method: request.method.rawValue, path: request.url.path),
            let problem = APIContract.check(query, against: parameters)
        {
            throw TreError(status: .badRequest, code: "invalid_parameter", message: problem)
        }
        for item in query {
            if let problem = TextInput.controlCharacterProblem(item.value, field: item.name) {
                throw TreError(status: .badRequest, code: "control_character", message: problem)
            }
        }
        if Self.readsBody(request), request.body.data == nil {
            // Collected here (as the route would), so that a body streamed in several reads is checked too.
            _ = try await request.body.collect(max: Self.checkedBodySize).get()
        }
        if let problem = Self.bodyProblem(request) {
            throw TreError(status: .badRequest, code: "control_character", message: problem)
        }
        return try await next.respond(to: request)
    }

    /// Form and JSON bodies up to this size are checked; larger ones are files, refused or checked by their route.
    static let checkedBodySize = 1 << 20

    private static func readsBody(_ request: Request) -> Bool {
        guard let length = request.headers.first(name: .contentLength).flatMap(Int.init), length <= checkedBodySize,
            let type = request.headers.contentType
        else { return false }
        return type.subType == "json" || type.subType == "x-www-form-urlencoded"
    }

    static func queryItems(_ query: String?) -> [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        var components = URLComponents()
        components.percentEncodedQuery = query.replacingOccurrences(of: "+", with: "%20")
        return (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    /// Form and JSON bodies are read as the handlers will read them; files (multipart) are checked by their own
    /// rules, and a body that does not parse is left for the handler to refuse.
    private static func bodyProblem(_ request: Request) -> LocalizedText? {
        guard let buffer = request.body.data, buffer.readableBytes > 0 else { return nil }
        let data = Data(buffer.readableBytesView)
        switch request.headers.contentType {
        case .some(let type) where type.type == "application" && type.subType == "x-www-form-urlencoded":
            let text = String(decoding: data, as: UTF8.self)
            for item in queryItems(text) {
                if let problem = TextInput.controlCharacterProblem(item.value, field: item.name) { return problem }
            }
        case .some(let type) where type.subType == "json" || type.subType.hasSuffix("+json"):
            guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                return nil
            }
            return jsonProblem(value, field: "")
        default: break
        }
        return nil
    }

    private static func jsonProblem(_ value: Any, field: String) -> LocalizedText? {
        switch value {
        case let text as String: return TextInput.controlCharacterProblem(text, field: field)
        case let array as [Any]:
            for element in array {
                if let problem = jsonProblem(element, field: field) { return problem }
            }
        case let object as [String: Any]:
            for (key, element) in object {
                let path = field.isEmpty ? key : field + "." + key
                if let problem = TextInput.controlCharacterProblem(key, field: path)
                    ?? jsonProblem(element, field: path)
                {
                    return problem
                }
            }
        default: break
        }
        return nil
    }
}
