import Fluent
import TreDomain
import Vapor

/// `/api/v1/children`: list and search, create, read (audited), replace.
struct ChildrenAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("children", access: .permission(.viewChildren), use: list)
        api.post("children", access: .permission(.editChildren), use: create)
        api.get("children", ":id", access: .permission(.viewChildren), use: show)
        api.put("children", ":id", access: .permission(.editChildren), use: replace)
    }

    @Sendable func list(_ request: Request) async throws -> PageDTO<ChildDTO> {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let today = ChildAge.todayInVietnam()
        let result = try await ChildQueries.page(
            in: principal.jurisdiction, filters: ChildFilters(request), page: paging.page, per: paging.per,
            today: today,
            on: request.db)
        let caregivers = try await ChildCaregivers.load(for: result.items, on: request.db)
        let items = try result.items.map {
            try ChildDTO($0, caregivers: caregivers[$0.id ?? UUID()] ?? [], today: today)
        }
        return PageDTO(items: items, total: result.total, page: paging.page, per: paging.per)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(ChildInput.self)
        let child = try await request.children().create(input.draft)
        return try await dto(child, on: request).encodeResponse(status: .created, for: request)
    }

    @Sendable func show(_ request: Request) async throws -> ChildDTO {
        let child = try await find(request)
        try await request.children().recordView(of: child)
        return try await dto(child, on: request)
    }

    @Sendable func replace(_ request: Request) async throws -> ChildDTO {
        let child = try await find(request)
        let input = try request.content.decode(ChildInput.self)
        try await request.children().update(child, with: input.draft)
        return try await dto(child, on: request)
    }

    private func find(_ request: Request) async throws -> Child {
        let principal = try request.requirePrincipal()
        guard let id = request.parameters.get("id", as: UUID.self),
            let child = try await ChildQueries.find(id, in: principal.jurisdiction, on: request.db)
        else { throw TreError.notFound }
        return child
    }

    private func dto(_ child: Child, on request: Request) async throws -> ChildDTO {
        let caregivers = try await ChildCaregivers.load(for: [child], on: request.db)
        return try ChildDTO(child, caregivers: caregivers[child.id ?? UUID()] ?? [], today: ChildAge.todayInVietnam())
    }
}

/// Caregivers of a page of children in one query.
enum ChildCaregivers {
    static func load(for children: [Child], on database: any Database) async throws -> [UUID: [ChildCaregiver]] {
        let ids = children.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let all = try await ChildCaregiver.query(on: database).filter(\.$child.$id ~~ ids).sort(\.$fullName).all()
        return Dictionary(grouping: all, by: { $0.$child.id })
    }
}
