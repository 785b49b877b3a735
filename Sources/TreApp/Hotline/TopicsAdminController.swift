import Foundation
import TreDomain
import Vapor

/// `/admin/topics`: the hotline taxonomy by version. An administrator adds topics and retires them;
/// codes never change, so figures stay comparable across versions.
struct TopicsAdminController {
    func register(_ routes: any RoutesBuilder) {
        let access = Access.permission(.manageReferenceData)
        routes.get(.hotline(.topics), access: access, use: list)
        routes.post(.hotline(.topics), access: access, use: add)
        routes.post(.hotline(.retireTopic(.pattern)), access: access, use: retire)
    }

    struct Form: Content {
        var category: String?
        var suffix: String?
        var nameVi: String?
        var nameEn: String?
        var abuseForm: String?
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request)
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let topic = TopicService.NewTopic(
            category: form.category ?? "", suffix: form.suffix ?? "", nameVI: form.nameVi ?? "",
            nameEN: form.nameEn ?? "", abuseForm: form.abuseForm ?? "")
        let service = TopicService(database: request.db, actor: request.auditActor())
        return try await request.submitting(
            to: .hotline(.topics), { try await service.add(topic) },
            otherwise: { try await render(request, error: $0.message, status: $0.status) })
    }

    @Sendable func retire(_ request: Request) async throws -> Response {
        try await TopicService(database: request.db, actor: request.auditActor())
            .retire(code: request.parameters.get("code") ?? "")
        return request.redirect(to: SiteURL.hotline(.topics).path)
    }

    private func render(_ request: Request, error: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let page = TopicsPage(try await HotlineQueries.topics(on: request.db), error: error, language: request.language)
        return try await request.render(
            "admin/topics", title: UIStrings.text("contactTopics", request.language), page, status: status)
    }
}
