import Foundation

/// What the OpenAPI document promises of each operation's query parameters, read from the document itself so
/// that the code cannot accept more than the contract says: a page past the last one allowed, a size of 201 or
/// a status "AAA" is refused before any handler reads it, with the parameter named.
public struct APIContract: Sendable {
    public struct Parameter: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case integer(minimum: Int?, maximum: Int?)
            case string(allowed: [String]?, maximumLength: Int?)
            case boolean
        }

        public var name: String
        public var kind: Kind
        public var required: Bool
    }

    struct Operation: Sendable {
        var method: String
        /// Path components; a `{name}` component matches any one component.
        var template: [String]
        var query: [Parameter]
    }

    private var operations: [Operation]

    /// Reads an OpenAPI 3.x document's operations and their query parameters (`$ref`s to component schemas and
    /// parameters are followed one level, as the document uses them).
    public init(document data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let paths = root["paths"] as? [String: Any]
        else { throw APIContractError(message: "not an OpenAPI document") }
        func resolve(_ object: [String: Any]) -> [String: Any] {
            guard let reference = object["$ref"] as? String else { return object }
            let parts = reference.split(separator: "/").dropFirst().map(String.init)
            var node: Any = root
            for part in parts { node = (node as? [String: Any])?[part] as Any }
            return node as? [String: Any] ?? [:]
        }
        var operations: [Operation] = []
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            for (method, operation) in item {
                guard let operation = operation as? [String: Any] else { continue }
                let declared =
                    (item["parameters"] as? [[String: Any]] ?? [])
                    + (operation["parameters"] as? [[String: Any]] ?? [])
                let query = declared.map(resolve).filter { $0["in"] as? String == "query" }.compactMap {
                    parameter -> Parameter? in
                    guard let name = parameter["name"] as? String else { return nil }
                    let schema = resolve(parameter["schema"] as? [String: Any] ?? [:])
                    let kind: Parameter.Kind
                    switch schema["type"] as? String {
                    case "integer":
                        kind = .integer(minimum: schema["minimum"] as? Int, maximum: schema["maximum"] as? Int)
                    case "boolean": kind = .boolean
                    default:
                        kind = .string(
                            allowed: schema["enum"] as? [String], maximumLength: schema["maxLength"] as? Int)
                    }
                    return Parameter(name: name, kind: kind, required: parameter["required"] as? Bool ?? false)
                }
                operations.append(
                    Operation(
                        method: method.uppercased(), template: path.split(separator: "/").map(String.init),
                        query: query))
            }
        }
        self.operations = operations
    }

    /// The query parameters the contract declares for a request, or nil when it describes no such operation.
    public func queryParameters(method: String, path: String) -> [Parameter]? {
        let components = path.split(separator: "/").map(String.init)
        let candidates = operations.filter { operation in
            operation.method == method.uppercased() && operation.template.count == components.count
                && zip(operation.template, components).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        // A literal component beats a parameter (`/users/me` before `/users/{username}`).
        return candidates.max { literals($0) < literals($1) }?.query
    }

    private func literals(_ operation: Operation) -> Int { operation.template.filter { !$0.hasPrefix("{") }.count }

    /// The first query value the contract does not allow, as an error naming the parameter and what it takes.
    public static func check(_ query: [(name: String, value: String)], against parameters: [Parameter])
        -> LocalizedText?
    {
        for parameter in parameters {
            let values = query.filter { $0.name == parameter.name }.map(\.value)
            if values.isEmpty {
                guard parameter.required else { continue }
                return LocalizedText(
                    vi: "Thiếu tham số \(parameter.name).", en: "The parameter \(parameter.name) is required.")
            }
            for value in values {
                if let problem = problem(value, parameter) { return problem }
            }
        }
        return nil
    }

    private static func problem(_ value: String, _ parameter: Parameter) -> LocalizedText? {
        let name = parameter.name
        switch parameter.kind {
        case .integer(let minimum, let maximum):
            let low = minimum.map(String.init) ?? "…"
            let high = maximum.map(String.init) ?? "…"
            guard let number = Int(value), number >= (minimum ?? Int.min), number <= (maximum ?? Int.max) else {
                return LocalizedText(
                    vi: "Tham số \(name) phải là số nguyên từ \(low) đến \(high).",
                    en: "The parameter \(name) must be a whole number from \(low) to \(high).")
            }
        case .boolean:
            guard ["true", "false"].contains(value) else {
                return LocalizedText(
                    vi: "Tham số \(name) phải là true hoặc false.", en: "The parameter \(name) must be true or false.")
            }
        case .string(let allowed, let maximumLength):
            if let allowed, !allowed.contains(value) {
                let list = allowed.joined(separator: ", ")
                return LocalizedText(
                    vi: "Tham số \(name) chỉ nhận: \(list).", en: "The parameter \(name) takes one of: \(list).")
            }
            if let maximumLength, value.count > maximumLength {
                return LocalizedText(
                    vi: "Tham số \(name) dài quá \(maximumLength) ký tự.",
                    en: "The parameter \(name) is longer than \(maximumLength) characters.")
            }
            if let refused = TextInput.controlCharacterProblem(value, field: name) { return refused }
        }
        return nil
    }
}

public struct APIContractError: Error, Sendable {
    public var message: String

    public init(message: String) { self.message = message }
}
