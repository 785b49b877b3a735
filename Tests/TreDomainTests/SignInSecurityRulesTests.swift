import Foundation
import Testing

@testable import TreDomain

@Suite struct SignInSecurityRulesTests {
    /// RFC 6238 appendix B, SHA-1 rows (eight digits, the 20-byte ASCII secret "12345678901234567890").
    @Test func totpMatchesTheRFC6238TestVectors() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let vectors: [(TimeInterval, String)] = [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ]
        for (seconds, expected) in vectors {
            let step = TOTP.step(at: Date(timeIntervalSince1970: seconds))
            #expect(totp.code(step: step, digits: 8) == expected, "T = \(seconds)")
        }
        // Six digits are the last six of the same number.
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
    }

    @Test func aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = TOTP.step(at: now)
        let current = totp.code(step: step)
        #expect(totp.matchingStep(current, at: now, lastUsedStep: nil) == step)
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now, lastUsedStep: nil) == step - 1)
        #expect(totp.matchingStep(totp.code(step: step + 1), at: now, lastUsedStep: nil) == step + 1)
        #expect(totp.matchingStep(totp.code(step: step - 2), at: now, lastUsedStep: nil) == nil)
        #expect(totp.matchingStep(current, at: now, lastUsedStep: step) == nil, "a used code is refused")
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now, lastUsedStep: step) == nil)
        #expect(totp.matchingStep("12a456", at: now, lastUsedStep: nil) == nil)
        #expect(
            totp.matchingStep(String(current.prefix(3)) + " " + current.dropFirst(3), at: now, lastUsedStep: nil)
                == step)
    }

    @Test func base32RoundTripsAndTheURINamesTheSecret() throws {
        #expect(Base32.decode("JBSWY3DPEHPK3PXP") == Array("Hello!".utf8) + [0xde, 0xad, 0xbe, 0xef])
        #expect(Base32.encode(Array("Hello!".utf8) + [0xde, 0xad, 0xbe, 0xef]) == "JBSWY3DPEHPK3PXP")
        #expect(Base32.decode("jbsw y3dp-ehpk 3pxp") == Base32.decode("JBSWY3DPEHPK3PXP"))
        #expect(Base32.decode("JBSW1") == nil)
        #expect(Base32.grouped("JBSWY3DPEHPK3PXP") == "JBSW Y3DP EHPK 3PXP")
        let secret = TOTP.randomSecret()
        #expect(secret.count == 20)
        #expect(Base32.decode(Base32.encode(secret)) == secret)
        let uri = TOTP(secret: secret).uri(account: "tongdai.an")
        #expect(uri.hasPrefix("otpauth://totp/Tre%3Atongdai.an?secret=\(Base32.encode(secret))&issuer=Tre"))
    }

    @Test func recoveryCodesAreTenDistinctAndTypedLoosely() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        let code = codes[0]
        #expect(
            RecoveryCodes.hash(code.uppercased().replacingOccurrences(of: "-", with: " ")) == RecoveryCodes.hash(code))
        #expect(RecoveryCodes.hash(code) != RecoveryCodes.hash(codes[1]))
    }

    @Test func failuresSlowTheAddressExponentiallyAndAreForgotten() {
        let rule = SignInThrottle.perAccountAndAddress
        #expect((0...2).map { rule.delay(afterFailures: $0) } == [0, 0, 0])
        #expect((3...6).map { rule.delay(afterFailures: $0) } == [5, 10, 20, 40])
        #expect(rule.delay(afterFailures: 100) == 15 * 60)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(rule.failuresAfterOneMore(previous: 5, lastFailureAt: now.addingTimeInterval(-60), now: now) == 6)
        #expect(rule.failuresAfterOneMore(previous: 5, lastFailureAt: now.addingTimeInterval(-3601), now: now) == 1)
        #expect(SignInThrottle.perAddress.delay(afterFailures: 9) == 0)
        #expect(SignInThrottle.perAddress.delay(afterFailures: 10) == 5)
    }

    @Test func theForwardedAddressIsBelievedOnlyFromATrustedProxy() {
        let proxies: Set<String> = ["10.0.0.2"]
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.9", trustedProxies: proxies)
                == "203.0.113.9")
        #expect(
            ClientAddress.resolve(peer: "198.51.100.7", forwardedFor: "203.0.113.9", trustedProxies: proxies)
                == "198.51.100.7")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: "<script>", trustedProxies: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: nil, trustedProxies: []) == "unknown")
    }

    @Test func trustedProxiesAreReadFromTheEnvironment() throws {
        let configuration = try TreConfiguration.fromEnvironment(["TRE_TRUSTED_PROXIES": "10.0.0.2, fd00::1"])
        #expect(configuration.trustedProxies == ["10.0.0.2", "fd00::1"])
        #expect(try TreConfiguration.fromEnvironment([:]).trustedProxies.isEmpty)
        #expect(throws: ConfigurationError.self) {
            try TreConfiguration.fromEnvironment(["TRE_TRUSTED_PROXIES": "haproxy.local"])
        }
    }

    @Test func commonAndNameBasedPasswordsAreRefused() {
        let common: Set<String> = ["password", "qwerty123456", "iloveyou"]
        func check(_ password: String, _ username: String = "an.nguyen", _ fullName: String = "Nguyễn Văn An")
            throws(AccountError)
        {
            try AccountRules.validatePassword(password, username: username, fullName: fullName, commonPasswords: common)
        }
        #expect(throws: AccountError.passwordTooCommon) { try check("qwerty123456") }
        #expect(throws: AccountError.passwordTooCommon) { try check("Password2026!") }
        #expect(throws: AccountError.passwordTooCommon) { try check("--iloveyou--") }
        #expect(throws: AccountError.passwordContainsName) { try check("tinh4tinh4tinh4", "tinh4", "Lê Văn Tính") }
        #expect(throws: AccountError.passwordContainsName) { try check("nguyenvanan2026") }
        #expect(throws: AccountError.passwordContainsName) { try check("Nguyễn-Văn-An-2026") }
        #expect(throws: AccountError.passwordContainsName) { try check("annguyen.annguyen") }
        #expect(throws: Never.self) { try check("mat-khau-an-toan-2026") }
        #expect(throws: Never.self) { try check("ci-admin-password-12345", "admin", "Quản trị hệ thống") }
        #expect(AccountError.passwordTooCommon.message.vi.contains("phổ biến"))
        #expect(AccountError.passwordContainsName.message.en.contains("your name"))
    }

    @Test func aRoleSeeingManyChildrenIsSentToEnrolFirst() {
        #expect(
            AccessPolicy.decide(.signedIn, role: .admin, mustChangePassword: false, needsSecondFactor: true)
                == .needsSecondFactor)
        #expect(
            AccessPolicy.decide(
                .signedInMayChangePassword, role: .admin, mustChangePassword: false, needsSecondFactor: true)
                == .allowed)
        #expect(
            AccessPolicy.decide(.signedIn, role: .admin, mustChangePassword: true, needsSecondFactor: true)
                == .needsPasswordChange)
        #expect(
            Role.allCases.filter(\.requiresSecondFactor) == [
                .admin, .nationalAnalyst, .provincialOfficer, .hotlineCounsellor,
            ])
    }
}
