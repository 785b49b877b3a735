import Fluent
import Foundation
import TreDomain

/// Re-check rounds, already scoped to the reader's jurisdiction: a round of another province (or, for a
/// commune's officer, of another commune) is not found, exactly like a missing one.
enum RecheckQueries {
    /// The rounds of a jurisdiction, the latest first, by the year drawn and the commune's name.
    static func matching(_ filter: RegisterFilter, in jurisdiction: Jurisdiction, on database: any Database)
        async throws -> QueryBuilder<RecheckRoundRecord>
    {
        let query = CommuneScope.records(RecheckRoundRecord.self, in: jurisdiction, on: database)
        if let year = filter.year {
            let bounds = CommuneScope.yearBounds(year)
            query.filter(\.$drawnOn >= bounds.first).filter(\.$drawnOn <= bounds.last)
        }
        if !filter.q.isEmpty {
            query.filter(\.$communeCode ~~ (try await CommuneScope.communeCodes(matching: filter.q, on: database)))
        }
        return query.sort(\.$drawnOn, .descending).sort(\.$createdAt, .descending).sort(\.$id)
    }

    static func round(_ id: UUID?, for principal: Principal, on database: any Database) async throws
        -> RecheckRoundRecord
    {
        guard let id, let round = try await CommuneScope.find(RecheckRoundRecord.self, id, for: principal, on: database)
        else { throw TreError.notFound }
        return round
    }

    /// A round with its sampled records, in the order drawn; a record the reader can no longer see (merged
    /// away, moved out of her reach) is kept as a row without its child.
    struct RoundFile {
        struct Entry {
            var item: RecheckItemRecord
            var child: Child?
            var caregivers: [ChildCaregiver]
        }

        var round: RecheckRoundRecord
        var commune: String
        var entries: [Entry]
    }

    static func file(
        of round: RecheckRoundRecord, for principal: Principal, on database: any Database
    ) async throws -> RoundFile {
        let items = try await RecheckItemRecord.query(on: database)
            .filter(\.$round.$id == round.requireID()).sort(\.$position).all()
        let ids = items.map(\.childID)
        let children = try await ChildQueries.scoped(to: principal.jurisdiction, on: database)
            .filter(\.$id ~~ ids).all()
        let byID = Dictionary(children.compactMap { child in child.id.map { ($0, child) } }) { first, _ in first }
        let caregivers = try await ChildCaregiver.query(on: database).filter(\.$child.$id ~~ byID.keys.map { $0 })
            .all()
        let caregiversByChild = Dictionary(grouping: caregivers) { $0.$child.id }
        let names = try await CommuneScope.names(of: [round.communeCode], on: database)
        return RoundFile(
            round: round, commune: names[round.communeCode] ?? String(round.communeCode),
            entries: items.map {
                RoundFile.Entry(item: $0, child: byID[$0.childID], caregivers: caregiversByChild[$0.childID] ?? [])
            })
    }

    /// One sampled record of a round, with the child as registered; not found when the child was not drawn
    /// in this round or the reader cannot see it.
    static func entry(_ childID: UUID?, in file: RoundFile) throws -> RoundFile.Entry {
        guard let childID, let entry = file.entries.first(where: { $0.item.childID == childID }), entry.child != nil
        else { throw TreError.notFound }
        return entry
    }

    /// Reading sampled children's records (the form, the printed sheet) is recorded as each child's page is:
    /// who read which child, and that it was for this round.
    static func recordReads(
        of children: [Child], in round: RecheckRoundRecord, by actor: AuditActor, on database: any Database
    )
        async throws
    {
        let events = children.map { child in
            AuditEvent(
                action: "child.viewed", recordType: "child", recordID: child.id?.uuidString,
                jurisdiction: child.jurisdiction, details: "recheck=\(round.id?.uuidString ?? "")")
        }
        guard !events.isEmpty else { return }
        try await AuditLog.record(events, by: actor, on: database)
    }

    /// The last re-check's error rate in a jurisdiction (a commune, a province, the nation), for the
    /// data-quality page: the most recently drawn round with at least one field checked, open or closed.
    /// Nil when no round has any finding yet.
    struct LastErrorRate: Sendable, Equatable {
        /// Fields found to differ over fields checked, 0…1.
        var rate: Double
        /// Records with at least one difference over records checked, 0…1.
        var recordShare: Double?
        /// `yyyy-MM-dd`: the day the sample was drawn.
        var drawnOn: String
        var communeCode: Int
        var communeName: String
        var roundID: UUID
        var closed: Bool
    }

    static func lastErrorRate(scope: Jurisdiction, on database: any Database) async throws -> LastErrorRate? {
        guard
            let round = try await CommuneScope.records(RecheckRoundRecord.self, in: scope, on: database)
                .filter(\.$fieldsChecked > 0).sort(\.$drawnOn, .descending).sort(\.$createdAt, .descending)
                .sort(\.$id).first(),
            let id = round.id, let rate = round.tally.errorRate
        else { return nil }
        let names = try await CommuneScope.names(of: [round.communeCode], on: database)
        return LastErrorRate(
            rate: rate, recordShare: round.tally.recordShare, drawnOn: round.drawnOn, communeCode: round.communeCode,
            communeName: names[round.communeCode] ?? "", roundID: id, closed: !round.isOpen)
    }
}
