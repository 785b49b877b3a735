import Foundation
import SQLKit
import TreDomain

/// Which records a worklist shows: those with any problem, or with one in particular.
enum DataQualityFilter: Sendable, Equatable {
    case anyProblem
    case only(DataQualityProblem)
}

/// `PopulationRecordCheck`'s rules written as SQL conditions on a child's row, so that the worklist and the
/// figures are chosen and counted where the children are (a million rows never leave the database). Plain
/// SQL both databases read alike: no casts (PostgreSQL would fail on a malformed number), no patterns.
/// `DataQualityTests` holds these conditions and the Swift check to the same verdict on every problem.
enum DataQualitySQL {
    /// The condition that the child's row (in `table`, for queries that join others) has `problem`.
    static func has(_ problem: DataQualityProblem, table: String? = Child.schema) -> any SQLExpression {
        func column(_ name: String) -> SQLColumn { SQLColumn(name, table: table) }
        let id = SQLQueryString("REPLACE(COALESCE(\(column("personal_id")), ''), ' ', '')")
        switch problem {
        case .personalIDMissing:
            return SQLQueryString("\(id) = ''")
        case .personalIDInconsistent:
            return SQLQueryString("(\(id) <> '' AND NOT (\(consistentID(id, table: table))))")
        case .nameIncomplete:
            return SQLQueryString(
                """
                (TRIM(\(column("full_name"))) = '' OR TRIM(\(column("family_name"))) = '' \
                OR TRIM(\(column("given_name"))) = '')
                """)
        case .birthDateMissing:
            return SQLQueryString("(\(column("birth_date")) IS NULL OR \(column("birth_date")) = '')")
        case .sexMissing:
            return SQLQueryString("\(column("sex")) NOT IN ('male', 'female')")
        case .ethnicityMissing:
            return SQLQueryString(
                "(\(column("ethnicity_code")) IS NULL OR TRIM(\(column("ethnicity_code"))) = '')")
        case .personalIDNotFound:
            return SQLQueryString(
                "COALESCE(\(column("id_verification")), '') = \(literal: PoliceVerification.notFound.rawValue)")
        case .caregiverMissing:
            return SQLQueryString(
                """
                NOT EXISTS (SELECT 1 FROM \(ident: ChildCaregiver.schema) dq_cg \
                WHERE dq_cg.child_id = \(column("id")))
                """)
        }
    }

    /// The condition for a worklist filter.
    static func condition(_ filter: DataQualityFilter, table: String? = Child.schema) -> any SQLExpression {
        switch filter {
        case .only(let problem): has(problem, table: table)
        case .anyProblem: anyProblem(table: table)
        }
    }

    /// At least one problem: the record is on the commune's worklist.
    static func anyProblem(table: String? = Child.schema) -> any SQLExpression {
        let parts = DataQualityProblem.allCases.map { SQLQueryString("\(has($0, table: table))") }
        return SQLQueryString("(\(SQLList(parts, separator: SQLRaw(" OR "))))")
    }

    /// A well-formed number whose province, century, sex digit and year agree with the row, as
    /// `PersonalIdentificationNumber(_:sex:birthYear:)` checks them.
    private static func consistentID(_ id: SQLQueryString, table: String?) -> SQLQueryString {
        func column(_ name: String) -> SQLColumn { SQLColumn(name, table: table) }
        var digitsRemoved = id
        for digit in 0...9 {
            digitsRemoved = SQLQueryString("REPLACE(\(digitsRemoved), \(literal: String(digit)), '')")
        }
        let provinces = PersonalIdentificationNumber.birthProvinceCodes.sorted().map { String(format: "%03d", $0) }
        let birthYear = column("birth_year")
        // The 4th digit is 2 × (century − 19), plus 1 for a girl; the 5th and 6th the year within it.
        let centuryDigit = SQLQueryString("2 * (\(birthYear) / 100 - 19)")
        let yearDigits = SQLQueryString("SUBSTR(CAST(\(birthYear) % 100 + 100 AS TEXT), 2, 2)")
        return SQLQueryString(
            """
            LENGTH(\(id)) = 12 AND \(digitsRemoved) = '' \
            AND SUBSTR(\(id), 1, 3) IN (\(literals: provinces, joinedBy: ", ")) \
            AND SUBSTR(\(id), 4, 1) IN ('0', '1', '2', '3', '4', '5') \
            AND (\(column("sex")) NOT IN ('male', 'female') \
            OR (\(column("sex")) = 'male' AND SUBSTR(\(id), 4, 1) IN ('0', '2', '4')) \
            OR (\(column("sex")) = 'female' AND SUBSTR(\(id), 4, 1) IN ('1', '3', '5'))) \
            AND SUBSTR(\(id), 4, 3) IN (CAST(\(centuryDigit) AS TEXT) || \(yearDigits), \
            CAST(\(centuryDigit) + 1 AS TEXT) || \(yearDigits))
            """)
    }
}
