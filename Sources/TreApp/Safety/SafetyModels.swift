import Fluent
import Foundation
import SQLKit
import TreDomain

/// A commune's year of safe homes, schools and communities. When homes are checked one by one, the home
/// figures are those checks' totals.
final class SafetyCountsRecord: Model, @unchecked Sendable {
    static let schema = "safety_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "year") var year: Int
    @Field(key: "homes_assessed") var homesAssessed: Int
    @Field(key: "safe_homes") var safeHomes: Int
    @Field(key: "schools") var schools: Int
    @Field(key: "safe_schools") var safeSchools: Int
    @Field(key: "communities") var communities: Int
    @Field(key: "safe_communities") var safeCommunities: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var counts: SafetyCounts {
        var counts = SafetyCounts()
        counts.homesAssessed = homesAssessed
        counts.safeHomes = safeHomes
        counts.schools = schools
        counts.safeSchools = safeSchools
        counts.communities = communities
        counts.safeCommunities = safeCommunities
        return counts
    }

    func set(_ counts: SafetyCounts) {
        homesAssessed = counts.homesAssessed
        safeHomes = counts.safeHomes
        schools = counts.schools
        safeSchools = counts.safeSchools
        communities = counts.communities
        safeCommunities = counts.safeCommunities
    }
}

/// One household's "safe home" check.
final class SafeHomeCheckRecord: Model, @unchecked Sendable {
    static let schema = "safe_home_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "year") var year: Int
    /// How the commune names the household, e.g. "Hộ ông Lò Văn Páo, bản Nà Hang".
    @Field(key: "household") var household: String
    @Field(key: "criteria_met") var criteriaMet: Int
    @Field(key: "mandatory_met") var mandatoryMet: Int
    @Field(key: "injury_at_home") var injuryAtHome: Bool
    @Field(key: "safe") var safe: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var check: SafeHomeCheck {
        SafeHomeCheck(criteriaMet: criteriaMet, mandatoryMet: mandatoryMet, injuryAtHome: injuryAtHome)
    }
}
