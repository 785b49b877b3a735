import Fluent
import Foundation
import TreDomain

/// What the audit trail is narrowed to, as its GET form sends it: a person (username), a kind of record and a
/// search for one (a child's name, an account's username, a record's id), and a range of days.
struct AuditFilter: Sendable, Equatable {
    /// Free search over usernames and actions (the older single box, still honoured).
    var q = ""
    var person = ""
    var recordType = ""
    var record = ""
    /// As typed: `YYYY-MM-DD` (a date field) or `DD/MM/YYYY`.
    var from = ""
    var to = ""

    /// The days read from `from` and `to`; nil when empty or unreadable.
    var fromDay: CivilDate? { Self.day(from) }
    var toDay: CivilDate? { Self.day(to) }

    /// The fields typed as a date that could not be read.
    var unreadableDates: [String] {
        [from, to].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && Self.day($0) == nil }
    }

    var query: [String: String] {
        ["q": q, "person": person, "type": recordType, "record": record, "from": from, "to": to].filter {
            !$0.value.isEmpty
        }
    }

    static func day(_ text: String) -> CivilDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { "/-.".contains($0) }).map {
            Int($0)
        }
        guard parts.count == 3, let first = parts[0], let second = parts[1], let third = parts[2] else { return nil }
        let (year, month, day) = first > 31 ? (first, second, third) : (third, second, first)
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let date = CivilDate(year, month, day)
        // 31/02 is no day: refused rather than read as another one.
        return CivilDate(julianDay: date.julianDay) == date ? date : nil
    }
}

/// The audit trail as a reader may see it: only the entries of the reader's jurisdiction, newest first.
enum AuditQueries {
    static func scoped(to jurisdiction: Jurisdiction, on database: any Database) -> QueryBuilder<AuditEntry> {
        AuditEntry.query(on: database).within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
    }

    /// One page of the trail, with what names its people and records.
    struct Trail {
        var entries: [AuditEntry]
        var total: Int
        var names = AuditNames()
    }

    static func trail(
        within jurisdiction: Jurisdiction, search: String, paging: Paging, on database: any Database
    ) async throws -> Trail {
        try await trail(AuditFilter(q: search), for: nil, within: jurisdiction, paging: paging, on: database)
    }

    /// `reader` decides whose names are shown: a child's name only to a reader who may see children.
    static func trail(
        _ filter: AuditFilter, for reader: Principal?, within jurisdiction: Jurisdiction, paging: Paging,
        on database: any Database
    ) async throws -> Trail {
        let query = scoped(to: jurisdiction, on: database)
        if !filter.q.isEmpty {
            let needle = filter.q.lowercased()
            query.group(.or) { $0.filter(\.$actorUsername ~~ needle).filter(\.$action ~~ needle) }
        }
        let person = filter.person.trimmingCharacters(in: .whitespaces).lowercased()
        if !person.isEmpty {
            // A username, or part of a person's name: the accounts it matches, by their usernames.
            let folded = VietnameseText.folded(person)
            let usernames = try await UserAccount.query(on: database)
                .group(.or) { $0.filter(\.$username ~~ person).filter(\.$fullNameFolded ~~ folded) }
                .limit(200).all().map(\.username)
            query.filter(\.$actorUsername ~~ Set(usernames + [person]).sorted())
        }
        if !filter.recordType.isEmpty { query.filter(\.$recordType == filter.recordType) }
        let record = filter.record.trimmingCharacters(in: .whitespaces)
        if !record.isEmpty {
            let ids = try await recordIDs(
                matching: record, type: filter.recordType, within: jurisdiction, on: database)
            query.filter(\.$recordID ~~ ids.map { Optional($0) })
        }
        if let from = filter.fromDay { query.filter(\.$occurredAt >= VietnamDay.start(of: from)) }
        if let to = filter.toDay { query.filter(\.$occurredAt <= VietnamDay.end(of: to)) }
        let total = try await query.count()
        let entries = try await query.sort(\.$occurredAt, .descending).sort(\.$id).range(paging.range).all()
        return Trail(
            entries: entries, total: total,
            names: try await AuditNames.load(for: entries, reader: reader, within: jurisdiction, on: database))
    }

