import Fluent
import Foundation
import TreDomain

/// The communes of a jurisdiction with their safety counts of a year, and one commune's year.
enum SafetyQueries {
    /// A page of communes in force with the counts each entered for the year.
    struct Listing {
        var total: Int
        var communes: [Commune]
        var counts: [Int: SafetyCounts]
    }

    static func communes(
        _ filter: RegisterFilter, year: Int, in jurisdiction: Jurisdiction, range: Range<Int>,
        on database: any Database
    ) async throws -> Listing {
        let query = CommuneScope.communesInForce(in: jurisdiction, q: filter.q, on: database)
        let total = try await query.copy().count()
        let communes = try await query.copy().range(range).all()
        return Listing(
            total: total, communes: communes, counts: try await counts(of: communes, year: year, on: database))
    }

    static func counts(of communes: [Commune], year: Int, on database: any Database) async throws -> [Int: SafetyCounts]
    {
        guard !communes.isEmpty else { return [:] }
        let found = try await SafetyCountsRecord.query(on: database).filter(\.$communeCode ~~ communes.map(\.code))
            .filter(\.$year == year).all()
        return Dictionary(found.map { ($0.communeCode, $0.counts) }, uniquingKeysWith: { first, _ in first })
    }

    /// The commune if it exists and the reader may see it; not found otherwise (a year outside 2000–2100 too).
    static func commune(_ code: Int?, year: Int?, for principal: Principal, on database: any Database)
        async throws -> (commune: Commune, year: Int)
    {
        guard let code, let year, (2000...2100).contains(year),
            let commune = try await UnitQueries.commune(code: code, on: database),
            principal.jurisdiction.contains(provinceCode: commune.provinceCode, communeCode: commune.code)
        else { throw TreError.notFound }
        return (commune, year)
    }

    /// One commune's year: the counts saved and a page of its household checks.
    struct CommuneFile {
        var commune: Commune
        var year: Int
        var saved: SafetyCounts
        var checksTotal: Int
        var checks: [SafeHomeCheckRecord]
    }

    static func file(of commune: Commune, year: Int, checks paging: Paging, on database: any Database) async throws
        -> CommuneFile
    {
        let saved = try await SafetyCountsRecord.query(on: database).filter(\.$communeCode == commune.code)
            .filter(\.$year == year).first()
        let (total, checks) = try await SafetyService.checks(communeCode: commune.code, year: year, on: database)
            .page(paging)
        return CommuneFile(
            commune: commune, year: year, saved: saved?.counts ?? SafetyCounts(), checksTotal: total, checks: checks)
    }
}
