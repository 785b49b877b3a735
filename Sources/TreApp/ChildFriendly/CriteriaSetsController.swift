import Foundation
import TreDomain
import Vapor

/// `/child-friendly/criteria`: the criteria set in force, its weights and thresholds; an administrator
/// edits and confirms the weights and thresholds here, or loads the set of a new decision as a JSON
/// document shaped like `/child-friendly/criteria.json`.
struct CriteriaSetsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.childFriendly(.criteria), access: .permission(.viewChildFriendly), use: show)
        routes.post(.childFriendly(.criteria), access: .permission(.manageReferenceData), use: save)
        routes.get(.childFriendly(.criteriaDocument), access: .permission(.viewChildFriendly), use: document)
        routes.post(.childFriendly(.loadCriteria), access: .permission(.manageReferenceData), use: load)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(
            request, typed: nil, error: nil,
            notice: request.flag("saved") ? UIStrings.text("criteriaSaved", request.language) : nil)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        var changes: [Int: CriteriaSetService.WeightChange] = [:]
        for number in 1...99 where form["points_\(number)"] != nil {
            changes[number] = .init(
                points: form["points_\(number)"] ?? "", confirmed: form["confirmed_\(number)"] == "on")
        }
        var thresholds: [CommuneCategory: String] = [:]
        for category in CommuneCategory.allCases {
            if let value = form["threshold_\(category.rawValue)"] { thresholds[category] = value }
        }
        return try await request.submitting(to: .childFriendly(.criteria)) {
            try await CriteriaSetService(database: request.db, actor: request.auditActor())
                .update(changes, thresholds: thresholds)
        } otherwise: { refusal in
            try await render(request, typed: form, error: refusal.message, notice: nil, status: refusal.status)
        }
    }

    /// The set in force as the JSON document an administrator edits to load a new decision.
    @Sendable func document(_ request: Request) async throws -> Response {
        let (_, set) = try await ChildFriendlyService.currentSet(on: request.db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(set.code)-v\(set.version).json\"")
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(set)))
    }

    @Sendable func load(_ request: Request) async throws -> Response {
        struct Upload: Content { var document: String? }
        let upload = try request.content.decode(Upload.self)
        return try await request.submitting(to: .childFriendly(.criteria)) {
            _ = try await CriteriaSetService(database: request.db, actor: request.auditActor())
                .load(document: upload.document ?? "")
        } otherwise: { refusal in
            try await render(request, typed: nil, error: refusal.message, notice: nil, status: refusal.status)
        }
    }

    private func render(
        _ request: Request, typed: [String: String]?, error: String?, notice: String?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let (_, set) = try await ChildFriendlyService.currentSet(on: request.db)
        let page = CriteriaPage(
            set, reader: try request.requirePrincipal(), language: request.language, typed: typed, error: error,
            notice: notice)
        return try await request.render(
            "child-friendly/criteria", title: UIStrings.text("criteriaSet", request.language), page, status: status)
    }
}
