import Fluent
import Foundation
import SQLKit
import TreDomain

/// Cases get a readable number per commune and year (issue 16): the counter that hands out the next one,
/// the number's parts on each case, and numbers for the cases already open, in the order they were received.
struct NumberCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseNumberCounter.schema)
            .field("commune_code", .int, .required)
            .field("year", .int, .required)
            .field("last", .int, .required)
            .unique(on: "commune_code", "year")
            .create()
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(ProtectionCase.schema).field("number_year", .int).update()
        try await database.schema(ProtectionCase.schema).field("number_sequence", .int).update()
        let sql = try database.sql()
        // Numbers of the cases received before numbering, in each commune and year in the order received.
        struct Row: Decodable {
            var id: UUID
            var communeCode: Int
            var receivedAt: Date

            enum CodingKeys: String, CodingKey {
                case id
                case communeCode = "commune_code"
                case receivedAt = "received_at"
            }
        }
        let rows = try await sql.select().columns("id", "commune_code", "received_at").from(ProtectionCase.schema)
            .orderBy("received_at").orderBy("id").all(decoding: Row.self)
        var last: [CaseNumberCounter.Key: Int] = [:]
        for row in rows {
            let key = CaseNumberCounter.Key(
                communeCode: row.communeCode, year: VietnamDay.containing(row.receivedAt).year)
            let sequence = (last[key] ?? 0) + 1
            last[key] = sequence
            try await sql.update(ProtectionCase.schema)
                .set("number_year", to: key.year).set("number_sequence", to: sequence)
                .where("id", .equal, row.id).run()
        }
        for (key, sequence) in last {
            try await sql.insert(into: CaseNumberCounter.schema).columns("commune_code", "year", "last")
                .values(SQLBind(key.communeCode), SQLBind(key.year), SQLBind(sequence)).run()
        }
        // Two cases can never share a number, whatever the application does.
        try await sql.raw(
            "CREATE UNIQUE INDEX cases_number ON \(ident: ProtectionCase.schema) (commune_code, number_year, number_sequence)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().raw("DROP INDEX cases_number").run()
        try await database.schema(ProtectionCase.schema).deleteField("number_sequence").update()
        try await database.schema(ProtectionCase.schema).deleteField("number_year").update()
        try await database.schema(CaseNumberCounter.schema).delete()
    }
}
