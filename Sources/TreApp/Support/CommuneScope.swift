import Fluent
import Foundation
import TreDomain
import Vapor

/// A record of a commune register (a forum, an inspection, a campaign): it belongs to one commune.
protocol CommuneRecord: Model where IDValue == UUID {
    var provinceCode: Int { get }
    var communeCode: Int { get }
    /// How the audit trail names this kind of record.
    static var auditType: String { get }
    /// The columns a query is scoped by: the record's id, its province and its commune.
    static var scope: CommuneRecordColumns<Self> { get }
}

/// The columns of a commune record that scoped queries filter on.
struct CommuneRecordColumns<Record: CommuneRecord> {
    var id: KeyPath<Record, IDProperty<Record, UUID>>
    var province: KeyPath<Record, FieldProperty<Record, Int>>
    var commune: KeyPath<Record, FieldProperty<Record, Int>>
}

extension CommuneRecord {
    var jurisdiction: Jurisdiction { .commune(provinceCode: provinceCode, communeCode: communeCode) }
}

/// What the commune registers (injuries, forums, inspections, campaigns) share: a record belongs to one
/// commune, is written only inside the writer's jurisdiction and read only inside the reader's.
enum CommuneScope {
    /// A register's records inside a jurisdiction: nothing outside it is ever fetched.
    static func records<Record: CommuneRecord>(
        _: Record.Type, in jurisdiction: Jurisdiction, on database: any Database
    ) -> QueryBuilder<Record> {
        Record.query(on: database).within(jurisdiction, province: Record.scope.province, commune: Record.scope.commune)
    }

    /// The record if the principal may see it; nil (a 404) otherwise, exactly as if it did not exist.
    static func find<Record: CommuneRecord>(
        _: Record.Type, _ id: UUID, for principal: Principal, on database: any Database
    )
        async throws -> Record?
    {
        try await records(Record.self, in: principal.jurisdiction, on: database).filter(Record.scope.id == id).first()
    }

    /// Saves (creates or updates) a record and its audit entry in one transaction.
    static func save<Record: CommuneRecord>(
        _ record: Record, action: String, details: String, by actor: AuditActor, on database: any Database
    ) async throws {
        try await database.writeTransaction { database in
            try await record.save(on: database)
            try await AuditLog.record(
                [
                    AuditEvent(
                        action: action, recordType: Record.auditType, recordID: record.id?.uuidString,
                        jurisdiction: record.jurisdiction, details: details)
                ], by: actor, on: database)
        }
    }

    /// The commune a record is written in: the one given, or the writer's own; refused outside the
    /// writer's jurisdiction.
    static func commune(_ code: Int?, for principal: Principal, on database: any Database) async throws -> Commune {
        guard let code = code ?? principal.jurisdiction.communeCode else { throw Self.communeRequired }
        guard let commune = try await UnitQueries.commune(code: code, on: database) else {
            throw JurisdictionError.unknownCommune
        }
        guard principal.jurisdiction.contains(provinceCode: commune.provinceCode, communeCode: commune.code) else {
            throw JurisdictionError.outsideJurisdiction
        }
        return commune
    }

