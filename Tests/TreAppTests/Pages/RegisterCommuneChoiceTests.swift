import Fluent
import Foundation
import Testing
import TreDomain
import VaporTesting

@testable import TreApp

/// Issue 16: a provincial officer records a forum, an injury, an inspection or a campaign in one of her
/// communes by choosing it by name, not by typing its code; a commune's officer records in her own commune.
@Suite struct RegisterCommuneChoiceTests {
    @Test func aProvinceChoosesTheCommuneByNameAndACommuneOfficerIsNotAsked() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "tinh1", role: .provincialOfficer, province: Places.haNoi)
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let province = WebClient(app)
            try await province.signIn("tinh1")
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            for path in ["/forums", "/injuries", "/inspections", "/campaigns"] {
                let page = try await province.get(path).body.string
                #expect(page.contains(#"<select id="communeCode" name="communeCode" required>"#), "\(path)")
                #expect(page.contains(#"<option value="4">Phường Ba Đình</option>"#), "\(path)")
                #expect(!page.contains(#"inputmode="numeric" id="communeCode""#))
                let own = try await officer.get(path).body.string
                #expect(!own.contains(#"name="communeCode""#), "\(path): her own commune is implied")
            }
        }
    }
}
