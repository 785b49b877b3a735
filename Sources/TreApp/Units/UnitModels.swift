import Fluent
import Foundation

/// A province (tỉnh / thành phố trung ương) as valid over a period; a reorganisation closes the old
/// row (`valid_to`) and adds a new one, so history is never rewritten.
final class Province: Model, @unchecked Sendable {
    static let schema = "provinces"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: Int
    @Field(key: "name") var name: String
    @Field(key: "name_folded") var nameFolded: String
    /// tỉnh or thành phố trung ương.
    @Field(key: "kind") var kind: String
    @Field(key: "valid_from") var validFrom: Date
    @OptionalField(key: "valid_to") var validTo: Date?

    init() {}

    init(code: Int, name: String, nameFolded: String, kind: String, validFrom: Date) {
        self.code = code
        self.name = name
        self.nameFolded = nameFolded
        self.kind = kind
        self.validFrom = validFrom
    }
}

/// A commune-level unit (xã, phường or đặc khu), with the same validity period rule as provinces.
final class Commune: Model, @unchecked Sendable {
    static let schema = "communes"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: Int
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "name") var name: String
    @Field(key: "name_folded") var nameFolded: String
    /// xã, phường or đặc khu.
    @Field(key: "kind") var kind: String
    @Field(key: "valid_from") var validFrom: Date
    @OptionalField(key: "valid_to") var validTo: Date?

    init() {}

    init(code: Int, provinceCode: Int, name: String, nameFolded: String, kind: String, validFrom: Date) {
        self.code = code
        self.provinceCode = provinceCode
        self.name = name
        self.nameFolded = nameFolded
        self.kind = kind
        self.validFrom = validFrom
    }
}