    /// A commune's code as a form sends it: blank is none.
    static func code(_ text: String?) -> Int? {
        text.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    static let communeRequired = TreError(
        status: .unprocessableEntity, code: "commune_required",
        message: LocalizedText(
            vi: "Nhập mã xã, phường nơi việc này diễn ra.", en: "Enter the code of the commune where this took place."))

    /// The codes of the communes whose name contains the search, accents, case and Đ ignored.
    static func communeCodes(matching q: String, on database: any Database) async throws -> [Int] {
        try await Commune.query(on: database)
            .filter(\.$nameFolded, .contains(inverse: false, .anywhere), VietnameseText.folded(q)).all()
            .map(\.code)
    }

    /// Commune names for a page of records, in one query.
    static func names(of codes: some Sequence<Int>, on database: any Database) async throws -> [Int: String] {
        let codes = Array(Set(codes))
        return Dictionary(
            try await Commune.query(on: database).filter(\.$code ~~ codes).filter(\.$validTo == nil).all()
                .map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// A year's first and last day, for filtering `yyyy-MM-dd` columns.
    static func yearBounds(_ year: Int) -> (first: String, last: String) {
        (String(format: "%04d-01-01", year), String(format: "%04d-12-31", year))
    }

    /// The communes in force in a jurisdiction, optionally those whose name contains the search, in code order.
    static func communesInForce(in jurisdiction: Jurisdiction, q: String, on database: any Database)
        -> QueryBuilder<Commune>
    {
        let query = Commune.query(on: database).filter(\.$validTo == nil)
            .within(jurisdiction, province: \.$provinceCode, commune: \.$code)
        let folded = VietnameseText.folded(q)
        if !folded.isEmpty { query.filter(\.$nameFolded, .contains(inverse: false, .anywhere), folded) }
        return query.sort(\.$provinceCode).sort(\.$code)
    }
}

/// What every commune register's list reads from the address: the year, the commune searched for, and
/// whether only what is overdue is asked for.
struct RegisterFilter: Sendable {
    var year: Int?
    /// Matched against the commune's name, accents, case and Đ ignored.
    var q = ""
    var overdue = false

    init(year: Int? = nil, q: String = "", overdue: Bool = false) {
        self.year = year
        self.q = q
        self.overdue = overdue
    }

    init(_ request: Request) {
        self.init(
            year: try? request.query.get(Int.self, at: "year"),
            q: VietnameseText.normalized((try? request.query.get(String.self, at: "q")) ?? ""),
            overdue: request.flag("overdue"))
    }

    /// The filter as the address's query, for the pager and the export link.
    var query: [String: String] {
        ["year": year.map(String.init) ?? "", "q": q, "overdue": overdue ? "1" : ""].filter { !$0.value.isEmpty }
    }
}

/// A page of a register's records with the names of their communes, loaded in two queries.
struct RegisterListing<Record: CommuneRecord> {
    var total: Int
    var records: [Record]
    var communeNames: [Int: String]
    /// The communes the reader may record in, by name, when more than their own (a province's officer).
    var writableCommunes: [Commune] = []

    func commune(of record: Record) -> String { communeNames[record.communeCode] ?? "" }
}

extension CommuneScope {
    /// The requested page of a register's (already scoped and filtered) query, with its communes' names.
    static func listing<Record: CommuneRecord>(
        _ query: QueryBuilder<Record>, _ paging: Paging, for reader: Principal? = nil, on database: any Database
    ) async throws -> RegisterListing<Record> {
        let (total, records) = try await query.page(paging)
        // A commune's officer records in her own commune; anyone wider chooses the commune by its name.
        var writable: [Commune] = []
        if let reader, reader.jurisdiction.communeCode == nil {
            writable = try await CommuneChoices.communes(for: reader, on: database)
        }
        return RegisterListing(
            total: total, records: records, communeNames: try await names(of: records.map(\.communeCode), on: database),
            writableCommunes: writable)
    }

    /// A register's CSV export: every page of the query as rows, audited as one export of the jurisdiction.
    static func export<Record: CommuneRecord>(
        _ request: Request, fileName: String, header: [String], action: String,
        recordType: String = Record.auditType, query: @escaping () async throws -> QueryBuilder<Record>,
        rows: @escaping (RegisterListing<Record>) -> [[String]]
    ) async throws -> Response {
        let jurisdiction = try request.requirePrincipal().jurisdiction
        return try await CSVDownload.respond(
            request, fileName: fileName, header: header,
            audit: {
                AuditEvent(
                    action: action, recordType: recordType, jurisdiction: jurisdiction, details: "rows=\($0)")
            },
            rows: { page in
                let records = try await query().range(CSVDownload.rows(ofPage: page)).all()
                let names = try await names(of: records.map(\.communeCode), on: request.db)
                return rows(RegisterListing(total: records.count, records: records, communeNames: names))
            })
    }
}

/// What every commune register's list page shows the same way (`commune-work/register.leaf`): the record
/// form's frame, the refusal or notice, the year and commune search, the count, the export link, the pager.
/// Each register's own page adds its fields, filters, totals and table.
struct RegisterPage: Encodable {
    /// Names the page's elements: "forums" gives `forums-table`, `forums-csv`, `filter-forums`.
    var name: String
    /// Names the record form: "forum" gives `forum-form` and `save-forum`.
    var item: String
    var listHref: String
    var recordLabel: String
    var canRecord: Bool
    var year: String
    var q: String
    var overdue: Bool
    /// What the search box looks for, when not the commune.
    var searchLabel: String?
    /// Shown after the page's title (the year of a register of communes).
    var heading: String?
    var pager: PagerModel
    var csvHref: String
    var error: String?
    var notice: String?
    /// The communes the record form offers by name; none when the writer has one commune (her own is implied).
    var communes: [Choice]

    init(
        name: String, item: String, list: SiteURL, export: SiteURL, recordLabel: String, canRecord: Bool,
        filter: RegisterFilter, query: [String: String], paging: Paging, total: Int, refusal: Refusal?,
        notice: String?, searchLabel: String? = nil, heading: String? = nil, communes: [Commune] = [],
        chosenCommune: Int? = nil
    ) {
        self.communes = CommuneChoices.choices(communes, selected: chosenCommune)
        self.name = name
        self.searchLabel = searchLabel
        self.heading = heading
        self.item = item
        listHref = list.path
        self.recordLabel = recordLabel
        self.canRecord = canRecord
        year = filter.year.map(String.init) ?? ""
        q = filter.q
        overdue = filter.overdue
        pager = PagerModel(paging, total: total, path: list.path, query: query)
        csvHref = export.link(query)
        error = refusal?.message
        self.notice = notice
    }
}
