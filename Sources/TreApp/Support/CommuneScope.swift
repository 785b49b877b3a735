import Fluent
import Foundation
import TreDomain

/// A record of a commune register (a forum, an inspection, a campaign): it belongs to one commune.
protocol CommuneRecord: Model where IDValue == UUID {
    var provinceCode: Int { get }
    var communeCode: Int { get }
    /// How the audit trail names this kind of record.
    static var auditType: String { get }
}

extension CommuneRecord {
    var jurisdiction: Jurisdiction { .commune(provinceCode: provinceCode, communeCode: communeCode) }
}

/// What the commune registers (injuries, forums, inspections, campaigns) share: a record belongs to one
/// commune, is written only inside the writer's jurisdiction and read only inside the reader's.
enum CommuneScope {
    /// The record if the principal may see it; nil (a 404) otherwise.
    static func find<Record: CommuneRecord>(
        _: Record.Type, _ id: UUID, for principal: Principal, on database: any Database
    )
        async throws -> Record?
    {
        guard let record = try await Record.find(id, on: database),
            principal.jurisdiction.contains(provinceCode: record.provinceCode, communeCode: record.communeCode)
        else { return nil }
        return record
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

    static let communeRequired = TreError(
        status: .unprocessableEntity, code: "commune_required",
        message: LocalizedText(
            vi: "Nhập mã xã, phường nơi việc này diễn ra.", en: "Enter the code of the commune where this took place."))

    /// Narrows a query to the records of a jurisdiction.
    static func filter<Record: Model>(
        _ query: QueryBuilder<Record>, to jurisdiction: Jurisdiction,
        province: KeyPath<Record, FieldProperty<Record, Int>>, commune: KeyPath<Record, FieldProperty<Record, Int>>
    ) -> QueryBuilder<Record> {
        query.within(jurisdiction, province: province, commune: commune)
    }

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
        let query = filter(
            Commune.query(on: database).filter(\.$validTo == nil), to: jurisdiction, province: \.$provinceCode,
            commune: \.$code)
        let folded = VietnameseText.folded(q)
        if !folded.isEmpty { query.filter(\.$nameFolded, .contains(inverse: false, .anywhere), folded) }
        return query.sort(\.$provinceCode).sort(\.$code)
    }
}
