import Foundation
import Testing

@testable import TreDomain

@Suite struct AccessTests {
    @Test func onlyAdministratorsManageAccounts() {
        for role in Role.allCases {
            #expect(AccessPolicy.allows(role, .manageAccounts) == (role == .admin))
        }
    }

    @Test func theDecisionOrderIsSignInThenPasswordThenRole() {
        #expect(AccessPolicy.decide(.permission(.viewUnits), role: nil, mustChangePassword: false) == .needsSignIn)
        #expect(AccessPolicy.decide(.everyone, role: nil, mustChangePassword: false) == .allowed)
        #expect(AccessPolicy.decide(.signedIn, role: .admin, mustChangePassword: true) == .needsPasswordChange)
        #expect(AccessPolicy.decide(.signedInMayChangePassword, role: .admin, mustChangePassword: true) == .allowed)
        #expect(
            AccessPolicy.decide(.permission(.manageAccounts), role: .communeOfficer, mustChangePassword: false)
                == .forbidden)
        #expect(
            AccessPolicy.decide(.permission(.viewAudit), role: .provincialOfficer, mustChangePassword: false)
                == .allowed)
    }

    @Test func aProvinceContainsItsCommunesButNotAnothers() {
        let haNoi = Jurisdiction.province(provinceCode: 1)
        #expect(haNoi.contains(.commune(provinceCode: 1, communeCode: 4)))
        #expect(!haNoi.contains(.commune(provinceCode: 4, communeCode: 1234)))
        #expect(!haNoi.contains(.nation))
        let baDinh = Jurisdiction.commune(provinceCode: 1, communeCode: 4)
        #expect(!baDinh.contains(.commune(provinceCode: 1, communeCode: 8)))
        #expect(!baDinh.contains(haNoi))
        #expect(Jurisdiction.nation.contains(baDinh))
    }

    @Test func aRoleFixesTheLevelOfItsJurisdiction() throws {
        #expect(throws: AccountError.jurisdictionDoesNotFitRole(.communeOfficer)) {
            try AccountRules.jurisdiction(for: .communeOfficer, provinceCode: 1, commune: nil)
        }
        #expect(throws: AccountError.jurisdictionDoesNotFitRole(.admin)) {
            try AccountRules.jurisdiction(for: .admin, provinceCode: 1, commune: nil)
        }
        #expect(throws: AccountError.communeNotInProvince) {
            try AccountRules.jurisdiction(for: .communeChair, provinceCode: 4, commune: (1, 4))
        }
        #expect(
            try AccountRules.jurisdiction(for: .communeChair, provinceCode: nil, commune: (1, 4))
                == .commune(provinceCode: 1, communeCode: 4))
    }

    @Test func passwordsHaveAMinimumLengthAndAreNotTheUsername() {
        #expect(throws: AccountError.passwordTooShort(minimum: 10)) {
            try AccountRules.validatePassword("ngan", username: "x")
        }
        #expect(throws: AccountError.passwordEqualsUsername) {
            try AccountRules.validatePassword("lan.nguyen1", username: "lan.nguyen1")
        }
        #expect(throws: Never.self) { try AccountRules.validatePassword("mot-mat-khau-dai", username: "lan") }
    }
}
