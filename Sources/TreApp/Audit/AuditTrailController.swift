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
        let q = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let trail = try await AuditQueries.trail(
            within: principal.jurisdiction, search: q, paging: paging, on: request.db)
        let page = AuditTrailPage(trail, search: q, paging: paging, language: request.language)
        return try await request.render("audit/trail", title: UIStrings.text("auditTrail", request.language), page)
    }
}
