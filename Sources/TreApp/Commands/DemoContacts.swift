import Fluent
import Foundation
import SQLKit
import TreDomain

/// A realistic year of hotline contacts, in the published proportions: of about half a million calls
/// a year, about 7% are counselled and about 0.25% become intervention cases; the rest are information,
/// silent, dropped or prank calls. A third of callers call more than once.
enum DemoContacts {
    static let channelWeights: [(ContactChannel, Int)] = [
        (.phone111, 70), (.app, 8), (.zalo, 8), (.facebook, 6), (.web, 4), (.letter, 2), (.petition, 1),
        (.pressMonitoring, 1),
    ]
    /// Per 10,000 contacts.
    static let outcomeWeights: [(ContactOutcome, Int)] = [
        (.counselled, 560), (.intensiveCounselling, 80), (.referred, 35), (.reportOpened, 25),
        (.informationOnly, 3300), (.silent, 2800), (.dropped, 2200), (.prankAbusive, 1000),
    ]

    static func seed(count: Int, on database: any Database, seed: UInt64 = 111_111) async throws -> Int {
        guard count > 0, database is any SQLDatabase else { return 0 }
        let topics = try await ContactTopicRecord.query(on: database).filter(\.$retiredIn == nil).all().map(\.code)
        let provinces = try await Province.query(on: database).all().map(\.code)
        var random = SplitMix64(seed: seed)
        func pick<T>(_ weights: [(T, Int)]) -> T {
            var roll = Int(random.next() % UInt64(weights.reduce(0) { $0 + $1.1 }))
            for (value, weight) in weights {
                roll -= weight
                if roll < 0 { return value }
            }
            return weights[0].0
        }
        let now = Date()
        let callers = max(1, count * 2 / 3)
        let counsellor = UUID(random: &random)
        var written = 0
        while written < count {
            let size = min(500, count - written)
            var contacts: [[any SQLExpression]] = []
            var links: [[any SQLExpression]] = []
            for _ in 0..<size {
                let id = UUID(random: &random)
                let channel = pick(channelWeights)
                let outcome = pick(outcomeWeights)
                let started = now.addingTimeInterval(-Double(random.next() % (365 * 24 * 3600)))
                let counselling = outcome.isCounselling
                let minutes = counselling ? Int(random.next() % 40) + 5 : Int(random.next() % 3)
                let caller = String(format: "09%08d", Int(random.next() % UInt64(callers)))
                var chosen: [String] = []
                if counselling && !topics.isEmpty {
                    for _ in 0..<(Int(random.next() % 2) + 1) {
                        let topic = topics[Int(random.next() % UInt64(topics.count))]
                        if !chosen.contains(topic) { chosen.append(topic) }
                    }
                    if outcome == .reportOpened, let violence = topics.first(where: { $0.hasPrefix("violence.") }) {
                        chosen = [violence]
                    }
                }
                let bands = ContactDraft.ageBands
                contacts.append([
                    SQLBind(id), SQLBind(channel.rawValue), SQLBind(started),
                    SQLBind(started.addingTimeInterval(Double(minutes * 60 + Int(random.next() % 60)))),
                    SQLBind(counselling ? CallerType.allCases[Int(random.next() % 3)].rawValue : "anonymous"),
                    SQLBind(channel.identifiesByPhone ? caller : "chat:\(caller)"),
                    SQLBind(counselling ? (random.next() % 2 == 0 ? "female" : "male") : nil as String?),
                    SQLBind(counselling ? bands[Int(random.next() % UInt64(bands.count))] : nil as String?),
                    SQLBind(provinces.isEmpty ? nil : provinces[Int(random.next() % UInt64(provinces.count))]),
                    SQLBind(chosen.joined(separator: ",")), SQLBind(chosen.first), SQLBind(outcome.rawValue),
                    SQLBind(""),
                    SQLBind(counsellor), SQLBind(now), SQLBind(now),
                ])
                for topic in chosen {
                    links.append([SQLBind(UUID(random: &random)), SQLBind(id), SQLBind(topic)])
                }
            }
            let contactRows = contacts
            let linkRows = links
            try await database.writeTransaction { database in
                guard let sql = database as? any SQLDatabase else { return }
                let insert = sql.insert(into: HotlineContact.schema).columns(
                    "id", "channel", "started_at", "ended_at", "caller_type", "caller_identifier", "child_sex",
                    "child_age_band", "province_code", "topic_codes", "primary_topic", "outcome", "notes",
                    "counsellor_id", "created_at",
                    "updated_at")
                for row in contactRows { insert.values(row) }
                try await insert.run()
                if !linkRows.isEmpty {
                    let topicsInsert = sql.insert(into: HotlineContactTopic.schema).columns(
                        "id", "contact_id", "topic_code")
                    for row in linkRows { topicsInsert.values(row) }
                    try await topicsInsert.run()
                }
            }
            written += size
        }
        return written
    }
}
