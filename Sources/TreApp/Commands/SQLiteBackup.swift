import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import TreDomain
import Vapor

/// `tre backup FILE` and `tre restore FILE` for the embedded SQLite database. The copy is SQLite's own
/// consistent snapshot (`VACUUM INTO`, which reads in one transaction while Tre goes on serving); a copy is
/// trusted only after SQLite's integrity check and a look at what it holds (a Tre database, of migrations this
/// Tre knows). A restore checks before it touches anything, and keeps the database it replaces.
enum SQLiteBackup {
    struct Summary: Sendable {
        var children: Int
        var cases: Int
        var auditEntries: Int

        var sentence: String { "\(children) children, \(cases) cases, \(auditEntries) audit entries" }
    }

    /// Copies the live database to `file` (which must not exist), checked; audited.
    static func backup(_ app: Application, to file: String) async throws -> Summary {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw CommandFailure("\(file) already exists; choose a new file name.")
        }
        let partial = file + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        // The file name is a bound parameter, never spliced into the statement.
        try await app.db.sql().raw(SQLQueryString("VACUUM INTO \(bind: partial)")).run()
        let summary: Summary
        do {
            summary = try await inspect(partial)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        try FileManager.default.moveItem(atPath: partial, toPath: file)
        try await AuditLog.record(
            AuditEvent(
                action: "database.backed_up", recordType: "database", jurisdiction: .nation,
                details: "file=\((file as NSString).lastPathComponent) children=\(summary.children)"),
            by: .system("backup"), on: app.db)
        return summary
    }

    /// Puts `file` in place of the database at `live` after checking it; the database it replaces is kept beside
    /// it and its name returned. Refused while Tre may be serving (its write-ahead log is open).
    static func restore(from file: String, to live: String) async throws -> (Summary, kept: String?) {
        let summary = try await inspect(file)
        let files = FileManager.default
        guard !files.fileExists(atPath: live + "-wal") else {
            throw CommandFailure(
                "Tre seems to be running on \(live) (its write-ahead log is open): stop `tre serve` first. If it is stopped, start and stop it once to close the log, then restore."
            )
        }
        let staged = live + ".restoring"
        try? files.removeItem(atPath: staged)
        try files.copyItem(atPath: file, toPath: staged)
        var kept: String?
        if files.fileExists(atPath: live) {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            let name = live + ".before-restore-" + stamp
            try files.moveItem(atPath: live, toPath: name)
            try? files.removeItem(atPath: live + "-shm")
            kept = name
        }
        try files.moveItem(atPath: staged, toPath: live)
        return (summary, kept)
    }

    /// SQLite's integrity check of a copy, and what it holds; refuses anything that is not a whole Tre database
    /// this Tre can open. The copy is opened immutable: checking it writes nothing beside it.
    static func inspect(_ file: String) async throws -> Summary {
        guard let handle = FileHandle(forReadingAtPath: file) else { throw CommandFailure("Cannot read \(file).") }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw CommandFailure("\(file) is not an SQLite database: nothing was changed.")
        }
        let path = file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file
        let connection = try await SQLiteConnection.open(storage: .file(path: "file:\(path)?immutable=1")).get()
        do {
            let summary = try await inspect(connection, file: file)
            try await connection.close()
            return summary
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func inspect(_ connection: SQLiteConnection, file: String) async throws -> Summary {
        let damaged = CommandFailure("\(file) is damaged (SQLite's integrity check failed): nothing was changed.")
        let integrity: [SQLiteRow]
        do {
            integrity = try await connection.query("PRAGMA integrity_check")
        } catch {
            throw damaged
        }
        guard integrity.count == 1, integrity.first?.column("integrity_check")?.string == "ok" else { throw damaged }
        let tables = Set(
            try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap {
                $0.column("name")?.string
            })
        guard tables.isSuperset(of: ["_fluent_migrations", "children", "protection_cases", "audit_entries"]) else {
            throw CommandFailure("\(file) is not a Tre database: nothing was changed.")
        }
        let known = Set(Migrations.all.map(\.name))
        let unknown = try await connection.query("SELECT name FROM _fluent_migrations").compactMap {
            $0.column("name")?.string
        }.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw CommandFailure(
                "\(file) comes from a newer Tre (migrations \(unknown.joined(separator: ", "))): nothing was changed.")
        }
        func count(_ table: String) async throws -> Int {
            try await connection.query("SELECT COUNT(*) AS n FROM \(table)").first?.column("n")?.integer ?? 0
        }
        return Summary(
            children: try await count("children"), cases: try await count("protection_cases"),
            auditEntries: try await count("audit_entries"))
    }
}

extension TreCommands {
    /// `tre backup FILE`: a checked copy of the embedded database, made while Tre serves.
    public static func backup(_ configuration: TreConfiguration, file: String) async throws -> String {
        guard case .sqlite = configuration.database else { throw postgresBackups }
        return try await withApplication(configuration) { app in
            let summary = try await SQLiteBackup.backup(app, to: file)
            return "Backed up to \(file), checked: \(summary.sentence)."
        }
    }

    /// `tre restore FILE`: the copy in place of the embedded database, once checked; Tre must be stopped.
    public static func restore(_ configuration: TreConfiguration, file: String) async throws -> String {
        guard case .sqlite(let live) = configuration.database else { throw postgresBackups }
        let (summary, kept) = try await SQLiteBackup.restore(from: file, to: live)
        // Opened once: migrations bring an older copy up to this Tre, and the restore is audited in it.
        try await withApplication(configuration) { app in
            try await AuditLog.record(
                AuditEvent(
                    action: "database.restored", recordType: "database", jurisdiction: .nation,
                    details: "file=\((file as NSString).lastPathComponent) children=\(summary.children)"),
                by: .system("restore"), on: app.db)
        }
        return "Restored \(file): \(summary.sentence)."
            + (kept.map { " The database it replaced is kept as \($0)." } ?? "")
    }

    static let postgresBackups = CommandFailure(
        "tre backup and tre restore copy the embedded SQLite database. PostgreSQL is backed up with its own tools (see docs/operations.md)."
    )
}
