import Foundation
import TreDomain

/// What happened to a child that the commune registers recorded: accidents and injuries, inspections that
/// found the child working, and the cases about the child. Shown on the child's page, newest first.
struct ChildEventsSection: Encodable {
    struct Event: Encodable {
        var date: String
        var kind: String
        var detail: String
        var href: String?
    }

    var events: [Event]

    /// Built from what was loaded, without a database.
    init(_ file: ChildRecordFile, language: Language) {
        var dated: [(String, Event)] = []
        for injury in file.injuries {
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
        for inspection in file.inspections {
            dated.append(
                (
                    inspection.date,
                    Event(
                        date: VietnamTime.date(inspection.date), kind: UIStrings.text("inspection", language),
                        detail: [inspection.placeName, inspection.findings].filter { !$0.isEmpty }
                            .joined(separator: " · "),
                        href: inspection.id.map { SiteURL.communeWork(.inspections(.show(.value($0)))).path })
                ))
        }
        for found in file.cases {
            let received = VietnamDay.containing(found.receivedAt)
            dated.append(
                (
                    received.description,
                    Event(
                        date: VietnamTime.date(received.description),
                        kind: "\(UIStrings.text("caseNumber", language)) \(found.number)",
                        detail: found.facts.status.label(language),
                        href: found.id.map { SiteURL.cases(.show(.value($0))).path })
                ))
        }
        events = dated.sorted { $0.0 > $1.0 }.map(\.1)
    }
}
