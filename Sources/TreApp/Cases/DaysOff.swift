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

struct CreateDaysOff: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DayOff.schema)
            .id()
            .field("date", .string, .required)
            .field("name", .string, .required)
            .unique(on: "date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DayOff.schema).delete()
    }
}

/// `/admin/days-off`: the statutory holidays of a year (computed, lunar ones included) and the days an
/// administrator adds or removes.
struct DaysOffController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("admin", "days-off", access: .permission(.manageReferenceData), use: list)
        routes.post("admin", "days-off", access: .permission(.manageReferenceData), use: add)
        routes.post("admin", "days-off", ":id", "delete", access: .permission(.manageReferenceData), use: remove)
    }

    struct Row: Encodable {
        var date: String
        var name: String
        var deleteAction: String?
    }

    struct ListPage: Encodable {
        var year: Int
        var statutory: [Row]
        var added: [Row]
        var error: String?
        var date: String
        var name: String
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, error: nil)
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        struct Form: Content {
            var date: String?
            var name: String?
        }
        let form = try request.content.decode(Form.self)
        let name = VietnameseText.normalized(form.name ?? "")
        guard let day = CivilDate(written: form.date ?? "") else {
            return try await render(
                request, error: UIStrings.text("dayOffBadDate", request.language), form: (form.date ?? "", name))
        }
        guard !name.isEmpty else {
            return try await render(
                request, error: UIStrings.text("dayOffNeedsName", request.language), form: (form.date ?? "", name))
        }
        if try await DayOff.query(on: request.db).filter(\.$date == day.description).first() == nil {
            try await request.db.writeTransaction { database in
                let added = DayOff()
                added.date = day.description
                added.name = name
                try await added.create(on: database)
                try await AuditLog.record(
                    AuditEvent(
                        action: "day_off.added", recordType: "day_off", recordID: day.description,
                        jurisdiction: .nation, details: name),
                    by: request.auditActor(), on: database)
            }
        }
        return request.redirect(to: "/admin/days-off?year=\(day.year)")
    }

    @Sendable func remove(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("id", as: UUID.self),
            let found = try await DayOff.find(id, on: request.db)
        else { throw TreError.notFound }
        try await request.db.writeTransaction { database in
            try await found.delete(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "day_off.removed", recordType: "day_off", recordID: found.date, jurisdiction: .nation,
                    details: found.name),
                by: request.auditActor(), on: database)
        }
        return request.redirect(to: "/admin/days-off")
    }

    private func render(_ request: Request, error: String?, form: (String, String) = ("", "")) async throws
        -> Response
    {
        let today = ChildAge.todayInVietnam()
        let year = (try? request.query.get(Int.self, at: "year")) ?? today.year
        let statutory = PublicHolidays.statutory(year).sorted().map {
            Row(date: VietnamTime.date($0.description), name: "", deleteAction: nil)
        }
        let added = try await DayOff.query(on: request.db).sort(\.$date).all().map {
            Row(
                date: VietnamTime.date($0.date), name: $0.name,
                deleteAction: "/admin/days-off/\(try $0.requireID().uuidString)/delete")
        }
        return try await request.render(
            "admin/days-off", title: UIStrings.text("daysOff", request.language),
            ListPage(year: year, statutory: statutory, added: added, error: error, date: form.0, name: form.1),
            status: error == nil ? .ok : .unprocessableEntity)
    }
}
