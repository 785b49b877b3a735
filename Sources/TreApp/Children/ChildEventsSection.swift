import Fluent
import Foundation
import TreDomain

/// What happened to a child that the commune registers recorded: accidents and injuries, and inspections
/// that found the child working. Shown on the child's page, newest first.
struct ChildEventsSection: Encodable {
    struct Event: Encodable {
        var date: String
        var kind: String
        var detail: String
        var href: String?
    }

    var events: [Event]

    static func build(for child: Child, language: Language, on database: any Database) async throws -> Self {
        let id = try child.requireID()
        var dated: [(String, Event)] = []
        for injury in try await ChildInjuryRecord.query(on: database).filter(\.$childID == id).all() {
            let cause = InjuryCause(rawValue: injury.cause)?.label(language) ?? injury.cause
            let outcome = InjuryOutcome(rawValue: injury.outcome)?.label(language) ?? injury.outcome
            dated.append(
                (
                    injury.date,
                    Event(
                        date: VietnamTime.date(injury.date), kind: UIStrings.text("injuries", language),
                        detail: [cause, outcome, injury.description].filter { !$0.isEmpty }.joined(separator: " · "),
                        href: nil)
                ))
        }
        let links = try await InspectionChildRecord.query(on: database).filter(\.$child.$id == id)
            .with(\.$inspection).all()
        for link in links {
            let inspection = link.inspection
            dated.append(
                (
                    inspection.date,
                    Event(
                        date: VietnamTime.date(inspection.date), kind: UIStrings.text("inspection", language),
                        detail: [inspection.placeName, inspection.findings].filter { !$0.isEmpty }
                            .joined(separator: " · "),
                        href: "/inspections/\(try inspection.requireID().uuidString)")
                ))
        }
        return Self(events: dated.sorted { $0.0 > $1.0 }.map(\.1))
    }
}
