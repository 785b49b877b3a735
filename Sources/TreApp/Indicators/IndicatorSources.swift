import Foundation
import SQLKit
import TreDomain

/// Reads the records each measure counts, streaming rows into the tally (nothing is held per row
/// beyond the child or case being read).
enum IndicatorSources {
    static func populations(years: ClosedRange<Int>, into box: TallyBox, on sql: any SQLDatabase) async throws {
        let rows = try await sql.select().columns("province_code", "commune_code", "year", "children")
            .from(CommunePopulation.schema).where("year", .greaterThanOrEqual, years.lowerBound).all()
        for row in rows {
            let place = IndicatorPlace(
                provinceCode: try row.decode(column: "province_code", as: Int.self),
                communeCode: try row.decode(column: "commune_code", as: Int.self))
            let year = try row.decode(column: "year", as: Int.self)
            box.tally.add(
                .childPopulation, place, period: IndicatorPeriod(kind: .year, year: year),
                value: try row.decode(column: "children", as: Int.self))
        }
        let communes = try await sql.select().columns("province_code", "code").from(Commune.schema)
            .where(SQLColumn("valid_to"), .is, SQLLiteral.null).all()
        for row in communes {
            let place = IndicatorPlace(
                provinceCode: try row.decode(column: "province_code", as: Int.self),
                communeCode: try row.decode(column: "code", as: Int.self))
            for year in years {
                box.tally.add(.communes, place, period: IndicatorPeriod(kind: .year, year: year), value: 1)
            }
        }
    }

    /// Children in special circumstances at each period's end, and those of them supported in it.
    static func specialCircumstances(from start: Date, into box: TallyBox, on sql: any SQLDatabase) async throws {
        let firstDay = VietnamDay.containing(start).description
        var supportDays: [UUID: [CivilDate]] = [:]
        try await sql.forEachRow(
            SQLQueryString(
                "SELECT child_id, date FROM \(ident: ChildSupport.schema) WHERE date >= \(bind: firstDay)"
            )
        ) { row in
            guard let day = CivilDate(iso: try row.decode(column: "date", as: String.self)) else { return }
            supportDays[try row.decode(column: "child_id", as: UUID.self), default: []].append(day)
        }
        let reader = ChildGroupReader(box: box, supportDays: supportDays)
        try await sql.streamRows(
            SQLQueryString(
                """
                SELECT c.child_id, c.group_code, c.start_date, c.end_date, ch.province_code, ch.commune_code, ch.sex,
                  ch.birth_date_for_age, ch.ethnicity_code
                FROM \(ident: ChildCircumstance.schema) c JOIN \(ident: Child.schema) ch ON ch.id = c.child_id
                WHERE ch.merged_into IS NULL AND (c.end_date IS NULL OR c.end_date >= \(bind: firstDay))
                ORDER BY c.child_id
                """
            )
        ) { row in reader.read(row) }
        reader.finish()
    }

