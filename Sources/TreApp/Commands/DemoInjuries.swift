import Fluent
import Foundation
import SQLKit
import TreDomain

/// Accidents and injuries of this year at about the national rate (550 per 100,000 children a year,
/// the programme's 2025 target), in the proportions injury surveys report: falls and traffic first,
/// drowning rarer but most often fatal.
enum DemoInjuries {
    static let perHundredThousand = 550
    static let causes: [(cause: InjuryCause, place: InjuryPlace, weight: Int, diedPerMille: Int)] = [
        (.fall, .home, 30, 5), (.traffic, .road, 25, 30), (.animalBite, .community, 15, 0), (.burn, .home, 8, 10),
        (.drowning, .water, 7, 450), (.poisoning, .home, 5, 20), (.other, .school, 10, 5),
    ]

    static func seed(children: Int, focusCommunes: [Commune], on database: any Database, seed: UInt64) async throws
        -> Int
    {
        let count = children > 0 ? max(5, children * perHundredThousand / 100_000) : 0
        guard count > 0 else { return 0 }
        let communes = try await Commune.query(on: database).filter(\.$validTo == nil).all()
        var random = SplitMix64(seed: seed &+ 111)
        let today = VietnamDay.containing(Date())
        let daysSoFar = max(1, today.julianDay - CivilDate(today.year, 1, 1).julianDay + 1)
        let totalWeight = causes.reduce(0) { $0 + $1.weight }
        var rows: [[any SQLExpression]] = []
        for _ in 0..<count {
            let commune =
                !focusCommunes.isEmpty && random.next() % 5 == 0
                ? focusCommunes[Int(random.next() % UInt64(focusCommunes.count))]
                : communes[Int(random.next() % UInt64(communes.count))]
            var roll = Int(random.next() % UInt64(totalWeight))
            let kind =
                causes.first {
                    roll -= $0.weight; return roll < 0
                } ?? causes[0]
            let died = Int(random.next() % 1000) < kind.diedPerMille
            let day = CivilDate(today.year, 1, 1).adding(days: Int(random.next() % UInt64(daysSoFar)))
            rows.append([
                SQLBind(UUID()), SQLBind(commune.provinceCode), SQLBind(commune.code), SQLBind(day.description),
                SQLBind(kind.cause.rawValue), SQLBind(kind.place.rawValue),
                SQLBind(died ? InjuryOutcome.died.rawValue : InjuryOutcome.injured.rawValue),
                SQLBind(random.next() % 2 == 0 ? "male" : "female"), SQLBind(Int(random.next() % 16)),
                SQLBind(""), SQLBind(Date()),
            ])
        }
        let batch = rows
        try await database.writeTransaction { database in
            guard let sql = database as? any SQLDatabase else { return }
            for start in stride(from: 0, to: batch.count, by: 500) {
                let insert = sql.insert(into: ChildInjuryRecord.schema).columns(
                    "id", "province_code", "commune_code", "date", "cause", "place", "outcome", "sex", "age_years",
                    "description", "created_at")
                for row in batch[start..<min(start + 500, batch.count)] { insert.values(row) }
                try await insert.run()
            }
        }
        return count
    }
}
