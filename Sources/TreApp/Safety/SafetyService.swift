import Fluent
import Foundation
import TreDomain

/// A commune's safe homes, schools and communities of a year: the counts it enters, and household checks
/// whose totals replace the home counts once there is one.
struct SafetyService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    func counts(communeCode: Int, year: Int) async throws -> SafetyCountsRecord? {
        try await SafetyCountsRecord.query(on: database).filter(\.$communeCode == communeCode)
            .filter(\.$year == year).first()
    }

    func checks(communeCode: Int, year: Int) async throws -> [SafeHomeCheckRecord] {
        try await SafeHomeCheckRecord.query(on: database).filter(\.$communeCode == communeCode)
            .filter(\.$year == year).sort(\.$createdAt).all()
    }

    /// Saves the counts; home counts typed here are ignored while household checks exist.
    func save(_ fields: [String: String], communeCode: Int, year: Int) async throws {
        let commune = try await CommuneScope.commune(communeCode, for: principal, on: database)
        var counts = try SafetyCounts.parse(fields).get()
        let checks = try await checks(communeCode: communeCode, year: year)
        if !checks.isEmpty {
            counts.homesAssessed = checks.count
            counts.safeHomes = checks.filter(\.safe).count
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
            let checks = try await SafeHomeCheckRecord.query(on: database).filter(\.$communeCode == commune.code)
                .filter(\.$year == year).all()
            let counts = existing ?? SafetyCountsRecord()
            if existing == nil {
                counts.provinceCode = commune.provinceCode
                counts.communeCode = commune.code
                counts.year = year
                counts.set(SafetyCounts())
            }
            counts.homesAssessed = checks.count
            counts.safeHomes = checks.filter(\.safe).count
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
