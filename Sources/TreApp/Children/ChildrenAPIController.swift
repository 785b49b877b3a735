import Fluent
import TreDomain
import Vapor

/// `/api/v1/children`: list and search, create, read (audited), replace.
struct ChildrenAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.children(.api(.list)), access: .permission(.viewChildren), use: list)
        routes.post(.children(.api(.list)), access: .permission(.editChildren), use: create)
        routes.get(.children(.api(.show(.pattern))), access: .permission(.viewChildren), use: show)
        routes.put(.children(.api(.show(.pattern))), access: .permission(.editChildren), use: replace)
        routes.post(.children(.api(.merge(.pattern))), access: .permission(.editChildren), use: merge)
        routes.post(.children(.api(.circumstances(.pattern))), access: .permission(.editChildren), use: addCircumstance)
        routes.post(.children(.api(.supports(.pattern))), access: .permission(.editChildren), use: recordSupport)
        routes.get(.children(.api(.specialCircumstances)), access: .signedIn, use: specialCircumstances)
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
        return PageDTO(
            items: items, total: result.total, page: paging.page, per: paging.per,
            totalCapped: result.totalIsCapped ? true : nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(ChildInput.self).checked()
        let service = try request.children()
        if input.allowDuplicate != true {
            let duplicates = try await service.probableDuplicates(of: input.draft)
            if !duplicates.isEmpty { return try await duplicateAnswer(duplicates, on: request) }
        }
        let child = try await service.create(input.draft)
        return try await dto(child, on: request).encodeResponse(status: .created, for: request)
    }

    /// 409 with the usual error and the records that may be the same child, for the client to show.
    private func duplicateAnswer(_ duplicates: [Child], on request: Request) async throws -> Response {
        struct Answer: Content {
            var error: [String: String]
            var duplicates: [ChildDTO]
        }
        let failure = ChildRegistryError.probableDuplicate(count: duplicates.count)
        let caregivers = try await ChildCaregivers.load(for: duplicates, on: request.db)
        let today = ChildAge.todayInVietnam()
        let answer = Answer(
            error: ["code": failure.code, "message": failure.message(request.language)],
            duplicates: try duplicates.map {
                try ChildDTO($0, caregivers: caregivers[$0.id ?? UUID()] ?? [], today: today)
            })
        return try await answer.encodeResponse(status: .conflict, for: request)
    }

    struct MergeRequest: Content {
        var into: UUID
    }

    /// Merges this record into `into`; answers with the record that stays.
    @Sendable func merge(_ request: Request) async throws -> ChildDTO {
        let duplicate = try await find(request)
        let body = try request.content.decode(MergeRequest.self)
        let principal = try request.requirePrincipal()
        guard let kept = try await ChildQueries.find(body.into, in: principal.jurisdiction, on: request.db) else {
            throw TreError.notFound
        }
        try await request.children().merge(duplicate, into: kept)
        return try await dto(kept, on: request)
    }

    @Sendable func show(_ request: Request) async throws -> ChildDTO {
        let child = try await find(request)
        try await request.children().recordView(of: child)
        var record = try await dto(child, on: request)
        record.circumstances = try await ChildHistoryQueries.circumstances(of: child, on: request.db).map(
            CircumstanceDTO.init)
        record.supports = try await ChildHistoryQueries.supports(of: child, on: request.db).map(SupportDTO.init)
        return record
    }

    @Sendable func addCircumstance(_ request: Request) async throws -> Response {
        let child = try await find(request)
        let input = try request.content.decode(CircumstanceInput.self)
        let added = try await request.children().addCircumstance(to: child, input.draft)
        return try await CircumstanceDTO(added).encodeResponse(status: .created, for: request)
    }

    @Sendable func recordSupport(_ request: Request) async throws -> Response {
        let child = try await find(request)
        let input = try request.content.decode(SupportInput.self)
        let recorded = try await request.children().recordSupport(for: child, input.draft)
        return try await SupportDTO(recorded).encodeResponse(status: .created, for: request)
    }

    struct SubgroupDTO: Content {
        var groupCode: String
        var groupName: String
        var subgroupNumber: Int
        var name: String
        var source: String
    }

    /// The statutory groups and sub-groups, in the reader's language where it exists.
    @Sendable func specialCircumstances(_ request: Request) async throws -> [SubgroupDTO] {
        let language = request.language
        return try await CircumstanceSubgroupRecord.all(on: request.db).map {
            SubgroupDTO(
                groupCode: $0.groupCode, groupName: $0.groupName(language), subgroupNumber: $0.number,
                name: $0.name(language),
                source: $0.source)
        }
    }

    @Sendable func replace(_ request: Request) async throws -> ChildDTO {
        let child = try await find(request)
        let input = try request.content.decode(ChildInput.self).checked()
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
