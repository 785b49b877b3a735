import Fluent
import Foundation
import TreDomain

/// What the hotline's pages load. Contacts belong to the hotline, not to a place: every query here is
/// reached only by the hotline's own roles (`logContacts`), so none is narrowed to a jurisdiction.
enum HotlineQueries {
    /// The console's choices: topics in use, in code order, and the provinces.
    struct ConsoleChoices {
        var topics: [ContactTopicRecord]
        var provinces: [Province]
    }

    static func consoleChoices(on database: any Database) async throws -> ConsoleChoices {
        ConsoleChoices(
            topics: try await ContactTopicRecord.query(on: database).filter(\.$retiredIn == nil).sort(\.$code).all(),
            provinces: try await Province.query(on: database).sort(\.$code).all())
    }

    /// One contact with what its page shows beside it: the caller's flags and earlier contacts.
    struct ContactFile {
        var contact: HotlineContact
        var topics: [ContactTopicRecord]
        var flags: [CallerFlag]
        var previous: [HotlineContact]
    }

    static func contact(_ id: UUID?, on database: any Database) async throws -> HotlineContact {
        guard let id, let contact = try await HotlineContact.find(id, on: database) else { throw TreError.notFound }
        return contact
    }

    static func contactFile(_ id: UUID?, on database: any Database) async throws -> ContactFile {
        let contact = try await contact(id, on: database)
        return ContactFile(
            contact: contact, topics: try await ContactTopicRecord.query(on: database).all(),
            flags: try await CallerFlag.active(for: contact.callerIdentifier, on: database),
            previous: try await previous(contact, on: database))
    }

    /// The caller's earlier contacts, newest first: a counsellor sees at once who is calling again.
    static func previous(_ contact: HotlineContact, limit: Int = 20, on database: any Database) async throws
        -> [HotlineContact]
    {
        guard !contact.callerIdentifier.isEmpty else { return [] }
        return try await HotlineContact.query(on: database)
            .filter(\.$callerIdentifier == contact.callerIdentifier)
            .filter(\.$id != contact.requireID())
            .sort(\.$startedAt, .descending).limit(limit).all()
    }

    /// The flags and contacts of an identifier as typed at the console (digits are read as a phone number).
    struct CallerFile {
        var flags: [CallerFlag]
        var contacts: [HotlineContact]
    }

    static func caller(typed: String, on database: any Database) async throws -> CallerFile {
        let digits = typed.allSatisfy { $0.isNumber || " +-.()".contains($0) }
        let identifier = digits ? PhoneNumber.normalized(typed) : typed.trimmingCharacters(in: .whitespaces)
        guard !identifier.isEmpty else { return CallerFile(flags: [], contacts: []) }
        return CallerFile(
            flags: try await CallerFlag.active(for: identifier, on: database),
            contacts: try await HotlineContact.query(on: database).filter(\.$callerIdentifier == identifier)
                .sort(\.$startedAt, .descending).limit(20).all())
    }

    /// The supervisor's day: today's figures, the follow-ups due by today, the flags still in force.
    struct Day {
        var day: CivilDate
        var figures: HotlineStatistics
        var due: [HotlineContact]
        var flags: [CallerFlag]
    }

    static func today(_ day: CivilDate, on database: any Database) async throws -> Day {
        Day(
            day: day,
            figures: try await HotlineStatisticsQuery.figures(
                for: StatisticsPeriod(.day, containing: day), provinceCode: nil, on: database),
            due: try await HotlineContact.query(on: database)
                .filter(\.$followUpOn <= day.description).filter(\.$followedUpAt == nil)
                .sort(\.$followUpOn).limit(200).all(),
            flags: try await CallerFlag.query(on: database).filter(\.$expiresOn >= day.description)
                .sort(\.$expiresOn).limit(200).all())
    }

    /// The taxonomy, every version, in code order.
    static func topics(on database: any Database) async throws -> [ContactTopicRecord] {
        try await ContactTopicRecord.query(on: database).sort(\.$code).all()
    }
}
