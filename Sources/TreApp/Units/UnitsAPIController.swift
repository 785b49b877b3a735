import Fluent
import TreDomain
import Vapor

struct ProvinceDTO: Content {
    var code: Int
    var name: String
    var type: String
    var communeCount: Int
}

struct CommuneDTO: Content {
    var code: Int
    var name: String
    var type: String
    var provinceCode: Int

    init(_ commune: Commune) {
        code = commune.code
        name = commune.name
        type = commune.kind
        provinceCode = commune.provinceCode
    }
}

/// `GET /api/v1/units/provinces` and `GET /api/v1/units/provinces/{code}/communes`: the map in force.
struct UnitsAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.units(.api(.provinces)), access: .permission(.viewUnits), use: provinces)
        routes.get(.units(.api(.communes(.pattern))), access: .permission(.viewUnits), use: communes)
    }

    @Sendable func provinces(_ request: Request) async throws -> [ProvinceDTO] {
        let provinces = try await UnitQueries.provincesInForce(on: request.db)
        let counts = try await UnitQueries.communeCounts(on: request.db)
        return provinces.map {
            ProvinceDTO(code: $0.code, name: $0.name, type: $0.kind, communeCount: counts[$0.code] ?? 0)
        }
    }

    @Sendable func communes(_ request: Request) async throws -> [CommuneDTO] {
        guard let code = request.parameters.get("code", as: Int.self),
            try await UnitQueries.province(code: code, on: request.db) != nil
        else { throw AccountError.unknownProvince.asNotFound }
        return try await UnitQueries.communesInForce(provinceCode: code, on: request.db).map(CommuneDTO.init)
    }
}

extension AccountError {
    var asNotFound: TreError { TreError(status: .notFound, code: code, message: message) }
}

/// Names of the units behind a set of jurisdictions, loaded in two queries for a whole page of rows.
struct JurisdictionNames {
    var provinces: [Int: String]
    var communes: [Int: String]

    static func load(for jurisdictions: [Jurisdiction], on database: any Database) async throws -> JurisdictionNames {
        let provinceCodes = Set(jurisdictions.compactMap(\.provinceCode))
        let communeCodes = Set(jurisdictions.compactMap(\.communeCode))
        let provinces =
            provinceCodes.isEmpty
            ? []
            : try await Province.query(on: database)
                .filter(\.$code ~~ Array(provinceCodes)).filter(\.$validTo == nil).all()
        let communes =
            communeCodes.isEmpty
            ? []
            : try await Commune.query(on: database)
                .filter(\.$code ~~ Array(communeCodes)).filter(\.$validTo == nil).all()
        return JurisdictionNames(
            provinces: Dictionary(provinces.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
            communes: Dictionary(communes.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    func describe(_ jurisdiction: Jurisdiction, _ language: Language) -> String {
        switch jurisdiction {
        case .nation:
            return UIStrings.text("nation", language)
        case .province(let code):
            return provinces[code] ?? "#\(code)"
        case .commune(let province, let code):
            return "\(communes[code] ?? "#\(code)"), \(provinces[province] ?? "#\(province)")"
        }
    }
}