    /// Children injured, and those drowned, in the window: once per period each, a registered child by
    /// its record, any other by its injury; counted where it happened (drowning is also an injury).
    static func injuries(from start: Date, into box: TallyBox, on sql: any SQLDatabase) async throws {
        var byChild: [UUID: (subject: IndicatorSubject, injured: [IndicatorEvent], drowned: [IndicatorEvent])] = [:]
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT id, child_id, date, cause, province_code, commune_code FROM \(ident: ChildInjuryRecord.schema)
                WHERE date >= \(bind: VietnamDay.containing(start).description)
                """
            )
        ) { row in
            guard let day = CivilDate(iso: try row.decode(column: "date", as: String.self)) else { return }
            let id = try row.decode(column: "child_id", as: UUID?.self) ?? row.decode(column: "id", as: UUID.self)
            let place = IndicatorPlace(
                provinceCode: try row.decode(column: "province_code", as: Int.self),
                communeCode: try row.decode(column: "commune_code", as: Int.self))
            var entry = byChild[id] ?? (IndicatorSubject(place: place), [], [])
            entry.injured.append(IndicatorEvent(day))
            if try row.decode(column: "cause", as: String.self) == InjuryCause.drowning.rawValue {
                entry.drowned.append(IndicatorEvent(day))
            }
            byChild[id] = entry
        }
        for (subject, injured, drowned) in byChild.values {
            box.tally.countEvents(.injuries, subject, events: injured)
            if !drowned.isEmpty { box.tally.countEvents(.drownings, subject, events: drowned) }
        }
    }

    /// Children named in reports received in the window, once per period, with the forms reported.
    static func abusedChildren(from start: Date, into box: TallyBox, on sql: any SQLDatabase) async throws {
        var byChild: [UUID: (IndicatorSubject, [IndicatorEvent])] = [:]
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT cc.child_id, r.received_at, r.abuse_forms, p.province_code, p.commune_code, ch.sex,
                  ch.birth_date_for_age, ch.ethnicity_code
                FROM \(ident: CaseChild.schema) cc
                JOIN \(ident: ProtectionCase.schema) p ON p.id = cc.case_id
                JOIN \(ident: AbuseReport.schema) r ON r.id = p.report_id
                JOIN \(ident: Child.schema) ch ON ch.id = cc.child_id
                WHERE p.received_at >= \(bind: start)
                """
            )
        ) { row in
            let id = try row.decode(column: "child_id", as: UUID.self)
            let forms = try row.decode(column: "abuse_forms", as: String.self).split(separator: ",").map(String.init)
            let event = IndicatorEvent(
                VietnamDay.containing(try row.decode(column: "received_at", as: Date.self)), tags: [.abuseForm: forms])
            var entry = try byChild[id] ?? (childSubject(row), [])
            entry.1.append(event)
            byChild[id] = entry
        }
        for (subject, events) in byChild.values { box.tally.countEvents(.abusedChildren, subject, events: events) }
    }

    /// Cases received, emergency measures and plans on time, open, closed and escalated.
    static func cases(
        from start: Date, now: Date, clock: CaseClock, into box: TallyBox, on sql: any SQLDatabase
    ) async throws {
        let caseFilter = SQLQueryString(
            "(p.status <> 'closed' OR p.received_at >= \(bind: start) OR p.updated_at >= \(bind: start))")
        var steps: [UUID: [(step: String, at: Date)]] = [:]
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT s.case_id, s.step, s.created_at FROM \(ident: CaseStepRecord.schema) s
                JOIN \(ident: ProtectionCase.schema) p ON p.id = s.case_id WHERE \(caseFilter)
                """
            )
        ) { row in
            steps[try row.decode(column: "case_id", as: UUID.self), default: []].append(
                (try row.decode(column: "step", as: String.self), try row.decode(column: "created_at", as: Date.self)))
        }
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT p.id, p.province_code, p.commune_code, p.received_at, p.abuser_is_carer, p.serious_threat,
                  r.channel, r.abuse_forms
                FROM \(ident: ProtectionCase.schema) p JOIN \(ident: AbuseReport.schema) r ON r.id = p.report_id
                WHERE \(caseFilter)
                """
            )
        ) { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let subject = IndicatorSubject(
                place: IndicatorPlace(
                    provinceCode: try row.decode(column: "province_code", as: Int.self),
                    communeCode: try row.decode(column: "commune_code", as: Int.self)),
                attributes: [.channel: try row.decode(column: "channel", as: String.self)])
            let timeliness = CaseTimeliness(
                receivedAt: try row.decode(column: "received_at", as: Date.self),
                abuserIsCarer: try row.decode(column: "abuser_is_carer", as: Bool.self),
                seriousThreat: try row.decode(column: "serious_threat", as: Bool?.self), steps: steps[id] ?? [],
                clock: clock, now: now)
            let forms = try row.decode(column: "abuse_forms", as: String.self).split(separator: ",").map(String.init)
            box.tally.countEvents(
                .casesReceived, subject, events: [IndicatorEvent(timeliness.received, tags: [.abuseForm: forms])])
            box.tally.countStanding(
                .casesOpen, subject, spans: [IndicatorSpan(from: timeliness.received, to: timeliness.closed)])
            if let closed = timeliness.closed {
                box.tally.countEvents(.casesClosed, subject, events: [IndicatorEvent(closed)])
            }
            if let emergency = timeliness.emergency {
                box.tally.countEvents(.casesEmergencyDue, subject, events: [IndicatorEvent(emergency.day)])
                if emergency.onTime {
                    box.tally.countEvents(.casesEmergencyOnTime, subject, events: [IndicatorEvent(emergency.day)])
                }
            }
            if let approval = timeliness.planApproval {
                box.tally.countEvents(.plansApproved, subject, events: [IndicatorEvent(approval.day)])
                if approval.onTime {
                    box.tally.countEvents(.plansApprovedOnTime, subject, events: [IndicatorEvent(approval.day)])
                }
            }
        }
        var escalations: [UUID: (IndicatorSubject, [IndicatorEvent])] = [:]
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT n.case_id, n.created_at, p.province_code, p.commune_code FROM \(ident: CaseNotification.schema) n
                JOIN \(ident: ProtectionCase.schema) p ON p.id = n.case_id
                WHERE n.kind = 'deadline_passed' AND n.created_at >= \(bind: start)
                """
            )
        ) { row in
            let id = try row.decode(column: "case_id", as: UUID.self)
            var entry =
                try escalations[id]
                ?? (
                    IndicatorSubject(
                        place: IndicatorPlace(
                            provinceCode: try row.decode(column: "province_code", as: Int.self),
                            communeCode: try row.decode(column: "commune_code", as: Int.self))), []
                )
            entry.1.append(IndicatorEvent(VietnamDay.containing(try row.decode(column: "created_at", as: Date.self))))
            escalations[id] = entry
        }
        for (subject, events) in escalations.values { box.tally.countEvents(.casesLate, subject, events: events) }
    }

    /// Hotline contacts by the caller's province (commune 0); unplaced calls count for the nation only.
    static func hotline(from start: Date, into box: TallyBox, on sql: any SQLDatabase) async throws {
        try await sql.streamRows(
            SQLQueryString(
                """
                SELECT province_code, channel, child_sex, outcome, case_id, started_at FROM \(ident: HotlineContact.schema)
                WHERE started_at >= \(bind: start)
                """
            )
        ) { row in
            guard let started = try? row.decode(column: "started_at", as: Date.self) else { return }
            var attributes: [Disaggregation: String] = [:]
            if let channel = try? row.decode(column: "channel", as: String.self) { attributes[.channel] = channel }
            if let sex = try? row.decode(column: "child_sex", as: String?.self) { attributes[.sex] = sex }
            let subject = IndicatorSubject(
                place: IndicatorPlace(
                    provinceCode: (try? row.decode(column: "province_code", as: Int?.self)) ?? 0, communeCode: 0),
                attributes: attributes)
            let events = [IndicatorEvent(VietnamDay.containing(started))]
            box.tally.countEvents(.hotlineContacts, subject, events: events)
            let outcome = (try? row.decode(column: "outcome", as: String?.self)).flatMap { $0 }.flatMap(
                ContactOutcome.init)
            if outcome?.isCounselling == true { box.tally.countEvents(.hotlineCounselled, subject, events: events) }
            if case .some(.some) = try? row.decode(column: "case_id", as: UUID?.self) {
                box.tally.countEvents(.hotlineInterventions, subject, events: events)
            }
        }
    }

    /// Communes recognised child-friendly, from the day of the decision on (a later assessment that is
    /// not recognised ends it).
    static func childFriendlyCommunes(into box: TallyBox, on sql: any SQLDatabase) async throws {
        var decisions: [Int: (place: IndicatorPlace, spans: [IndicatorSpan])] = [:]
        try await sql.forEachRow(
            SQLQueryString(
                """
                SELECT province_code, commune_code, year, status, decision_date FROM \(ident: FriendlyAssessmentRecord.schema)
                WHERE status IN ('recognised', 'not_recognised') ORDER BY commune_code, year
                """
            )
        ) { row in
            let commune = try row.decode(column: "commune_code", as: Int.self)
            let place = IndicatorPlace(
                provinceCode: try row.decode(column: "province_code", as: Int.self), communeCode: commune)
            var entry = decisions[commune] ?? (place, [])
            let year = try row.decode(column: "year", as: Int.self)
            let decided =
                (try row.decode(column: "decision_date", as: String?.self)).flatMap { CivilDate(iso: $0) }
                ?? CivilDate(year, 12, 31)
            if let last = entry.spans.indices.last, entry.spans[last].end == nil {
                entry.spans[last].end = decided
            }
            if try row.decode(column: "status", as: String.self) == AssessmentStatus.recognised.rawValue {
                entry.spans.append(IndicatorSpan(from: decided, to: nil))
            }
            decisions[commune] = entry
        }
        for (place, spans) in decisions.values where !spans.isEmpty {
            box.tally.countStanding(.childFriendlyCommunes, IndicatorSubject(place: place), spans: spans)
        }
    }

    static func childSubject(_ row: any SQLRow) throws -> IndicatorSubject {
        var attributes: [Disaggregation: String] = [.sex: try row.decode(column: "sex", as: String.self)]
        if let ethnicity = try row.decode(column: "ethnicity_code", as: String?.self) {
            attributes[.ethnicity] = ethnicity
        }
        return IndicatorSubject(
            place: IndicatorPlace(
                provinceCode: try row.decode(column: "province_code", as: Int.self),
                communeCode: try row.decode(column: "commune_code", as: Int.self)),
            birth: CivilDate(iso: try row.decode(column: "birth_date_for_age", as: String.self)),
            attributes: attributes)
    }
}

/// Rows of one child's groups arrive together (ordered by child); each child is counted when the next
/// begins.
private final class ChildGroupReader: @unchecked Sendable {
    let box: TallyBox
    let supportDays: [UUID: [CivilDate]]
    private var current: (id: UUID, subject: IndicatorSubject, spans: [IndicatorSpan])?

    init(box: TallyBox, supportDays: [UUID: [CivilDate]]) {
        self.box = box
        self.supportDays = supportDays
    }

    func read(_ row: any SQLRow) {
        guard let id = try? row.decode(column: "child_id", as: UUID.self),
            let start = (try? row.decode(column: "start_date", as: String.self)).flatMap(CivilDate.init(iso:)),
            let group = try? row.decode(column: "group_code", as: String.self)
        else { return }
        let end = ((try? row.decode(column: "end_date", as: String?.self)) ?? nil).flatMap { CivilDate(iso: $0) }
        let span = IndicatorSpan(from: start, to: end, tags: [.circumstanceGroup: [group]])
        if current?.id == id {
            current?.spans.append(span)
            return
        }
        finish()
        guard let subject = try? IndicatorSources.childSubject(row) else { return }
        current = (id, subject, [span])
    }

    func finish() {
        guard let (id, subject, spans) = current else { return }
        box.tally.countStanding(.childrenSpecial, subject, spans: spans)
        box.tally.countStanding(
            .childrenSpecialSupported, subject, spans: spans, requiringEvents: supportDays[id] ?? [])
        current = nil
    }
}
