import Fluent
import Foundation
import TreDomain
import Vapor

/// `/injuries`: the accidents and injuries of children in the reader's jurisdiction, paged, searchable
/// by commune, filtered by year and cause, exportable; a commune officer records one on the same page.
/// `/api/v1/injuries`: the same list and the same recording for other systems.
struct InjuriesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.injuries(.list), access: .permission(.viewInjuries), use: list)
        routes.get(.injuries(.export), access: .permission(.viewInjuries), use: csv)
        routes.post(.injuries(.list), access: .permission(.recordInjuries), use: create)
        routes.get(.injuries(.api), access: .permission(.viewInjuries), use: apiList)
        routes.post(.injuries(.api), access: .permission(.recordInjuries), use: apiCreate)
    }

    /// What a form or a JSON body sends.
    struct InjuryInput: Content {
        var date: String?
        var cause: String?
        var place: String?
        var outcome: String?
        var communeCode: Int?
        var childId: UUID?
        var sex: String?
        var ageYears: String?
        var description: String?

        enum CodingKeys: String, CodingKey {
            case date, cause, place, outcome, communeCode, childId, sex, ageYears, description
        }

        /// A form sends every field as text, empty when left blank; JSON may send numbers. Both are read,
        /// and a blank commune, child or age is simply absent.
        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String? {
                if let number = try? fields.decodeIfPresent(Int.self, forKey: key) { return String(number) }
                return (try? fields.decodeIfPresent(String.self, forKey: key))?.trimmingCharacters(in: .whitespaces)
            }
            date = text(.date)
            cause = text(.cause)
            place = text(.place)
            outcome = text(.outcome)
            communeCode = text(.communeCode).flatMap { Int($0) }
            childId = text(.childId).flatMap { UUID(uuidString: $0) }
            sex = text(.sex)
            ageYears = text(.ageYears)
            description = try? fields.decodeIfPresent(String.self, forKey: .description)
        }

        var draft: InjuryDraft {
            var draft = InjuryDraft()
            draft.date = date ?? ""
            draft.cause = cause ?? ""
            draft.place = place ?? ""
            draft.outcome = outcome ?? ""
            draft.communeCode = communeCode
            draft.sex = sex ?? ""
            draft.ageYears = ageYears ?? ""
            draft.description = description ?? ""
            return draft
        }
    }

    struct InjuryDTO: Content {
        var id: UUID
        var date: String
        var cause: String
        var place: String
        var outcome: String
        var provinceCode: Int
        var communeCode: Int
        var childId: UUID?
        var sex: String?
        var ageYears: Int?
        var description: String

        init(_ record: ChildInjuryRecord) throws {
            id = try record.requireID()
            date = record.date
            cause = record.cause
            place = record.place
            outcome = record.outcome
            provinceCode = record.provinceCode
            communeCode = record.communeCode
            childId = record.childID
            sex = record.sex
            ageYears = record.ageYears
            description = record.description
        }
    }

    private func filter(_ request: Request) -> InjuryQueries.Filter {
        InjuryQueries.Filter(RegisterFilter(request), cause: (try? request.query.get(String.self, at: "cause")) ?? "")
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(
            request, notice: request.flag("saved") ? UIStrings.text("injuryRecorded", request.language) : nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(InjuryInput.self)
        return try await request.submitting(to: .injuries(.list)) {
            _ = try await service(request).record(input.draft, childID: input.childId)
        } otherwise: { refusal in
            try await render(request, input: input, refusal: refusal)
        }
    }

    private func render(
        _ request: Request, input: InjuryInput? = nil, refusal: Refusal? = nil, notice: String? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let paging = Paging(request)
        let listing = try await CommuneScope.listing(
            InjuryQueries.matching(filter, in: principal.jurisdiction, on: request.db), paging, for: principal,
            on: request.db)
        let page = InjuryListPage(
            listing, filter: filter, paging: paging, reader: principal, language: request.language, input: input,
            refusal: refusal, notice: notice)
        return try await request.render(
            "injuries/list", title: UIStrings.text("injuries", request.language), page,
            status: refusal?.status ?? .ok)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let language = request.language
        return try await CommuneScope.export(
            request, fileName: "tai-nan-thuong-tich.csv",
            header: ["date", "commune", "cause", "place", "outcome", "child_registered", "description"],
            action: "injuries.exported",
            query: { try await InjuryQueries.matching(filter, in: principal.jurisdiction, on: request.db) },
            rows: { InjuryListPage.csv($0, language: language) })
    }

    struct InjuryPageDTO: Content {
        var items: [InjuryDTO]
        var total: Int
        var page: Int
        var per: Int
    }

    @Sendable func apiList(_ request: Request) async throws -> InjuryPageDTO {
        let principal = try request.requirePrincipal()
        let paging = Paging(request)
        let (total, records) = try await InjuryQueries.matching(
            filter(request), in: principal.jurisdiction, on: request.db
        ).page(paging)
        return InjuryPageDTO(
            items: try records.map(InjuryDTO.init), total: total, page: paging.page, per: paging.per)
    }

    @Sendable func apiCreate(_ request: Request) async throws -> Response {
        let input = try request.content.decode(InjuryInput.self)
        let record = try await service(request).record(input.draft, childID: input.childId)
        return try await InjuryDTO(record).encodeResponse(status: .created, for: request)
    }

    private func service(_ request: Request) throws -> InjuryService {
        InjuryService(database: request.db, principal: try request.requirePrincipal(), actor: request.auditActor())
    }
}