    /// The ids of the records a search names: the id itself; children whose name matches (the registry's
    /// accent-free search, inside the jurisdiction); accounts whose username or name matches.
    static func recordIDs(
        matching text: String, type: String, within jurisdiction: Jurisdiction, on database: any Database
    ) async throws -> [String] {
        if let id = UUID(uuidString: text) { return [id.uuidString] }
        var ids: [String] = []
        if type.isEmpty || type == "child" {
            let today = VietnamDay.containing(Date())
            ids += try await ChildQueries.page(
                in: jurisdiction, filters: ChildFilters(search: NameSearch(text), status: .all), page: 1, per: 200,
                today: (today.year, today.month, today.day), on: database
            ).items.compactMap { $0.id?.uuidString }
        }
        if type.isEmpty || type == "account" {
            let folded = VietnameseText.folded(text)
            ids += try await UserAccount.query(on: database)
                .group(.or) { $0.filter(\.$username ~~ text.lowercased()).filter(\.$fullNameFolded ~~ folded) }
                .limit(200).all().compactMap { $0.id?.uuidString }
        }
        // Any other record by its id, as the trail stores it.
        ids.append(text.uppercased())
        return ids
    }
}

/// What names the people and records of a page of the trail: an account by its username and full name, a
/// child by name (only for a reader who may see children), a case by its number.
struct AuditNames: Sendable {
    var people: [String: String] = [:]
    var accounts: [String: String] = [:]
    var children: [String: String] = [:]
    /// A case's number ("00004-2026-0012") and when it was received, for one stored without a number.
    var cases: [String: (number: String, receivedAt: Date)] = [:]
    /// The reader may open a case's page (an administrator or analyst reads the trail, not the cases).
    var mayOpenCases = false

    static func load(
        for entries: [AuditEntry], reader: Principal?, within jurisdiction: Jurisdiction,
        on database: any Database
    ) async throws -> AuditNames {
        var names = AuditNames()
        names.mayOpenCases = reader.map { AccessPolicy.allows($0.role, .viewCases) } ?? false
        func ids(_ type: String) -> [UUID] {
            Array(
                Set(
                    entries.filter { $0.recordType == type }.compactMap { $0.recordID.flatMap { UUID(uuidString: $0) } }
                ))
        }
        let usernames = Array(Set(entries.map(\.actorUsername)))
        if !usernames.isEmpty {
            for account in try await UserAccount.query(on: database).filter(\.$username ~~ usernames).all() {
                names.people[account.username] = account.fullName
            }
        }
        let accountIDs = ids("account")
        if !accountIDs.isEmpty {
            for account in try await UserAccount.query(on: database).filter(\.$id ~~ accountIDs).all() {
                if let id = account.id { names.accounts[id.uuidString] = "\(account.fullName) (\(account.username))" }
            }
        }
        let childIDs = ids("child")
        if let reader, AccessPolicy.allows(reader.role, .viewChildren), !childIDs.isEmpty {
            for child in try await Child.query(on: database).filter(\.$id ~~ childIDs)
                .within(reader.jurisdiction, province: \.$provinceCode, commune: \.$communeCode).all()
            {
                if let id = child.id { names.children[id.uuidString] = child.fullName }
            }
        }
        let caseIDs = ids("case")
        if !caseIDs.isEmpty {
            for found in try await CaseQueries.scoped(to: jurisdiction, on: database).filter(\.$id ~~ caseIDs).all() {
                if let id = found.id { names.cases[id.uuidString] = (found.number, found.receivedAt) }
            }
        }
        return names
    }
}
