import Fluent
import Foundation
import TreDomain
import Vapor

/// A day off added by an administrator (the government's yearly arrangements, a Tết swap, a local
/// holiday): legal deadlines counted in working days skip it, as they skip weekends and public holidays.
final class DayOff: Model, @unchecked Sendable {
    static let schema = "days_off"

    @ID(key: .id) var id: UUID?
    /// `YYYY-MM-DD`.
    @Field(key: "date") var date: String
    @Field(key: "name") var name: String

    init() {}

    /// The working-day clock with every added day off.
    static func clock(on database: any Database) async throws -> CaseClock {
        let days = try await DayOff.query(on: database).all().compactMap { CivilDate(iso: $0.date) }
        return CaseClock(calendar: WorkingDayCalendar(extraDaysOff: Set(days)))
    }
}

/// Adding and removing days off, each in one transaction with its audit entry.
struct DaysOffService {
    let database: any Database
    let actor: AuditActor

    static let badDate = FieldError.invalid(vi: "Ngày không đúng (dd/mm/yyyy).", en: "Not a valid date (dd/mm/yyyy).")
    static let needsName = FieldError.invalid(vi: "Ghi lý do nghỉ.", en: "Give the reason for the day off.")

    /// Adds a day off; a day already added stays as it was. Returns the day.
    @discardableResult
    func add(date: String, name: String) async throws -> CivilDate {
        guard let day = CivilDate(written: date) else { throw Self.badDate }
        let name = VietnameseText.normalized(name)
        guard !name.isEmpty else { throw Self.needsName }
        try await database.writeTransaction { database in
            guard try await DayOff.query(on: database).filter(\.$date == day.description).first() == nil else {
                return
            }
            let added = DayOff()
            added.date = day.description
            added.name = name
            try await added.create(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "day_off.added", recordType: "day_off", recordID: day.description,
                    jurisdiction: .nation, details: name),
                by: actor, on: database)
        }
        return day
    }

    func remove(_ id: UUID) async throws {
        try await database.writeTransaction { database in
            guard let found = try await DayOff.find(id, on: database) else { throw TreError.notFound }
            try await found.delete(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "day_off.removed", recordType: "day_off", recordID: found.date, jurisdiction: .nation,
                    details: found.name),
                by: actor, on: database)
        }
    }
}

/// The days-off page (admin/days-off.leaf): a year's statutory holidays and the days added.
struct DaysOffPage: Encodable {
    struct Row: Encodable {
        var date: String
        var name: String
        var deleteAction: String?
    }

    var year: Int
    var statutory: [Row]
    var added: [Row]
    var error: String?
    var date: String
    var name: String
    var action: String
    var previousYear: Link
    var nextYear: Link

    struct Link: Encodable {
        var label: String
        var href: String
    }

    init(
        year: Int, added: [DayOff], language: Language, error: String? = nil,
        typed: (date: String, name: String) = ("", "")
    ) {
        self.year = year
        statutory = PublicHolidays.named(year).map {
            Row(date: VietnamTime.date($0.day.description), name: $0.name(language), deleteAction: nil)
        }
        self.added = added.compactMap { day in
            day.id.map {
                Row(
                    date: VietnamTime.date(day.date), name: day.name,
                    deleteAction: SiteURL.cases(.removeDayOff(.value($0))).path)
            }
        }
        self.error = error
        (date, name) = typed
        action = SiteURL.cases(.daysOff).path
        previousYear = Link(label: String(year - 1), href: SiteURL.cases(.daysOff).link(["year": String(year - 1)]))
        nextYear = Link(label: String(year + 1), href: SiteURL.cases(.daysOff).link(["year": String(year + 1)]))
    }
}

/// `/admin/days-off`: the statutory holidays of a year (computed, lunar ones included) and the days an
/// administrator adds or removes.
struct DaysOffController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.cases(.daysOff), access: .permission(.manageReferenceData), use: list)
        routes.post(.cases(.daysOff), access: .permission(.manageReferenceData), use: add)
        routes.post(.cases(.removeDayOff(.pattern)), access: .permission(.manageReferenceData), use: remove)
    }

    private struct Form: Content {
        var date: String?
        var name: String?
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, refusal: nil)
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let service = DaysOffService(database: request.db, actor: request.auditActor())
        let year = CivilDate(written: form.date ?? "")?.year ?? ChildAge.todayInVietnam().year
        return try await request.submitting(to: .cases(.daysOff), query: ["year": String(year)]) {
            try await service.add(date: form.date ?? "", name: form.name ?? "")
        } otherwise: { refusal in
            try await render(request, refusal: refusal, typed: (form.date ?? "", form.name ?? ""))
        }
    }

    @Sendable func remove(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("id", as: UUID.self) else { throw TreError.notFound }
        try await DaysOffService(database: request.db, actor: request.auditActor()).remove(id)
        return request.redirect(to: SiteURL.cases(.daysOff).path)
    }

    private func render(_ request: Request, refusal: Refusal?, typed: (String, String) = ("", "")) async throws
        -> Response
    {
        let year = (try? request.query.get(Int.self, at: "year")) ?? ChildAge.todayInVietnam().year
        let added = try await DayOff.query(on: request.db).sort(\.$date).all()
        return try await request.render(
            "admin/days-off", title: UIStrings.text("daysOff", request.language),
            DaysOffPage(year: year, added: added, language: request.language, error: refusal?.message, typed: typed),
            status: refusal?.status ?? .ok, notice: request.savedNotice)
    }
}
