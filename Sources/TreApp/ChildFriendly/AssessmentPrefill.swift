import Fluent
import Foundation
import TreDomain

/// The figures Tre computes for a commune's criteria from its own records: the same stored figures the
/// indicator pages show, for the commune and the assessment's year.
enum AssessmentPrefill {
    /// The indicator each computable criterion is read from.
    static func indicatorCode(_ computed: ComputedCriterion) -> String {
        switch computed {
        case .abusedChildren: "TR06"
        case .injuries: "TR16"
        case .specialCircumstancesSupported: "TR05"
        case .forumsHeld: "TR19"
        }
    }

    static func items(
        for set: CriteriaSet, communeCode: Int, provinceCode: Int, year: Int, on database: any Database
    ) async throws -> [AssessmentItem] {
        let unit = Jurisdiction.commune(provinceCode: provinceCode, communeCode: communeCode)
        let period = IndicatorPeriod(kind: .year, year: year).description
        let definitions = set.criteria.compactMap(\.computed).compactMap {
            IndicatorCatalogueFile.shared.indicator(indicatorCode($0))
        }
        let measures = Set(definitions.flatMap { [$0.numerator] + ($0.denominator.map { [$0] } ?? []) })
        let totals = try await IndicatorQueries.totals(measures, periods: [period], unit: unit, on: database)
        return set.criteria.map { criterion in
            guard let computed = criterion.computed,
                let definition = IndicatorCatalogueFile.shared.indicator(indicatorCode(computed))
            else { return AssessmentItem(number: criterion.number) }
            let numerator = totals[definition.numerator]?[period] ?? 0
            let denominator = definition.denominator.map { totals[$0]?[period] ?? 0 }
            let reading = IndicatorReading(
                definition, numerator: numerator, denominator: denominator, viewerOwnsUnit: true)
            let figure = reading.display(definition.factor, language: .vi)
            var how =
                "\(definition.code) \(definition.name.vi), \(year): \(IndicatorNumberFormat.integer(numerator, language: .vi))"
            if let denominator { how += " / \(IndicatorNumberFormat.integer(denominator, language: .vi))" }
            return AssessmentItem(number: criterion.number, computedFigure: figure, computedHow: how)
        }
    }
}
