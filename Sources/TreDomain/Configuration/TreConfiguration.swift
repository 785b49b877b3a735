import Foundation

/// Tre's settings, read once from the environment at start-up. A bad value stops start-up with a
/// single line naming the variable and what is wrong, rather than a crash later.
public struct TreConfiguration: Equatable, Sendable {
    public enum Database: Equatable, Sendable {
        /// The embedded default: one file under the data directory.
        case sqlite(path: String)
        /// Production: a `postgres://` or `postgresql://` URL.
        case postgres(url: String)

        public var kind: String {
            switch self {
            case .sqlite: "sqlite"
            case .postgres: "postgresql"
            }
        }
    }

    public enum LogLevel: String, CaseIterable, Sendable {
        case trace, debug, info, notice, warning, error, critical
    }

    public var database: Database
    public var dataDirectory: String
    public var host: String
    public var port: Int
    public var adminPassword: String?
    public var logLevel: LogLevel
    /// The key of the audit trail's MACs and chain (`TRE_AUDIT_KEY`); nil: the data directory's key file.
    /// Every app node of one database must share it.
    public var auditKey: [UInt8]?
    /// Where the chain's head is appended (`TRE_AUDIT_CHECKPOINT_FILE`), a place the operator keeps away
    /// from the database; nil: no checkpoints.
    public var auditCheckpointFile: String?
    public var auditCheckpointMinutes: Int
    /// Addresses of the reverse proxies (HAProxy) whose `X-Forwarded-For` names the client; from
    /// `TRE_TRUSTED_PROXIES`, comma-separated. Empty: the peer itself is the client.
    public var trustedProxies: Set<String> = []

    public static let variables = [
        "DATABASE_URL", "TRE_DATA_DIR", "HOST", "PORT", "TRE_ADMIN_PASSWORD", "LOG_LEVEL", "TRE_AUDIT_KEY",
        "TRE_AUDIT_CHECKPOINT_FILE", "TRE_AUDIT_CHECKPOINT_MINUTES", "TRE_TRUSTED_PROXIES",
    ]

    public init(
        database: Database, dataDirectory: String, host: String, port: Int, adminPassword: String?, logLevel: LogLevel,
        auditKey: [UInt8]? = nil, auditCheckpointFile: String? = nil, auditCheckpointMinutes: Int = 60,
        trustedProxies: Set<String> = []
    ) {
        self.trustedProxies = trustedProxies
        self.database = database
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.adminPassword = adminPassword
        self.logLevel = logLevel
        self.auditKey = auditKey
        self.auditCheckpointFile = auditCheckpointFile
        self.auditCheckpointMinutes = auditCheckpointMinutes
    }

    /// The key file Tre creates on first start when `TRE_AUDIT_KEY` is not set.
    public var auditKeyFile: String { (dataDirectory as NSString).appendingPathComponent("audit.key") }

    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> TreConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }

        let dataDirectory = value("TRE_DATA_DIR") ?? "./tre-data"
        let database: Database
        if let url = value("DATABASE_URL") {
            guard let parsed = URL(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""),
                parsed.host != nil
            else {
                throw ConfigurationError(
                    variable: "DATABASE_URL",
                    reason: "must be a postgres://user:password@host:port/database URL (leave it unset for SQLite)")
            }
            database = .postgres(url: url)
        } else {
            database = .sqlite(path: (dataDirectory as NSString).appendingPathComponent("tre.sqlite"))
        }

        let host = value("HOST") ?? "127.0.0.1"
        guard host.allSatisfy({ $0.isLetter || $0.isNumber || ".:-".contains($0) }) else {
            throw ConfigurationError(variable: "HOST", reason: "must be a host name or IP address, got \"\(host)\"")
        }

        var port = 8080
        if let raw = value("PORT") {
            guard let parsed = Int(raw), (1...65535).contains(parsed) else {
                throw ConfigurationError(variable: "PORT", reason: "must be a number from 1 to 65535, got \"\(raw)\"")
            }
            port = parsed
        }

        let adminPassword = value("TRE_ADMIN_PASSWORD")
        if let adminPassword {
            do {
                try AccountRules.validatePassword(adminPassword, username: "admin")
            } catch {
                throw ConfigurationError(variable: "TRE_ADMIN_PASSWORD", reason: error.message.en)
            }
        }

        var logLevel = LogLevel.info
        if let raw = value("LOG_LEVEL") {
            guard let parsed = LogLevel(rawValue: raw.lowercased()) else {
                let known = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(variable: "LOG_LEVEL", reason: "must be one of \(known), got \"\(raw)\"")
            }
            logLevel = parsed
        }

        var auditKey: [UInt8]?
        if let raw = value("TRE_AUDIT_KEY") {
            guard let decoded = AuditKeyText.decode(raw) else {
                throw ConfigurationError(
                    variable: "TRE_AUDIT_KEY", reason: "must be 64 hexadecimal digits or base64 of at least 32 bytes")
            }
            auditKey = decoded
        }

        var checkpointMinutes = 60
        if let raw = value("TRE_AUDIT_CHECKPOINT_MINUTES") {
            guard let parsed = Int(raw), (1...1440).contains(parsed) else {
                throw ConfigurationError(
                    variable: "TRE_AUDIT_CHECKPOINT_MINUTES", reason: "must be a number from 1 to 1440, got \"\(raw)\"")
            }
            checkpointMinutes = parsed
        }

        var trustedProxies: Set<String> = []
        for entry in (value("TRE_TRUSTED_PROXIES") ?? "").split(separator: ",") {
            let address = entry.trimmingCharacters(in: .whitespaces)
            guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || ".:".contains($0) }) else {
                throw ConfigurationError(
                    variable: "TRE_TRUSTED_PROXIES",
                    reason: "must be IP addresses separated by commas, got \"\(address)\"")
            }
            trustedProxies.insert(address)
        }

        return TreConfiguration(
            database: database, dataDirectory: dataDirectory, host: host, port: port,
            adminPassword: adminPassword, logLevel: logLevel, auditKey: auditKey,
            auditCheckpointFile: value("TRE_AUDIT_CHECKPOINT_FILE"), auditCheckpointMinutes: checkpointMinutes,
            trustedProxies: trustedProxies)
    }
}

public struct ConfigurationError: Error, Equatable, CustomStringConvertible, Sendable {
    public var variable: String
    public var reason: String

    public var description: String { "Configuration error: \(variable) \(reason)." }
}
