import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Leaf
import LeafKit
import TreDomain
import Vapor

/// Which database an application uses. `swift run` and production take it from `TreConfiguration`;
/// tests use an in-memory SQLite or a PostgreSQL schema of their own.
public enum DatabaseChoice: Sendable {
    case sqliteFile(path: String)
    case sqliteInMemory
    /// `searchPath` puts every table in one schema, so parallel tests never see each other's rows.
    case postgres(url: String, searchPath: String? = nil)

    public init(_ database: TreConfiguration.Database) {
        switch database {
        case .sqlite(let path): self = .sqliteFile(path: path)
        case .postgres(let url): self = .postgres(url: url)
        }
    }

    var kind: String {
        switch self {
        case .sqliteFile, .sqliteInMemory: "sqlite"
        case .postgres: "postgresql"
        }
    }
}

public struct AppOptions: Sendable {
    public var database: DatabaseChoice
    /// Bcrypt cost; tests lower it so that a login takes milliseconds rather than a quarter second.
    public var passwordCost: Int
    /// Seal the audit trail every few seconds in the background (on for `serve`).
    public var sealsAuditTrail: Bool
    /// How often the stored indicator figures are recomputed (seconds; `TRE_INDICATOR_REFRESH_SECONDS`).
    public var indicatorRefreshSeconds: Int
    /// Tre's public address is https (`TRE_PUBLIC_URL`): cookies are Secure even when a proxy does not say so.
    public var servedOverHTTPS = false
    /// The audit trail's key (`AuditKey.load`); nil only in tests, which share a fixed one.
    public var auditKey: SymmetricKey?
    /// Where `serve` appends the audit chain's head, every `auditCheckpointMinutes`; nil: nowhere.
    public var auditCheckpointFile: String?
    public var auditCheckpointMinutes = 60
    /// Proxies whose `X-Forwarded-For` names the client (`TRE_TRUSTED_PROXIES`).
    public var trustedProxies: Set<String>

    public init(
        database: DatabaseChoice, passwordCost: Int = 12, sealsAuditTrail: Bool = false,
        indicatorRefreshSeconds: Int = 600, trustedProxies: Set<String> = []
    ) {
        self.trustedProxies = trustedProxies
        self.indicatorRefreshSeconds = indicatorRefreshSeconds
        self.database = database
        self.passwordCost = passwordCost
        self.sealsAuditTrail = sealsAuditTrail
    }
}

