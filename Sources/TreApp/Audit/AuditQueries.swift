import Fluent
import Foundation
import TreDomain

/// The audit trail as a reader may see it: only the entries of the reader's jurisdiction, newest first.
enum AuditQueries {
    static func scoped(to jurisdiction: Jurisdiction, on database: any Database) -> QueryBuilder<AuditEntry> {
        AuditEntry.query(on: database).within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
    }

    /// One page of the trail, optionally matching an account name or an action.
    struct Trail {
        var entries: [AuditEntry]
        var total: Int
    }

    static func trail(
        within jurisdiction: Jurisdiction, search: String, paging: Paging, on database: any Database
    ) async throws -> Trail {
        let query = scoped(to: jurisdiction, on: database)
        if !search.isEmpty {
            let needle = search.lowercased()
            query.group(.or) { $0.filter(\.$actorUsername ~~ needle).filter(\.$action ~~ needle) }
        }
        let total = try await query.count()
        let entries = try await query.sort(\.$occurredAt, .descending).sort(\.$id).range(paging.range).all()
        return Trail(entries: entries, total: total)
    }
}

/// The audit trail page: who did what to which record, from where, and whether the entry is sealed.
struct AuditTrailPage: Encodable {
    struct Row: Encodable, Equatable {
        var time: String
        var actor: String
        var action: String
        var record: String
        var address: String
        var sealed: Bool
        /// The sealer found its MAC wrong: shown as forged (`tre audit verify` re-checks every such row).
        var forged: Bool
    }

    var rows: [Row]
    var q: String
    var pager: PagerModel
    var searchAction = SiteURL.audit(.trail).path

    init(_ trail: AuditQueries.Trail, search q: String, paging: Paging, language: Language) {
        rows = trail.entries.map {
            Row(
                time: VietnamTime.format($0.occurredAt), actor: $0.actorUsername,
                action: AuditWords.action($0.action, language),
                record: [AuditWords.recordType($0.recordType, language), $0.recordID ?? ""].filter { !$0.isEmpty }
                    .joined(separator: " "),
                address: $0.sourceAddress ?? "", sealed: $0.sequence != nil,
                forged: $0.sequence == nil && $0.sealRefused == true)
        }
        self.q = q
        pager = PagerModel(paging, total: trail.total, path: SiteURL.audit(.trail).path, query: ["q": q])
    }
}
