import Fluent
import TreDomain

/// The communes a reader may pick in a form or a filter: their own, their province's, or none nationwide
/// (a national reader types a code), in Vietnamese order. Shared by the registry and the report form.
enum CommuneChoices {
    static func communes(for principal: Principal, on database: any Database) async throws -> [Commune] {
        guard let province = principal.jurisdiction.provinceCode else { return [] }
        return try await UnitQueries.communesInForce(provinceCode: province, on: database)
            .filter { principal.jurisdiction.contains(provinceCode: $0.provinceCode, communeCode: $0.code) }
            .sorted { VietnameseCollation.sortKey($0.name) < VietnameseCollation.sortKey($1.name) }
    }

    static func choices(_ communes: [Commune], selected: Int?) -> [Choice] {
        communes.map { Choice(value: String($0.code), label: $0.name, selected: $0.code == selected) }
    }
}
