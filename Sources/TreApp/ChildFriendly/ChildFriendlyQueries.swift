import Fluent
import Foundation
import TreDomain

/// The communes of a jurisdiction with their assessment of a year, and one commune's assessment file.
enum ChildFriendlyQueries {
    /// A page of communes in force with their assessments, and the share recognised of all of them.
    struct Listing {
        var total: Int
        var communes: [Commune]
        var assessments: [Int: FriendlyAssessmentRecord]
        var recognised: Int
        var communesInForce: Int
        /// Communes of the jurisdiction whose assessment of the year was sent to the province (or decided).
        var assessedInYear = 0
    }

    static func listing(
        year: Int, q: String, in jurisdiction: Jurisdiction, range: Range<Int>, on database: any Database
    ) async throws -> Listing {
        let query = CommuneScope.communesInForce(in: jurisdiction, q: q, on: database)
        let total = try await query.copy().count()
        let communes = try await query.copy().range(range).all()
        let (recognised, all) = try await share(year: year, in: jurisdiction, on: database)
        return Listing(
            total: total, communes: communes,
            assessments: try await assessments(of: communes.map(\.code), year: year, on: database),
            recognised: recognised, communesInForce: all,
            assessedInYear: try await FriendlyAssessmentRecord.query(on: database).filter(\.$year == year)
                .filter(\.$status != AssessmentStatus.draft.rawValue)
                .within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode).count())
    }

    static func assessments(of codes: [Int], year: Int, on database: any Database) async throws
        -> [Int: FriendlyAssessmentRecord]
    {
        guard !codes.isEmpty else { return [:] }
        let found = try await FriendlyAssessmentRecord.query(on: database).filter(\.$communeCode ~~ codes)
            .filter(\.$year == year).all()
        return Dictionary(found.map { ($0.communeCode, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Communes recognised in the year (or in force from an earlier recognition) over all communes in force.
    static func share(year: Int, in jurisdiction: Jurisdiction, on database: any Database) async throws
        -> (recognised: Int, communes: Int)
    {
        let communes = try await CommuneScope.communesInForce(in: jurisdiction, q: "", on: database).count()
        let recognised = try await FriendlyAssessmentRecord.query(on: database)
            .filter(\.$status == AssessmentStatus.recognised.rawValue).filter(\.$year <= year)
            .within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
            .all(\.$communeCode)
        return (Set(recognised).count, communes)
    }

    /// One commune's assessment of a year with its evidence and history; not found outside the reader's reach.
    struct AssessmentFile {
        var loaded: LoadedAssessment
        var year: Int
        var evidence: [Int: [EvidenceLink]]
        var history: [FriendlyAssessmentEventRecord]
    }

    static func assessment(commune: Int, year: Int, for principal: Principal, on database: any Database)
        async throws -> AssessmentFile
    {
        let reader = ChildFriendlyService(database: database, principal: principal, actor: .system("read"))
        let loaded = try await reader.load(communeCode: commune, year: year)
        return AssessmentFile(
            loaded: loaded, year: year, evidence: try await reader.evidence(communeCode: commune, year: year),
            history: try await reader.history(of: loaded.record))
    }
}