/// Sets up an application: database, migrations, sessions, views, middleware and routes.
public func configure(_ app: Application, _ options: AppOptions) async throws {
    // SQLite statements, bcrypt and file reads block a thread each. With one thread per core (Vapor's
    // default), two SQLite connections waiting on the write lock (their busy handler retries at once) took
    // both threads, and the connection holding the lock never got one to commit: the server spun forever.
    // Set before the database pools are made, which take this pool.
    app.threadPool = NIOThreadPool(numberOfThreads: max(16, 4 * System.coreCount))
    try IndicatorCatalogueFile.check()
    _ = StrictJSONDates.installed
    try CommonPasswordsFile.check()
    try useDatabase(options.database, on: app)
    app.treDatabaseKind = options.database.kind
    AuditKey.use(options.auditKey ?? AuditKey.testing)
    Migrations.register(on: app)

    app.passwordHashing = PasswordHashing(
        cost: options.passwordCost, threadPool: app.threadPool,
        dummy: try Bcrypt.hash(UUID().uuidString, cost: options.passwordCost))
    app.importProgress = ImportProgress()
    app.trustedProxies = options.trustedProxies

    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: "tre-session") { id in
        HTTPCookies.Value(
            string: id.string, expires: Date(timeIntervalSinceNow: PrincipalMiddleware.sessionLifetime), maxAge: nil,
            domain: nil, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    // Nothing in Tre renders unescaped HTML; without the tag, no template can start to.
    app.leaf.tags.removeValue(forKey: "unsafeHTML")
    // Explicit sources sandboxed to Resources/Views: Leaf's default refuses paths with a dot-folder,
    // which a checkout path may well contain.
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: NIOLeafFiles.Limit([.toSandbox, .requireExtensions]),
            sandboxDirectory: ResourceDirectories.views, viewDirectory: ResourceDirectories.views))

    app.middleware = Middlewares()
    // Outermost, so that error pages (403, 404, a refused CSRF token) carry the headers too.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(TreErrorMiddleware())
    app.middleware.use(SecureCookiesMiddleware(alwaysSecure: options.servedOverHTTPS))
    app.middleware.use(MethodNotAllowedMiddleware(routes: app.routes))
    app.middleware.use(FileMiddleware(publicDirectory: ResourceDirectories.publicFiles))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(PrincipalMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(AuthorizationMiddleware())
    app.middleware.use(InputCheckMiddleware(contract: try APIContract(document: OpenAPIDocument.data())))

    try routes(app)

    if options.sealsAuditTrail {
        // Entries become tamper-evident moments after they are written, without any writer waiting.
        app.lifecycle.use(
            PeriodicJob(
                "audit sealing", every: .seconds(2), on: app.backgroundDatabaseID,
                work: { try await AuditSealer.sealAll(on: $0) },
                onShutdown: { try await AuditSealer.sealAll(on: $0) }))
        if let path = options.auditCheckpointFile {
            // The head leaves the database, so that a later rewrite of the chain shows against it.
            app.lifecycle.use(
                PeriodicJob(
                    "audit checkpoint", every: .seconds(60 * Int64(options.auditCheckpointMinutes)),
                    on: app.backgroundDatabaseID,
                    work: { [logger = app.logger] database in
                        do {
                            try await AuditCheckpointFile.append(to: path, on: database)
                        } catch {
                            // Not a turn to retry quietly: the operator counts on these lines.
                            logger.error("audit checkpoint not written to \(path): \(String(reflecting: error))")
                        }
                    }))
        }
        // Passed deadlines are escalated within a minute.
        app.lifecycle.use(
            PeriodicJob(
                "case escalation", every: .seconds(60), on: app.backgroundDatabaseID,
                work: { try await CaseEscalation.run(on: $0) }))
        // Dashboards read stored figures; one node at a time recomputes them from the records.
        app.lifecycle.use(
            PeriodicJob(
                "indicator refresh", every: .seconds(options.indicatorRefreshSeconds),
                on: app.backgroundDatabaseID,
                work: { [logger = app.logger] database in
                    if let outcome = try await IndicatorRefresh.runIfDue(on: database), outcome.skipped > 0 {
                        logger.warning("indicator refresh left out \(outcome.skipped) figures of unknown places")
                    }
                }))
        app.lifecycle.use(
            PeriodicJob(
                "sign-in housekeeping", every: .seconds(900), on: app.backgroundDatabaseID,
                work: { try await SignInHousekeeping.run(on: $0) }))
    }
}

private func useDatabase(_ choice: DatabaseChoice, on app: Application) throws {
    switch choice {
    case .sqliteFile(let path):
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        // Background jobs wait their turn for these connections as long as a refresh takes.
        app.databases.use(
            .sqlite(.file(path), connectionPoolTimeout: .minutes(10)), as: .background, isDefault: false)
        app.lifecycle.use(SQLiteConnectionSettings(databaseIDs: [.sqlite, .background]))
    case .sqliteInMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let searchPath { configuration.searchPath = [searchPath] }
        // PostgreSQL's default costs assume spinning disks and then scan a million children rather than
        // look up the few thousand a name search found. 1.1 is the usual value for SSD and cloud disks;
        // a server configured otherwise is not overridden beyond Tre's own sessions.
        configuration.coreConfiguration.options.additionalStartupParameters.append(("random_page_cost", "1.1"))
        app.databases.use(.postgres(configuration: configuration), as: .psql)
        app.databases.use(
            .postgres(configuration: configuration, maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .minutes(10)),
            as: .background, isDefault: false)
    }
}

extension DatabaseID {
    /// Connections of their own for background work (sealing the audit trail, escalating deadlines,
    /// recomputing the indicators), so that it never holds a connection a request is waiting for. Not set up for an in-memory database (tests), which a
    /// second pool would not share.
    static let background = DatabaseID(string: "background")
}

extension Application {
    /// `.background` where it is set up, else the application's own pool.
    var backgroundDatabaseID: DatabaseID? { databases.ids().contains(.background) ? .background : nil }

    private struct DatabaseKindKey: StorageKey {
        typealias Value = String
    }

    var treDatabaseKind: String {
        get { storage[DatabaseKindKey.self] ?? "unknown" }
        set { storage[DatabaseKindKey.self] = newValue }
    }
}
