import Fluent
import Foundation
import Logging
import SQLKit
import TreDomain
import Vapor

/// What the `tre` command-line tool does, as plain functions; the executable only parses arguments.
public enum TreCommands {
    /// The settings every command runs with, named here so that the `tre` executable needs no other module.
    public typealias Settings = TreConfiguration

    /// Reads the configuration, or stops with one clear line naming the variable at fault.
    public static func loadConfiguration() -> TreConfiguration {
        do {
            return try TreConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(78)  // EX_CONFIG
        }
    }

    public static func bootstrapLogging(_ configuration: TreConfiguration) {
        let level = Logger.Level(rawValue: configuration.logLevel.rawValue) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// An application with migrations and reference data applied, ready for a command or the server.
    static func openApplication(_ configuration: TreConfiguration, arguments: [String] = ["tre"], sealing: Bool = false)
        async throws -> Application
    {
        let app = try await Application.make(Environment(name: "production", arguments: arguments))
        do {
            let environment = ProcessInfo.processInfo.environment
            let refreshSeconds = environment["TRE_INDICATOR_REFRESH_SECONDS"].flatMap(Int.init)
            var options = AppOptions(
                database: DatabaseChoice(configuration.database), sealsAuditTrail: sealing,
                indicatorRefreshSeconds: max(refreshSeconds ?? 600, 5),
                trustedProxies: configuration.trustedProxies)
            options.servedOverHTTPS = environment["TRE_PUBLIC_URL"]?.lowercased().hasPrefix("https://") ?? false
            options.auditKey = try AuditKey.load(configuration)
            options.auditCheckpointFile = configuration.auditCheckpointFile
            options.auditCheckpointMinutes = configuration.auditCheckpointMinutes
            try await configure(app, options)
            try await app.autoMigrate()
            try await AuditKeyCheck.ensure(on: app.db)
            if case .sqliteFile = DatabaseChoice(configuration.database), let sql = app.db as? any SQLDatabase {
                // Write-ahead logging: readers no longer wait on a writer, and a commit syncs one file
                // instead of two (a million demo children were bound by fsync). Kept by the file itself.
                try await sql.raw("PRAGMA journal_mode=WAL").run()
            }
            return app
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// - Parameter sealing: seal, at the end, the entries the command wrote (as `serve` does when it
    ///   stops), so that they are not left waiting for the next `serve`. Off for the audit commands,
    ///   which only read the trail.
    static func withApplication<T>(
        _ configuration: TreConfiguration, sealing: Bool = true, _ body: (Application) async throws -> T
    ) async throws -> T {
        let app = try await openApplication(configuration)
        do {
            let result = try await body(app)
            // A server sealing at the same moment wins the unique sequence; it then seals these too.
            if sealing { try? await AuditSealer.sealAll(on: app.db) }
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// `tre serve`: migrate, create the first administrator if needed, and serve until stopped.
    public static func serve(_ configuration: TreConfiguration) async throws {
        let app = try await openApplication(configuration, arguments: ["tre", "serve"], sealing: true)
        app.http.server.configuration.hostname = configuration.host
        app.http.server.configuration.port = configuration.port
        do {
            try await ChildImportRollback.undoInterrupted(on: app.db)
            try await ChildImportBatch.markInterrupted(on: app.db)
            if let created = try await FirstAdministrator.createIfNoAccounts(
                password: configuration.adminPassword, hashing: app.passwordHashing, on: app.db)
            {
                say(firstAdministratorNotice(created))
            }
            say("Tre: http://\(configuration.host):\(configuration.port) (database: \(configuration.database.kind))")
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func firstAdministratorNotice(_ created: FirstAdministrator.Created) -> String {
        if let password = created.generatedPassword {
            return """
                ==============================================================
                First administrator account created / Đã tạo tài khoản quản trị:
                  username: \(created.username)
                  password: \(password)
                It is shown only this once and must be changed at first login.
                Mật khẩu chỉ hiện một lần và phải đổi khi đăng nhập lần đầu.
                ==============================================================
                """
        }
        return
            "First administrator account '\(created.username)' created with TRE_ADMIN_PASSWORD; change it at first login."
    }

    /// `tre migrate`: apply migrations and reference data, then stop.
    /// The strings table as JSON: `{"key": {"vi": …, "en": …}}`, keys sorted.
    public static func stringsTable() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(UIStrings.all) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    public static func migrate(_ configuration: TreConfiguration) async throws -> String {
        try await withApplication(configuration) { app in
            let provinces = try await Province.query(on: app.db).count()
            let communes = try await Commune.query(on: app.db).count()
            return "Migrations applied. Units: \(provinces) provinces, \(communes) communes."
        }
    }

    /// `tre user add`.
    public static func addUser(
        _ configuration: TreConfiguration, username: String, password: String, fullName: String?, role: String,
        provinceCode: Int?, communeCode: Int?
    ) async throws -> String {
        try await withApplication(configuration) { app in
            guard let role = Role(rawValue: role) else { throw CommandFailure(UnknownRole(value: role).message.en) }
            do {
                let account = try await AccountService(database: app.db, hashing: app.passwordHashing).create(
                    NewAccount(
                        username: username, password: password, fullName: fullName ?? username, role: role,
                        provinceCode: provinceCode, communeCode: communeCode),
                    by: .system("user-add"))
                return "Created \(account.username) (\(role.rawValue)); the password must be changed at first login."
            } catch let error as any LocalizedFailure {
                throw CommandFailure(error.message.en)
            }
        }
    }

    /// `tre demo`: realistic synthetic accounts, and children spread over the country with a share in
    /// the demo officers' communes. Prints progress and the rate reached.
    public static func demo(
        _ configuration: TreConfiguration, password: String?, children: Int, cases: Int = 0, contacts: Int = 0
    )
        async throws -> String
    {
        try await withApplication(configuration) { app in
            let chosen = password ?? FirstAdministrator.generatePassword()
            let created = try await DemoData.seed(password: chosen, on: app.db, hashing: app.passwordHashing)
            var focus: [Commune] = []
            for province in DemoData.provinceCodes {
                focus += try await UnitQueries.communesInForce(provinceCode: province, on: app.db).prefix(2)
            }
            let started = Date()
            let step = max(children / 10, 10_000)
            var nextReport = step
            // A second run adds more children rather than the same ones again.
            let seed = UInt64(2025 + (try await Child.query(on: app.db).count()))
            let written = try await DemoChildren.seed(count: children, focusCommunes: focus, on: app.db, seed: seed) {
                done in
                guard done >= nextReport || done == children else { return }
                nextReport += step
                let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
                say("  \(done)/\(children) children (\(Int(rate))/s)")
            }
            let seconds = Date().timeIntervalSince(started)
            let casesStarted = Date()
            let opened = try await DemoCases.seed(count: cases, communes: focus, on: app.db, seed: seed)
            let caseSeconds = Date().timeIntervalSince(casesStarted)
            let contactsStarted = Date()
            let logged = try await DemoContacts.seed(count: contacts, on: app.db, seed: seed)
            let contactSeconds = Date().timeIntervalSince(contactsStarted)
            let injuries = try await DemoInjuries.seed(
                children: written, focusCommunes: focus, on: app.db, seed: seed)
            let assessments = try await DemoChildFriendly.seed(
                provinces: DemoData.provinceCodes, on: app.db, seed: seed)
            let work = try await DemoCommuneWork.seed(
                provinces: DemoData.provinceCodes, focusCommunes: focus, on: app.db, seed: seed)
            try await DemoData.seedPopulations(on: app.db)
            let refreshed = try await IndicatorRefresh.run(on: app.db)
            return """
                Demo data: \(created.count) accounts created (\(created.joined(separator: ", "))); password: \(chosen)
                analyst, hotline and the tinh… accounts set up two-step verification (an authenticator app) at first sign-in
                \(written) children in \(String(format: "%.1f", seconds)) s (\(Int(Double(written) / max(seconds, 0.001))) children/s)
                \(opened) cases in \(String(format: "%.1f", caseSeconds)) s, in every state of the procedure
                \(logged) hotline contacts in \(String(format: "%.1f", contactSeconds)) s
                \(injuries) accidents and injuries this year
                \(assessments) child-friendly assessments decided last year
                commune work: \(work.forums) children's forums with \(work.questions) questions, \(work.campaigns) campaigns, \(work.inspections) inspections, safe homes of \(work.safety) communes
                indicators: \(refreshed.facts) figures computed in \(refreshed.milliseconds) ms
                """
        }
    }
}

extension TreCommands {
    /// `tre import children FILE --commune CODE`: the same checks as the import page; prints every
    /// row's problems and every update's changes, and writes nothing unless every row is good.
    public static func importChildren(
        _ configuration: TreConfiguration, file: String, communeCode: Int, dryRun: Bool,
        encoding: String? = nil, separator: String? = nil, sheet: String? = nil
    ) async throws -> String {
        let chosenEncoding = try encoding.map {
            guard let value = ImportTextEncoding(rawValue: $0) else {
                throw CommandFailure("--encoding must be one of utf8, utf16, windows1258, tcvn3, vni.")
            }
            return value
        }
        let chosenSeparator = try separator.map {
            guard let value = ImportSeparator(rawValue: $0) else {
                throw CommandFailure("--separator must be one of comma, semicolon, tab.")
            }
            return value
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("Cannot read \(file).")
        }
        return try await withApplication(configuration) { app in
            guard let commune = try await UnitQueries.commune(code: communeCode, on: app.db) else {
                throw CommandFailure(JurisdictionError.unknownCommune.message.en)
            }
            let principal = Principal(
                userID: UUID(), username: "system:import", fullName: "tre import", role: .communeOfficer,
                jurisdiction: .commune(provinceCode: commune.provinceCode, communeCode: commune.code),
                mustChangePassword: false)
            let importer = ChildImporter(database: app.db, principal: principal, actor: .system("import"))
            let check: ImportCheck
            do {
                if XLSXTable.isZIP(data) {
                    let read = try ChildImporter.readWorkbook(data, defaultCommune: communeCode, sheet: sheet)
                    say("read the sheet “\(read.sheet)” (column names on row \(read.headerLine))")
                    check = try await importer.check(read.rows)
                } else {
                    let read = try ChildImporter.read(
                        data, defaultCommune: communeCode, encoding: chosenEncoding, separator: chosenSeparator)
                    say(
                        "read as \(read.reading.encoding.label(.en)), fields separated by \(read.reading.separator.label(.en))"
                    )
                    check = try await importer.check(read.rows)
                }
            } catch let failure as any LocalizedFailure {
                throw CommandFailure(failure.message.en)
            }
            for row in check.rows where !row.errors.isEmpty {
                say("line \(row.line) (\(row.fullName)): " + row.errors.map(\.en).joined(separator: "; "))
            }
            guard check.errorCount == 0 else {
                throw CommandFailure(
                    "\(check.errorCount) of \(check.rows.count) rows have problems; nothing was written.")
            }
            let plan =
                "\(check.newCount) new, \(check.updateCount) to update, \(check.unchangedCount) already up to date"
            for row in check.rows where row.kind == .update {
                say(
                    "line \(row.line) (\(row.fullName)) updates: "
                        + row.changes.map { "\($0.label.en) \($0.before.en) → \($0.after.en)" }.joined(separator: "; "))
            }
            guard check.canCommit else { return "\(plan); nothing to write." }
            if dryRun { return "\(plan); nothing written (--dry-run)." }
            let started = Date()
            let total = check.writeCount
            let count = try await importer.commit(check) { done in
                if done % 10_000 < ChildImporter.batchSize || done == total { say("  \(done)/\(total) rows") }
            }
            let seconds = Date().timeIntervalSince(started)
            return
                "\(plan): wrote \(count) children into \(commune.name) in \(String(format: "%.1f", seconds)) s (\(Int(Double(count) / max(seconds, 0.001))) rows/s)."
                + PeakMemory.sentence
        }
    }
}

/// Prints at once, even when standard output is a file or a pipe (where it would otherwise be buffered).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

public struct CommandFailure: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
