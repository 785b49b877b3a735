import Foundation
import TreDomain
import Vapor

/// Every instant the API reads (`receivedAt`, `startedAt`…) is parsed strictly (`StrictTimestamp`): 30 February
/// is refused, naming the field, instead of becoming 2 March. Installed once for the process, before any request.
enum StrictJSONDates {
    static let installed: Void = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = StrictTimestamp.date(from: text) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "Not a real instant (RFC 3339, e.g. 2026-02-28T10:00:00Z): \(text)"))
            }
            return date
        }
        ContentConfiguration.global.use(decoder: decoder, for: .json)
    }()
}
