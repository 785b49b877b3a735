import TreDomain
import Vapor

/// The audit trail page: newest first, limited to the reader's jurisdiction, searchable by
/// account name or action.
struct AuditTrailController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.audit(.trail), access: .permission(.viewAudit), use: trail)
    }

    @Sendable func trail(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        func field(_ name: String) -> String {
            ((try? request.query.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces)
        }
        let filter = AuditFilter(
            q: field("q"), person: field("person"), recordType: field("type"), record: field("record"),
            from: field("from"), to: field("to"))
        let trail = try await AuditQueries.trail(
            filter, for: principal, within: principal.jurisdiction, paging: paging, on: request.db)
        let page = AuditTrailPage(trail, filter: filter, paging: paging, language: request.language)
        return try await request.render("audit/trail", title: UIStrings.text("auditTrail", request.language), page)
    }
}
