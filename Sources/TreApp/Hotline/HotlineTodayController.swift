import Fluent
import Foundation
import TreDomain
import Vapor

/// The supervisor's view: today's contacts by outcome, the follow-ups that are due, flagged callers.
struct HotlineTodayController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("hotline", "today", access: .permission(.logContacts), use: today)
    }

    struct FollowUp: Encodable {
        var href: String
        var due: String
        var late: Bool
        var notes: String
        var doneAction: String
    }

    struct TodayPage: Encodable {
        var incoming: Int
        var counselled: Int
        var intervention: Int
        var outcomes: [CasePagesController.Fact]
        var followUps: [FollowUp]
        var flags: [CasePagesController.Fact]
    }

    @Sendable func today(_ request: Request) async throws -> Response {
        let language = request.language
        let day = VietnamDay.containing(Date())
        let figures = try await HotlineStatisticsQuery.figures(
            for: StatisticsPeriod(.day, containing: day), provinceCode: nil, on: request.db)
        let due = try await HotlineContact.query(on: request.db)
            .filter(\.$followUpOn <= day.description).filter(\.$followedUpAt == nil)
            .sort(\.$followUpOn).limit(200).all()
        let flags = try await CallerFlag.query(on: request.db).filter(\.$expiresOn >= day.description)
            .sort(\.$expiresOn).limit(200).all()
        let page = TodayPage(
            incoming: figures.incoming.total, counselled: figures.counselled.total,
            intervention: figures.intervention.total,
            outcomes: figures.byOutcome.sorted { $0.value > $1.value }.map {
                .init(
                    label: ContactOutcome(rawValue: $0.key)?.label(language) ?? UIStrings.text("notKnown", language),
                    value: String($0.value))
            },
            followUps: try due.map { contact in
                let id = try contact.requireID().uuidString
                return FollowUp(
                    href: "/hotline/contacts/\(id)", due: VietnamTime.date(contact.followUpOn ?? ""),
                    late: (contact.followUpOn ?? "") < day.description, notes: contact.notes,
                    doneAction: "/hotline/contacts/\(id)/followed-up")
            },
            flags: flags.map {
                .init(
                    label: "\(CallerFlagKind(rawValue: $0.kind)?.label(language) ?? $0.kind) · \($0.callerIdentifier)",
                    value: "\($0.note) (\(UIStrings.text("until", language)) \(VietnamTime.date($0.expiresOn)))")
            })
        return try await request.render("hotline/today", title: UIStrings.text("hotlineToday", language), page)
    }
}
