import Fluent
import Foundation
import TreDomain
import Vapor

/// `/injuries`: the accidents and injuries of children in the reader's jurisdiction, paged, searchable
/// by commune, filtered by year and cause, exportable; a commune officer records one on the same page.
/// `/api/v1/injuries`: the same list and the same recording for other systems.
struct InjuriesController {
    func register(_ routes: any RoutesBuilder, api: any RoutesBuilder) {
        routes.get("injuries", access: .permission(.viewInjuries), use: list)
        routes.get("injuries.csv", access: .permission(.viewInjuries), use: csv)
        routes.post("injuries", access: .permission(.recordInjuries), use: create)
        api.get("injuries", access: .permission(.viewInjuries), use: apiList)
        api.post("injuries", access: .permission(.recordInjuries), use: apiCreate)
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

    struct InjuryRow: Encodable {
        var date: String
        var commune: String
        var cause: String
        var place: String
        var outcome: String
        var died: Bool
        var childHref: String?
        var description: String
    }

    struct ListPage: Encodable {
        var canRecord: Bool
        var input: FormValues
        var causes: [Choice]
        var places: [Choice]
        var outcomes: [Choice]
        var sexes: [Choice]
        var filterCauses: [Choice]
        var year: String
        var q: String
        var rows: [InjuryRow]
        var pager: PagerModel
        var csvHref: String
        var error: String?
        var notice: String?
    }

    /// What the form held, given back with an error so nothing typed is lost.
    struct FormValues: Encodable {
        var date = ""
        var communeCode = ""
        var childId = ""
        var ageYears = ""
        var description = ""
    }

    private func filter(_ request: Request) -> InjuryQueries.Filter {
        InjuryQueries.Filter(
            year: (try? request.query.get(Int.self, at: "year")),
            cause: (try? request.query.get(String.self, at: "cause")) ?? "",
            q: VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? ""))
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, input: nil, error: nil, notice: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(InjuryInput.self)
        do {
            _ = try await service(request).record(input.draft, childID: input.childId)
        } catch let failure as any LocalizedFailure {
            let status = ErrorAnswer(failure).status
            return try await render(
                request, input: input, error: failure.message(request.language), notice: nil, status: status)
        }
        return try await render(
            request, input: nil, error: nil, notice: UIStrings.text("injuryRecorded", request.language))
    }

    private func render(
        _ request: Request, input: InjuryInput?, error: String?, notice: String?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = request.language
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let paging = Paging(request)
        let (total, records) = try await InjuryQueries.matching(filter, in: principal.jurisdiction, on: request.db)
            .page(paging)
        let page = ListPage(
            canRecord: AccessPolicy.allows(principal.role, .recordInjuries),
            input: FormValues(
                date: input?.date ?? "", communeCode: input?.communeCode.map(String.init) ?? "",
                childId: input?.childId?.uuidString ?? "", ageYears: input?.ageYears ?? "",
                description: input?.description ?? ""),
            causes: Choice.list(InjuryCause.self, selected: input?.cause, language: language) { $0.label },
            places: Choice.list(InjuryPlace.self, selected: input?.place, language: language) { $0.label },
            outcomes: Choice.list(InjuryOutcome.self, selected: input?.outcome ?? "injured", language: language) {
                $0.label
            },
            sexes: Choice.sexes(selected: input?.sex, language: language),
            filterCauses: Choice.list(InjuryCause.self, selected: filter.cause, language: language) { $0.label },
            year: filter.year.map(String.init) ?? "", q: filter.q,
            rows: try await rows(records, language: language, on: request.db),
            pager: PagerModel(paging, total: total, path: "/injuries", query: filter.query),
            csvHref: Paths.link("/injuries.csv", filter.query), error: error, notice: notice)
        return try await request.render(
            "injuries/list", title: UIStrings.text("injuries", language), page, status: status)
    }

    private func rows(_ records: [ChildInjuryRecord], language: Language, on database: any Database) async throws
        -> [InjuryRow]
    {
        let names = try await CommuneScope.names(of: records.map(\.communeCode), on: database)
        return records.map { record in
            InjuryRow(
                date: VietnamTime.date(record.date), commune: names[record.communeCode] ?? "",
                cause: InjuryCause(rawValue: record.cause)?.label(language) ?? record.cause,
                place: InjuryPlace(rawValue: record.place)?.label(language) ?? record.place,
                outcome: InjuryOutcome(rawValue: record.outcome)?.label(language) ?? record.outcome,
                died: record.outcome == InjuryOutcome.died.rawValue,
                childHref: record.childID.map { "/children/\($0.uuidString)" }, description: record.description)
        }
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let filter = filter(request)
        let language = request.language
        return try await CSVDownload.respond(
            request, fileName: "tai-nan-thuong-tich.csv",
            header: ["date", "commune", "cause", "place", "outcome", "child_registered", "description"],
            audit: {
                AuditEvent(
                    action: "injuries.exported", recordType: "injury", jurisdiction: principal.jurisdiction,
                    details: "rows=\($0)")
            },
            rows: { page in
                let records = try await InjuryQueries.matching(filter, in: principal.jurisdiction, on: request.db)
                    .range(CSVDownload.rows(ofPage: page)).all()
                return try await rows(records, language: language, on: request.db).map {
                    [
                        $0.date, $0.commune, $0.cause, $0.place, $0.outcome, $0.childHref == nil ? "" : "x",
                        $0.description,
                    ]
                }
            })
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
