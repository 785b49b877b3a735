import Foundation
import TreDomain
import Vapor

/// `GET /api/v1/indicators` (the catalogue) and `GET /api/v1/indicators/{code}?unit=&period=&by=`.
struct IndicatorsAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.indicators(.api(.catalogue)), access: .permission(.viewIndicators), use: catalogue)
        routes.get(.indicators(.api(.figures(.pattern))), access: .permission(.viewIndicators), use: figures)
    }

    struct DefinitionDTO: Content {
        var code: String
        var name: String
        var definition: String
        var numerator: String
        var denominator: String?
        var factor: String
        var disaggregations: [String]
        var periods: [String]
        var sensitive: Bool
        var higherIsBetter: Bool
        var computed: Bool
        var source: String

        init(_ definition: IndicatorDefinition, language: Language) {
            code = definition.code
            name = definition.name(language)
            self.definition = definition.definition(language)
            numerator = definition.numerator.rawValue
            denominator = definition.denominator?.rawValue
            factor = definition.factor.rawValue
            disaggregations = definition.disaggregations.map(\.rawValue)
            periods = definition.periods.map(\.rawValue)
            sensitive = definition.sensitive
            higherIsBetter = definition.higherIsBetter
            computed = definition.isComputed
            source = definition.source
        }
    }

    struct CatalogueDTO: Content {
        var indicators: [DefinitionDTO]
    }

    @Sendable func catalogue(_ request: Request) async throws -> CatalogueDTO {
        CatalogueDTO(
            indicators: IndicatorCatalogueFile.shared.indicators.map { DefinitionDTO($0, language: request.language) })
    }

    struct FigureDTO: Content {
        var unit: String
        var name: String
        /// Nil when there is no data (a share of nothing), the data does not exist yet, or it is suppressed.
        var value: Double?
        var numerator: Int?
        var denominator: Int?
        var suppressed: Bool
        var noData: Bool

        init(unit: String, name: String, reading: IndicatorReading) {
            self.unit = unit
            self.name = name
            let hidden = reading.suppressed || reading.awaitingData
            value = reading.value.map { ($0 * 1000).rounded() / 1000 }
            numerator = hidden ? nil : reading.numerator
            denominator = hidden ? nil : reading.denominator
            suppressed = reading.suppressed
            noData = reading.value == nil && !reading.suppressed
        }
    }

    struct FiguresDTO: Content {
        var indicator: DefinitionDTO
        var period: String
        var total: FigureDTO
        var target: Double?
        var targetMet: Bool?
        var units: [FigureDTO]
        var by: String?
        var breakdown: [FigureDTO]
        var trend: [FigureDTO]
        var refreshedAt: Date?
    }

    @Sendable func figures(_ request: Request) async throws -> FiguresDTO {
        let table = try await IndicatorQueries.table(
            request.parameters.get("code") ?? "", unit: try? request.query.get(String.self, at: "unit"),
            period: try? request.query.get(String.self, at: "period"),
            by: try? request.query.get(String.self, at: "by"),
            for: try request.requirePrincipal(), language: request.language, on: request.db)
        let target = table.target.map { IndicatorTarget(value: $0, higherIsBetter: table.definition.higherIsBetter) }
        return FiguresDTO(
            indicator: DefinitionDTO(table.definition, language: request.language), period: table.period.description,
            total: FigureDTO(unit: IndicatorUnit.code(table.unit), name: table.unitName, reading: table.total),
            target: table.target,
            targetMet: target.flatMap { target in table.total.value.map { target.isMet(by: $0) } },
            units: table.subUnits.map { FigureDTO(unit: $0.unitCode, name: $0.name, reading: $0.reading) },
            by: table.breakdown?.rawValue,
            breakdown: table.categories.map { FigureDTO(unit: $0.unitCode, name: $0.name, reading: $0.reading) },
            trend: table.trend.map { FigureDTO(unit: $0.unitCode, name: $0.name, reading: $0.reading) },
            refreshedAt: try await IndicatorRefresh.state(on: request.db)?.refreshedAt)
    }
}
