import Foundation
import SQLKit
import TreDomain

/// The commune's year of work as indicator figures: forums held, children's questions answered on time,
/// child-labour inspections and their violations, safe homes.
extension IndicatorSources {
    static func communeWork(from start: Date, years: ClosedRange<Int>, into box: TallyBox, on sql: any SQLDatabase)
        async throws
    {
        let firstDay = VietnamDay.containing(start).description
        func place(_ row: any SQLRow) throws -> IndicatorSubject {
            IndicatorSubject(
                place: IndicatorPlace(
                    provinceCode: try row.decode(column: "province_code", as: Int.self),
                    communeCode: try row.decode(column: "commune_code", as: Int.self)))
        }
        func day(_ row: any SQLRow, _ column: String) throws -> [IndicatorEvent] {
            CivilDate(iso: try row.decode(column: column, as: String.self)).map { [IndicatorEvent($0)] } ?? []
        }
        try await sql.forEachRow(
            SQLQueryString(
                "SELECT province_code, commune_code, date FROM \(ident: ChildrenForumRecord.schema) WHERE date >= \(bind: firstDay)"
            )
        ) { row in box.tally.countEvents(.forumsHeld, try place(row), events: try day(row, "date")) }
        // A question counts in the period its answer fell due; on time when answered by that day.
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT province_code, commune_code, due, answered_on FROM \(ident: ForumQuestionRecord.schema)
                WHERE due >= \(bind: firstDay)
                """
            )
        ) { row in
            let subject = try place(row)
            let due = try day(row, "due")
            box.tally.countEvents(.forumQuestionsDue, subject, events: due)
            let question = ForumQuestion(
                text: "", agency: "", due: try row.decode(column: "due", as: String.self),
                answeredOn: try row.decode(column: "answered_on", as: String?.self))
            if question.answeredOnTime { box.tally.countEvents(.forumQuestionsAnsweredOnTime, subject, events: due) }
        }
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT province_code, commune_code, date, violations FROM \(ident: InspectionRecord.schema)
                WHERE date >= \(bind: firstDay)
                """
            )
        ) { row in
            let subject = try place(row)
            let held = try day(row, "date")
            box.tally.countEvents(.inspections, subject, events: held)
            if try row.decode(column: "violations", as: Int.self) > 0 {
                box.tally.countEvents(.inspectionsWithViolations, subject, events: held)
            }
        }
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT province_code, commune_code, year, homes_assessed, safe_homes FROM \(ident: SafetyCountsRecord.schema)
                WHERE year >= \(bind: years.lowerBound)
                """
            )
        ) { row in
            let place = try place(row).place
            let period = IndicatorPeriod(kind: .year, year: try row.decode(column: "year", as: Int.self))
            box.tally.add(
                .homesAssessed, place, period: period, value: try row.decode(column: "homes_assessed", as: Int.self))
            box.tally.add(.safeHomes, place, period: period, value: try row.decode(column: "safe_homes", as: Int.self))
        }
    }
}
