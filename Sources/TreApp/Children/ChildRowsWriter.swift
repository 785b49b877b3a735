import Fluent
import Foundation
import SQLKit

/// Writes many new children, their caregivers and their name tokens in multi-row statements, for an
/// import and the demo. Fluent's `create` reflects over every model it writes; for a 10,000-row
/// import that was two thirds of the time (perf), and a child brings five or six tokens.
enum ChildRowsWriter {
    /// 24 columns × 400 rows stays well under PostgreSQL's 65,535 bound parameters per statement.
    static let rowsPerStatement = 400

    static func insert(_ children: [Child], on sql: any SQLDatabase) async throws {
        let now = Date()
        try await insert(
            into: Child.schema,
            columns: [
                "id", "full_name", "family_name", "middle_name", "given_name", "name_folded", "given_folded",
                "family_comparable", "sort_key", "sex", "birth_date", "birth_year", "birth_date_for_age",
                "ethnicity_code", "personal_id", "province_code", "commune_code", "address", "school_status",
                "health_insurance_card", "nutrition_status", "disability_level", "notes", "created_at", "updated_at",
            ],
            rows: try children.map { child in
                [
                    SQLBind(try child.requireID()), SQLBind(child.fullName), SQLBind(child.familyName),
                    SQLBind(child.middleName), SQLBind(child.givenName), SQLBind(child.nameFolded),
                    SQLBind(child.givenFolded), SQLBind(child.familyComparable), SQLBind(child.sortKey),
                    SQLBind(child.sex), SQLBind(child.birthDate), SQLBind(child.birthYear),
                    SQLBind(child.birthDateForAge), SQLBind(child.ethnicityCode), SQLBind(child.personalID),
                    SQLBind(child.provinceCode), SQLBind(child.communeCode), SQLBind(child.address),
                    SQLBind(child.schoolStatus), SQLBind(child.healthInsuranceCard), SQLBind(child.nutritionStatus),
                    SQLBind(child.disabilityLevel), SQLBind(child.notes), SQLBind(now), SQLBind(now),
                ]
            }, on: sql)
    }

    static func insert(_ tokens: [ChildNameToken], on sql: any SQLDatabase) async throws {
        try await insert(
            into: ChildNameToken.schema,
            columns: ["id", "child_id", "token", "province_code", "commune_code", "name_folded"],
            rows: tokens.map {
                [
                    SQLBind($0.id ?? UUID()), SQLBind($0.childID), SQLBind($0.token), SQLBind($0.provinceCode),
                    SQLBind($0.communeCode), SQLBind($0.nameFolded),
                ]
            }, on: sql)
    }

    static func insert(_ caregivers: [ChildCaregiver], on sql: any SQLDatabase) async throws {
        try await insert(
            into: ChildCaregiver.schema, columns: ["id", "child_id", "relation", "full_name", "phone"],
            rows: caregivers.map {
                [
                    SQLBind($0.id ?? UUID()), SQLBind($0.$child.id), SQLBind($0.relation), SQLBind($0.fullName),
                    SQLBind($0.phone),
                ]
            }, on: sql)
    }

    private static func insert(
        into table: String, columns: [String], rows: [[any SQLExpression]], on sql: any SQLDatabase
    ) async throws {
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + rowsPerStatement, rows.count)] { insert.values(row) }
            try await insert.run()
        }
    }
}
