import Foundation
import TreDomain
import Vapor

/// The OpenAPI 3.1 description of `/api/v1`, kept as a document in `Resources/OpenAPI`; a test
/// compares its paths with the registered routes, so neither can change without the other.
enum OpenAPIDocument {
    static let path = ResourceDirectories.packageRoot + "/Resources/OpenAPI/openapi.json"

    static func data() throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw APIContractError(message: "cannot read \(path)")
        }
        return data
    }

    static func response() -> Response {
        guard let data = FileManager.default.contents(atPath: path) else {
            return Response(status: .internalServerError)
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
