import Fluent
import TreDomain
import Vapor

/// The audit trail page: newest first, limited to the reader's jurisdiction, searchable by
/// account name or action.
struct AuditTrailController {
    struct Row: Encodable {
        var time: String
        var actor: String
        var action: String
        var record: String
        var address: String
        var sealed: Bool
        /// The sealer found its MAC wrong: shown as forged (`tre audit verify` re-checks every such row).
        var forged: Bool
    }

    struct TrailPage: Encodable {
        var rows: [Row]
        var q: String
        var pager: PagerModel
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("audit", access: .permission(.viewAudit), use: trail)
    }

    static func scoped(to jurisdiction: Jurisdiction, on database: any Database) -> QueryBuilder<AuditEntry> {
        let query = AuditEntry.query(on: database)
        switch jurisdiction {
        case .nation: return query
        case .province(let code): return query.filter(\.$provinceCode == code)
        case .commune(_, let code): return query.filter(\.$communeCode == code)
        }
    }

    @Sendable func trail(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let q = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let query = Self.scoped(to: principal.jurisdiction, on: request.db)
        if !q.isEmpty {
            let needle = q.lowercased()
            query.group(.or) { $0.filter(\.$actorUsername ~~ needle).filter(\.$action ~~ needle) }
        }
        let total = try await query.count()
        let entries = try await query.sort(\.$occurredAt, .descending).sort(\.$id)
            .range(paging.range).all()
        let rows = entries.map {
            Row(
                time: VietnamTime.format($0.occurredAt), actor: $0.actorUsername, action: $0.action,
                record: [$0.recordType, $0.recordID ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
                address: $0.sourceAddress ?? "", sealed: $0.sequence != nil,
                forged: $0.sequence == nil && $0.sealRefused == true)
        }
        let page = TrailPage(
            rows: rows, q: q, pager: PagerModel(paging, total: total, path: Paths.audit, query: ["q": q]))
        return try await request.render("audit/trail", title: UIStrings.text("auditTrail", request.language), page)
    }
}
