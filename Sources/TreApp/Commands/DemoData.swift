import Fluent
import Foundation
import SQLKit
import TreDomain

/// Synthetic but realistic data for trying Tre out: officers in a few provinces and communes, named
/// the way Vietnamese people are named. Running it twice adds nothing twice.
enum DemoData {
    static let familyNames = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    ]
    static let middleNames = ["Thị", "Văn", "Minh", "Thu", "Ngọc", "Đức", "Thanh", "Hồng"]
    static let givenNames = [
        "Lan", "Hương", "Mai", "Hùng", "Dũng", "Trang", "Linh", "Nam", "Đạt", "Yến", "Phương", "Tuấn",
    ]

    /// Hà Nội, Lào Cai and Thành phố Hồ Chí Minh: a capital, a mountain province and the largest city.
    static let provinceCodes = [1, 15, 79]

    static func seed(password: String, on database: any Database, hashing: PasswordHashing) async throws -> [String] {
        let service = AccountService(database: database, hashing: hashing)
        var generator = SeededNames()
        var plans: [NewAccount] = [
            NewAccount(username: "analyst", password: password, fullName: generator.next(), role: .nationalAnalyst),
            NewAccount(username: "hotline", password: password, fullName: generator.next(), role: .hotlineCounsellor),
        ]
        for province in provinceCodes {
            plans.append(
                NewAccount(
                    username: "tinh\(province)", password: password, fullName: generator.next(),
                    role: .provincialOfficer,
                    provinceCode: province))
            for commune in try await UnitQueries.communesInForce(provinceCode: province, on: database).prefix(2) {
                plans.append(
                    NewAccount(
                        username: "xa\(commune.code)", password: password, fullName: generator.next(),
                        role: .communeOfficer,
                        communeCode: commune.code))
                plans.append(
                    NewAccount(
                        username: "chutich\(commune.code)", password: password, fullName: generator.next(),
                        role: .communeChair, communeCode: commune.code))
            }
        }
        var created: [String] = []
        for var plan in plans {
            guard try await UserAccount.query(on: database).filter(\.$username == plan.username).count() == 0 else {
                continue
            }
            plan.mustChangePassword = false
            _ = try await service.create(plan, by: .system("demo"))
            created.append(plan.username)
        }
        return created
    }

    /// Deterministic names, so that two demo runs describe the same people.
    struct SeededNames {
        private var index = 0

        mutating func next() -> String {
            defer { index += 1 }
            return [
                DemoData.familyNames[index % DemoData.familyNames.count],
                DemoData.middleNames[(index / 2) % DemoData.middleNames.count],
                DemoData.givenNames[(index * 7) % DemoData.givenNames.count],
            ].joined(separator: " ")
        }
    }
}

extension DemoData {
    /// Each commune's child population for this year and last, a little above the children registered
    /// there (the registry holds the children known to the services, the census all of them).
    static func seedPopulations(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let year = VietnamDay.containing(Date()).year
        let counts = try await sql.raw(
            """
            SELECT province_code, commune_code, COUNT(*) AS registered FROM \(ident: Child.schema)
            WHERE merged_into IS NULL GROUP BY province_code, commune_code
            """
        ).all()
        try await database.writeTransaction { database in
            guard let sql = database as? any SQLDatabase else { return }
            try await sql.delete(from: CommunePopulation.schema).where("year", .in, [year - 1, year]).run()
            let rows = try counts.flatMap { row -> [[any Encodable & Sendable]] in
                let registered = try row.decode(column: "registered", as: Int.self)
                let province = try row.decode(column: "province_code", as: Int.self)
                let commune = try row.decode(column: "commune_code", as: Int.self)
                return [(year - 1, 104), (year, 105)].map { year, percent in
                    [UUID(), province, commune, year, registered * percent / 100, UUID()]
                }
            }
            for start in stride(from: 0, to: rows.count, by: 500) {
                let insert = sql.insert(into: CommunePopulation.schema)
                    .columns("id", "province_code", "commune_code", "year", "children", "entered_by")
                for row in rows[start..<min(start + 500, rows.count)] { insert.values(row) }
                try await insert.run()
            }
        }
    }
}
