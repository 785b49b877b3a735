import Foundation
import Testing

@testable import TreDomain

@Suite struct ConfigurationTests {
    @Test func nothingSetMeansEmbeddedSQLiteOnLoopback() throws {
        let configuration = try TreConfiguration.fromEnvironment([:])
        #expect(configuration.database == .sqlite(path: "./tre-data/tre.sqlite"))
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.logLevel == .info)
    }

    @Test func aPostgresURLSelectsPostgreSQL() throws {
        let url = "postgres://tre:secret@127.0.0.1:5432/tre"
        #expect(try TreConfiguration.fromEnvironment(["DATABASE_URL": url]).database == .postgres(url: url))
        let custom = try TreConfiguration.fromEnvironment(["TRE_DATA_DIR": "/var/lib/tre"])
        #expect(custom.database == .sqlite(path: "/var/lib/tre/tre.sqlite"))
    }

    @Test(arguments: [
        (["PORT": "80a"], "PORT"),
        (["PORT": "70000"], "PORT"),
        (["DATABASE_URL": "mysql://x@y/z"], "DATABASE_URL"),
        (["DATABASE_URL": "postgres:nohost"], "DATABASE_URL"),
        (["LOG_LEVEL": "loud"], "LOG_LEVEL"),
        (["HOST": "bad host!"], "HOST"),
        (["TRE_ADMIN_PASSWORD": "short"], "TRE_ADMIN_PASSWORD"),
        (["TRE_AUDIT_KEY": "too-short"], "TRE_AUDIT_KEY"),
        (["TRE_AUDIT_CHECKPOINT_MINUTES": "0"], "TRE_AUDIT_CHECKPOINT_MINUTES"),
    ])
    func aBadValueNamesItsVariable(environment: [String: String], variable: String) {
        do {
            _ = try TreConfiguration.fromEnvironment(environment)
            Issue.record("accepted \(environment)")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.hasPrefix("Configuration error: \(variable) "))
        }
    }

    @Test func theAuditKeyIsReadAsHexadecimalOrBase64() throws {
        let hex = String(repeating: "ab", count: 32)
        #expect(
            try TreConfiguration.fromEnvironment(["TRE_AUDIT_KEY": hex]).auditKey == Array(repeating: 0xab, count: 32))
        let base64 = Data(repeating: 7, count: 48).base64EncodedString()
        #expect(try TreConfiguration.fromEnvironment(["TRE_AUDIT_KEY": base64]).auditKey?.count == 48)
        let unset = try TreConfiguration.fromEnvironment(["TRE_DATA_DIR": "/var/lib/tre"])
        #expect(unset.auditKey == nil)
        #expect(unset.auditKeyFile == "/var/lib/tre/audit.key")
    }
}
