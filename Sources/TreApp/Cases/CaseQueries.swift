import Fluent
import Foundation
import SQLKit
import TreDomain

/// Cases, already scoped to a jurisdiction: a case outside the reader's jurisdiction is not found, exactly
/// like a missing one.
enum CaseQueries {
    static func scoped(to jurisdiction: Jurisdiction, on database: any Database) -> QueryBuilder<ProtectionCase> {
        ProtectionCase.query(on: database).within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
    }

    static func find(_ id: UUID, in jurisdiction: Jurisdiction, on database: any Database) async throws
        -> ProtectionCase?
    {
        try await scoped(to: jurisdiction, on: database).filter(\.$id == id).first()
    }

    /// The case and its report, if within the reader's reach; the read is audited (these are records of abused
    /// children).
    static func readAudited(_ id: UUID, for reader: Principal, by actor: AuditActor, on database: any Database)
        async throws -> (ProtectionCase, AbuseReport)
    {
        guard let found = try await find(id, in: reader.jurisdiction, on: database),
            let report = try await AbuseReport.find(found.reportID, on: database)
        else { throw TreError.notFound }
        try await AuditLog.record(
            AuditEvent(
                action: "case.viewed", recordType: "case", recordID: id.uuidString, jurisdiction: found.jurisdiction),
            by: actor, on: database)
        return (found, report)
    }

    /// Everything the case page shows, read once (audited) and in the reader's reach.
    static func casePage(_ id: UUID, for reader: Principal, by actor: AuditActor, on database: any Database)
        async throws -> CaseFile
    {
        let (found, report) = try await readAudited(id, for: reader, by: actor, on: database)
        let commune = try await UnitQueries.commune(code: found.communeCode, on: database)
        // The receiving point's name only when the page tells the commune whom to ask to relay.
        var receiverName: String?
        if ReporterDisclosure(reader: reader, report: report, of: found) == .relayThroughReceiver {
            receiverName = try await UserAccount.find(report.receivedBy, on: database)?.fullName
        }
        let childIDs = try await childIDs(of: [found], on: database)[id] ?? []
        // The call the report came from, for who may open contacts (the hotline).
        var contactID: UUID?
        if AccessPolicy.allows(reader.role, .logContacts) {
            contactID = try await HotlineContact.query(on: database).filter(\.$caseID == id).first()?.id
        }
        let children = try await Child.query(on: database).filter(\.$id ~~ childIDs).all()
        return CaseFile(
            id: id, found: found, report: report, communeName: commune?.name, receiverName: receiverName,
            childIDs: childIDs, children: try children.map { (try $0.requireID(), $0.fullName) }, contactID: contactID,
            steps: try await CaseStepRecord.query(on: database).filter(\.$caseID == id).sort(\.$createdAt).all(),
            referrals: try await CaseReferral.query(on: database).filter(\.$caseID == id).sort(\.$createdAt).all(),
            followUps: try await CaseFollowUp.query(on: database).filter(\.$caseID == id).sort(\.$visitedOn).all())
    }

    /// How each case's children are named to this reader: their names for a reader who may see children,
    /// their initials ("N.V.A.") otherwise, in the order they were linked.
    static func childNames(of cases: [ProtectionCase], for reader: Principal, on database: any Database)
        async throws -> [UUID: [String]]
    {
        let links = try await childIDs(of: cases, on: database)
        let ids = links.values.flatMap { $0 }
        guard !ids.isEmpty else { return [:] }
        let mayName = AccessPolicy.allows(reader.role, .viewChildren)
        let names = Dictionary(
            try await Child.query(on: database).filter(\.$id ~~ ids).all()
                .compactMap { child in
                    child.id.map { ($0, mayName ? child.fullName : VietnameseText.initials(child.fullName)) }
                },
            uniquingKeysWith: { first, _ in first })
        return links.mapValues { $0.compactMap { names[$0] } }
    }

    static func childIDs(of cases: [ProtectionCase], on database: any Database) async throws -> [UUID: [UUID]] {
        let ids = cases.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let links = try await CaseChild.query(on: database).filter(\.$caseID ~~ ids).all()
        return Dictionary(grouping: links, by: \.caseID).mapValues { $0.map(\.childID) }
    }
}

/// What an inbox shows.
enum CaseInboxFilter: String, CaseIterable, Sendable {
    case open
    /// Open cases whose next deadline has passed.
    case late
    /// Open cases due within 24 hours.
    case dueSoon = "due_soon"
    /// Open cases rated high risk.
    case highRisk = "high_risk"
    case closed
}

extension CaseQueries {
    /// A page of an inbox, the most urgent first (earliest deadline; cases without one last).
    static func inbox(
        in jurisdiction: Jurisdiction, filter: CaseInboxFilter, search: NameSearch = NameSearch(""), page: Int,
        per: Int, now: Date = Date(), on database: any Database
    ) async throws -> (items: [ProtectionCase], total: Int) {
        let query = scoped(to: jurisdiction, on: database)
        // A child's name, typed as people type it: each word starts a word of a linked child's name,
        // read from the registry's token index (the same folding as the registry's search).
        for token in search.tokens {
            query.filter(
                .custom(
                    SQLQueryString(
                        """
                        \(ident: ProtectionCase.schema).id IN (SELECT cc.case_id FROM \(ident: CaseChild.schema) cc \
                        JOIN \(ident: ChildNameToken.schema) t ON t.child_id = cc.child_id \
                        WHERE t.token >= \(bind: token) AND t.token < \(bind: ChildQueries.prefixUpperBound(token)))
                        """)))
        }
        switch filter {
        case .open: query.filter(\.$status != CaseStatus.closed.rawValue)
        case .late:
            query.filter(\.$status != CaseStatus.closed.rawValue).filter(\.$nextDeadlineAt < now)
        case .dueSoon:
            query.filter(\.$status != CaseStatus.closed.rawValue).filter(\.$nextDeadlineAt >= now)
                .filter(\.$nextDeadlineAt < now.addingTimeInterval(24 * 3600))
        case .highRisk:
            query.filter(\.$status != CaseStatus.closed.rawValue).filter(\.$risk == RiskLevel.high.rawValue)
        case .closed: query.filter(\.$status == CaseStatus.closed.rawValue)
        }
        let total = try await query.count()
        // Cases without a running clock last, on both databases (they place NULL differently).
        let items = try await query.sort(.custom(SQLQueryString("(next_deadline_at IS NULL)")))
            .sort(\.$nextDeadlineAt).sort(\.$receivedAt).range(((page - 1) * per)..<(page * per)).all()
        return (items, total)
    }
}
