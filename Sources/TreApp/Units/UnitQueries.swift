import Fluent
import Foundation

/// Look-ups of the administrative units in force today.
enum UnitQueries {
    static func provincesInForce(on database: any Database) async throws -> [Province] {
        try await Province.query(on: database).filter(\.$validTo == nil).sort(\.$code).all()
    }

    static func province(code: Int, on database: any Database) async throws -> Province? {
        try await Province.query(on: database).filter(\.$code == code).filter(\.$validTo == nil).first()
    }

    static func commune(code: Int, on database: any Database) async throws -> Commune? {
        try await Commune.query(on: database).filter(\.$code == code).filter(\.$validTo == nil).first()
    }

    static func communesInForce(provinceCode: Int, on database: any Database) async throws -> [Commune] {
        try await Commune.query(on: database)
            .filter(\.$provinceCode == provinceCode).filter(\.$validTo == nil)
            .sort(\.$code).all()
    }

    /// How many communes in force each province has, by province code.
    static func communeCounts(on database: any Database) async throws -> [Int: Int] {
        let communes = try await Commune.query(on: database).filter(\.$validTo == nil).all(\.$provinceCode)
        return Dictionary(communes.map { ($0, 1) }, uniquingKeysWith: +)
    }
}
