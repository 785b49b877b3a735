import Fluent
import Foundation
import TreDomain

/// A commune's safe homes, schools and communities of a year: the counts it enters, and household checks
/// whose totals replace the home counts once there is one.
struct SafetyService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    private func counts(communeCode: Int, year: Int) async throws -> SafetyCountsRecord? {
        try await SafetyCountsRecord.query(on: database).filter(\.$communeCode == communeCode)
            .filter(\.$year == year).first()
    }

    /// A commune's household checks of a year, in the order they were made.
    static func checks(communeCode: Int, year: Int, on database: any Database) -> QueryBuilder<SafeHomeCheckRecord> {
        SafeHomeCheckRecord.query(on: database).filter(\.$communeCode == communeCode).filter(\.$year == year)
            .sort(\.$createdAt).sort(\.$id)
    }

    /// How many households were checked, and how many of them are safe.
    static func checkedHomes(communeCode: Int, year: Int, on database: any Database) async throws
        -> (assessed: Int, safe: Int)
    {
        let all = checks(communeCode: communeCode, year: year, on: database)
        return (try await all.count(), try await all.filter(\.$safe == true).count())
    }

    /// Saves the counts; home counts typed here are ignored while household checks exist.
    func save(_ fields: [String: String], communeCode: Int, year: Int) async throws {
        let commune = try await CommuneScope.commune(communeCode, for: principal, on: database)
        var counts = try SafetyCounts.parse(fields).get()
        let checked = try await Self.checkedHomes(communeCode: communeCode, year: year, on: database)
        if checked.assessed > 0 {
            counts.homesAssessed = checked.assessed
            counts.safeHomes = checked.safe
        }
        let record = try await self.counts(communeCode: communeCode, year: year) ?? SafetyCountsRecord()
        record.provinceCode = commune.provinceCode
        record.communeCode = commune.code
        record.year = year
        record.set(counts)
        let details =
            "homes=\(counts.safeHomes)/\(counts.homesAssessed);schools=\(counts.safeSchools)/\(counts.schools);"
            + "communities=\(counts.safeCommunities)/\(counts.communities)"
        try await database.writeTransaction { database in
            try await record.save(on: database)
            try await audit(
                "safety.counts_saved", commune, year: year, details: details, on: database)
        }
    }

    /// Records one household's check and brings the year's home counts to the checks' totals.
    func check(
        household: String, criteriaMet: String, mandatoryMet: String, injuryAtHome: Bool, communeCode: Int,
        year: Int
    ) async throws -> SafeHomeCheck {
        let commune = try await CommuneScope.commune(communeCode, for: principal, on: database)
        let name = VietnameseText.normalized(household)
        guard !name.isEmpty else { throw Self.householdRequired }
        let check = try SafeHomeCheck.parse(
            criteriaMet: criteriaMet, mandatoryMet: mandatoryMet, injuryAtHome: injuryAtHome
        ).get()
        let record = SafeHomeCheckRecord()
        record.provinceCode = commune.provinceCode
        record.communeCode = commune.code
        record.year = year
        record.household = name
        record.criteriaMet = check.criteriaMet
        record.mandatoryMet = check.mandatoryMet
        record.injuryAtHome = check.injuryAtHome
        record.safe = check.isSafe
        let existing = try await counts(communeCode: communeCode, year: year)
        try await database.writeTransaction { database in
            try await record.create(on: database)
            let checked = try await Self.checkedHomes(communeCode: commune.code, year: year, on: database)
            let counts = existing ?? SafetyCountsRecord()
            if existing == nil {
                counts.provinceCode = commune.provinceCode
                counts.communeCode = commune.code
                counts.year = year
                counts.set(SafetyCounts())
            }
            counts.homesAssessed = checked.assessed
            counts.safeHomes = checked.safe
            try await counts.save(on: database)
            try await audit(
                "safety.home_checked", commune, year: year, details: "safe=\(check.isSafe)", on: database)
        }
        return check
    }

    private func audit(_ action: String, _ commune: Commune, year: Int, details: String, on database: any Database)
        async throws
    {
        try await AuditLog.record(
            [
                AuditEvent(
                    action: action, recordType: "safety", recordID: "\(commune.code)-\(year)",
                    jurisdiction: .commune(provinceCode: commune.provinceCode, communeCode: commune.code),
                    details: details)
            ], by: actor, on: database)
    }

    static let householdRequired = TreError(
        status: .unprocessableEntity, code: "household_required",
        message: LocalizedText(
            vi: "Ghi tên hộ gia đình được đánh giá.", en: "Name the household that was assessed."))
}
