import ArgumentParser
import Foundation
import TreApp

#if os(Linux)
    /// glibc's `mallopt` (malloc.h is not in Swift's Glibc module); `M_ARENA_MAX` is -8 there.
    @_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
    private let mallocArenaMaximum: Int32 = -8
#endif

/// `tre`: run the server and the administrative tasks around it. Each command reads the
/// configuration from the environment (see README) and delegates to `TreCommands`.
@main
struct Tre: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tre",
        abstract: "Tre — the information system for Vietnam's child protection and care work.",
        subcommands: [
            Serve.self, Migrate.self, User.self, Demo.self, Import.self, Audit.self, Strings.self, Backup.self,
            Restore.self,
        ],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply migrations and reference data, create the first administrator if needed, and serve.")

    func run() async throws {
        #if os(Linux)
            // glibc gives each thread that allocates under contention an arena of its own (up to eight per
            // core) and seldom returns their memory; two arenas keep the server's resident memory close to
            // what it uses (bench/run: peak RSS during a national refresh, see BENCHMARKS.md).
            _ = mallopt(mallocArenaMaximum, 2)
        #endif
        let settings = TreCommands.loadConfiguration()
        TreCommands.bootstrapLogging(settings)
        try await TreCommands.serve(settings)
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply migrations and reference data, then stop.")

    func run() async throws {
        let settings = TreCommands.loadConfiguration()
        TreCommands.bootstrapLogging(settings)
        print(try await TreCommands.migrate(settings))
    }
}

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account with a temporary password (changed at first login).")

        @Argument(help: "The username (lowercase letters, digits, . - _).") var username: String
        @Option(
            help: "admin, national_analyst, provincial_officer, commune_officer, commune_chair or hotline_counsellor.")
        var role: String
        @Option(help: "Province code, for a provincial officer.") var province: Int?
        @Option(help: "Commune code, for a commune officer or chairperson.") var commune: Int?
        @Option(help: "The temporary password.") var password: String
        @Option(help: "The person's full name.") var fullName: String?

        func run() async throws {
            let settings = TreCommands.loadConfiguration()
            TreCommands.bootstrapLogging(settings)
            do {
                print(
                    try await TreCommands.addUser(
                        settings, username: username, password: password, fullName: fullName, role: role,
                        provinceCode: province, communeCode: commune))
            } catch let failure as CommandFailure {
                throw ValidationError(failure.description)
            }
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add realistic synthetic data for trying Tre out.")

    @Option(help: "Password for the demo accounts (default: a random one, printed).") var password: String?
    @Option(help: "How many children to generate.") var children = 2000
    @Option(help: "How many reports and cases to open in the demo communes, in every state, some late.")
    var cases = 60
    @Option(help: "How many hotline contacts to spread over the last year, in the published proportions.")
    var contacts = 2000

    func validate() throws {
        guard children >= 0 else { throw ValidationError("--children must be 0 or more") }
        guard cases >= 0 else { throw ValidationError("--cases must be 0 or more") }
        guard contacts >= 0 else { throw ValidationError("--contacts must be 0 or more") }
    }

    func run() async throws {
        let settings = TreCommands.loadConfiguration()
        TreCommands.bootstrapLogging(settings)
        print(
            try await TreCommands.demo(
                settings, password: password, children: children, cases: cases, contacts: contacts))
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import records from files.", subcommands: [Children.self])

    struct Children: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import a commune's list of children from an Excel workbook or a text file (all rows or none); a row about a registered child updates it."
        )

        @Argument(help: "The .xlsx workbook, or the CSV or tab-separated text file (a row names the columns).")
        var file: String
        @Option(help: "The commune the children live in (and for rows without a commune code).") var commune: Int
        @Flag(help: "Check every row and report, but write nothing.") var dryRun = false
        @Option(help: "The file's encoding: utf8, utf16, windows1258, tcvn3 or vni (detected when not given).")
        var encoding: String?
        @Option(help: "What separates the fields: comma, semicolon or tab (detected when not given).")
        var separator: String?
        @Option(help: "The workbook's sheet to read (the first whose columns are recognised when not given).")
        var sheet: String?

        func run() async throws {
            try await reportingFailures { settings in
                try await TreCommands.importChildren(
                    settings, file: file, communeCode: commune, dryRun: dryRun, encoding: encoding,
                    separator: separator, sheet: sheet)
            }
        }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the audit trail.", subcommands: [Verify.self, Checkpoint.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Report broken links of the hash chain, forged rows and overdue sealing; seals nothing (exit 1 if any)."
        )

        @Option(
            help: "A checkpoint file (default: TRE_AUDIT_CHECKPOINT_FILE): the chain must still hold every head in it.")
        var checkpoints: String?

        func run() async throws {
            let settings = TreCommands.loadConfiguration()
            TreCommands.bootstrapLogging(settings)
            do {
                let (report, intact) = try await TreCommands.verifyAudit(settings, checkpoints: checkpoints)
                print(report)
                if !intact { throw ExitCode(1) }
            } catch let failure as CommandFailure {
                FileHandle.standardError.write(Data((failure.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append the chain's head, signed, to the checkpoint file (keep it away from the database).")

        @Option(help: "The checkpoint file (default: TRE_AUDIT_CHECKPOINT_FILE).") var file: String?

        func run() async throws {
            try await reportingFailures { settings in try await TreCommands.checkpointAudit(settings, file: file) }
        }
    }
}

struct Strings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the strings table (every word of the pages, Vietnamese and English) as JSON, for translators "
            + "and for the browser check that a page speaks one language.")

    func run() throws {
        print(TreCommands.stringsTable())
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the embedded SQLite database to FILE while Tre serves, and check the copy.")

    @Argument(help: "The new file to write.") var file: String

    func run() async throws {
        try await reportingFailures { settings in try await TreCommands.backup(settings, file: file) }
    }
}

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Put a backup in place of the embedded SQLite database, after checking it (stop tre serve first; the replaced database is kept)."
    )

    @Argument(help: "The backup file made by tre backup.") var file: String

    func run() async throws {
        try await reportingFailures { settings in try await TreCommands.restore(settings, file: file) }
    }
}

/// Runs a command with the configuration: prints what it says, or its failure on standard error with exit 1.
func reportingFailures(_ command: (TreCommands.Settings) async throws -> String) async throws {
    let settings = TreCommands.loadConfiguration()
    TreCommands.bootstrapLogging(settings)
    do {
        print(try await command(settings))
    } catch let failure as CommandFailure {
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
        throw ExitCode(1)
    }
}
