import Fluent
import Foundation
import SQLKit
import TreDomain

/// Synthetic children with realistic Vietnamese names, written in large multi-row inserts so that a
/// million records take minutes. Family names follow their share of the population (Nguyễn about
/// 38%, Trần 11%, Lê 9.5% …); the same seed gives the same children.
enum DemoChildren {
    static let familyNames: [(String, Double)] = [
        ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 3.1), ("Huỳnh", 2.0), ("Phan", 4.5),
        ("Vũ", 2.4), ("Võ", 1.5), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0),
        ("Lý", 0.5), ("Đinh", 0.5), ("Trương", 0.5), ("Lò", 0.3), ("Hà", 0.4), ("Mai", 0.3), ("Tô", 0.2),
        ("Lương", 0.3), ("Triệu", 0.2), ("Đoàn", 0.4), ("Cao", 0.3),
    ]
    static let middleNames = (
        female: ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Bảo", "Khánh", "Phương", "Hồng", "Diệu"],
        male: ["Văn", "Văn", "Minh", "Đức", "Quang", "Hoàng", "Gia", "Anh", "Hữu", "Thành", "Tuấn", "Bảo"]
    )
    static let givenNames = (
        female: [
            "An", "Anh", "Ánh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hân", "Hằng", "Hoa", "Hương", "Huyền", "Lan",
            "Linh", "Loan", "Mai", "My", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo",
            "Thủy", "Thư", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến",
        ],
        male: [
            "An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng",
            "Huy", "Khang", "Khoa", "Kiên", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn",
            "Tài", "Thắng", "Thành", "Trí", "Trung", "Tuấn", "Việt", "Vinh",
        ]
    )

    /// About one child in sixteen is in special circumstances, most often disabled (d), without
    /// support (c) or critically ill in a poor household (n); about 72% of them received support
    /// (the share the ministry reported for 2020).
    static let circumstanceRatePerMille = 62
    static let supportedPercent = 72
    static let groupWeights: [(code: String, subgroups: Int, weight: Int)] = [
        ("a", 4, 5), ("b", 2, 3), ("c", 12, 25), ("d", 3, 30), ("đ", 1, 2), ("e", 4, 3), ("g", 2, 1), ("h", 2, 8),
        ("i", 1, 2), ("k", 5, 2), ("l", 5, 2), ("m", 2, 1), ("n", 2, 12), ("o", 3, 4),
    ]

    /// Generates `count` children; a share lands in `focusCommunes` (the demo officers' communes), the
    /// rest anywhere in the country. Reports progress after each batch.
    static func seed(
        count: Int, focusCommunes: [Commune], on database: any Database, seed: UInt64 = 2025,
        progress: (Int) -> Void = { _ in }
    ) async throws -> Int {
        guard count > 0 else { return 0 }
        let communes = try await Commune.query(on: database).filter(\.$validTo == nil).all()
        var random = SplitMix64(seed: seed)
        let today = ChildAge.todayInVietnam()
        let cumulative = familyNames.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1.1) }
        let batchSize = ChildRowsWriter.rowsPerStatement
        var written = 0
        while written < count {
            let size = min(batchSize, count - written)
            var children: [Child] = []
            var tokens: [ChildNameToken] = []
            var caregivers: [ChildCaregiver] = []
            var circumstances: [[any SQLExpression]] = []
            var supports: [[any SQLExpression]] = []
            for _ in 0..<size {
                let female = random.next() % 2 == 0
                let roll = Double(random.next() % 100_000) / 100_000 * (cumulative.last ?? 1)
                let family = familyNames[cumulative.firstIndex { roll < $0 } ?? 0].0
                let middles = female ? middleNames.female : middleNames.male
                let givens = female ? givenNames.female : givenNames.male
                let name = PersonName(
                    fullName:
                        "\(family) \(middles[Int(random.next() % UInt64(middles.count))]) \(givens[Int(random.next() % UInt64(givens.count))])"
                )
                let commune =
                    !focusCommunes.isEmpty && random.next() % 5 == 0
                    ? focusCommunes[Int(random.next() % UInt64(focusCommunes.count))]
                    : communes[Int(random.next() % UInt64(communes.count))]
                let year = today.year - Int(random.next() % 16)
                let month = Int(random.next() % 12) + 1
                let day = Int(random.next() % 28) + 1
                let birth =
                    (year, month, day) > (today.year, today.month, today.day)
                    ? (year - 1, month, day) : (year, month, day)
                let birthDate = String(format: "%04d-%02d-%02d", birth.0, birth.1, birth.2)
                let id = UUID(random: &random)
                let now = Date()
                let child = Child()
                child.id = id
                child.fullName = name.fullName
                child.familyName = name.familyName
                child.middleName = name.middleName
                child.givenName = name.givenName
                child.nameFolded = VietnameseText.folded(name.fullName)
                child.givenFolded = VietnameseText.folded(name.givenName)
                child.familyComparable = name.comparableFamilyName
                child.sortKey = name.sortKey
                child.sex = female ? "female" : "male"
                child.birthDate = birthDate
                child.birthYear = birth.0
                child.birthDateForAge = birthDate
                child.ethnicityCode =
                    random.next() % 10 < 8 ? "01" : String(format: "%02d", Int(random.next() % 53) + 2)
                child.provinceCode = commune.provinceCode
                child.communeCode = commune.code
                child.address = "Thôn \(Int(random.next() % 12) + 1)"
                child.schoolStatus =
                    birth.0 > today.year - 6 ? SchoolStatus.preschool.rawValue : SchoolStatus.inSchool.rawValue
                child.notes = ""
                children.append(child)
                for token in Set(child.nameFolded.split(separator: " ").map(String.init)) {
                    tokens.append(try ChildNameToken(token, of: child))
                }
                if Int(random.next() % 1000) < circumstanceRatePerMille {
                    var roll = Int(random.next() % UInt64(groupWeights.reduce(0) { $0 + $1.weight }))
                    let group =
                        groupWeights.first {
                            roll -= $0.weight; return roll < 0
                        } ?? groupWeights[0]
                    let start = String(
                        format: "%04d-%02d-01", max(birth.0, today.year - 3), Int(random.next() % 12) + 1)
                    circumstances.append([
                        SQLBind(UUID(random: &random)), SQLBind(id), SQLBind(group.code),
                        SQLBind(Int(random.next() % UInt64(group.subgroups)) + 1), SQLBind(start), SQLBind(""),
                        SQLBind(now),
                    ])
                    if Int(random.next() % 100) < supportedPercent {
                        supports.append([
                            SQLBind(UUID(random: &random)), SQLBind(id), SQLBind(SupportKind.monthlyAllowance.rawValue),
                            SQLBind(String(format: "%04d-%02d-15", today.year, max(1, today.month - 1))),
                            SQLBind(Int(random.next() % 8 + 4) * 90_000), SQLBind(SupportSource.stateBudget.rawValue),
                            SQLBind(""), SQLBind(now),
                        ])
                    }
                }
                if random.next() % 10 < 7 {
                    let phone = String(format: "09%08d", Int(random.next() % 100_000_000))
                    caregivers.append(
                        ChildCaregiver(
                            childID: id, relation: "mother",
                            fullName:
                                "\(familyNames[Int(random.next() % 8)].0) Thị \(givenNames.female[Int(random.next() % 20)])",
                            phone: phone))
                }
            }
            let (childRows, tokenRows, caregiverRows) = (children, tokens, caregivers)
            let circumstanceRows = circumstances
            let supportRows = supports
            try await database.writeTransaction { database in
                guard let sql = database as? any SQLDatabase else { return }
                try await ChildRowsWriter.insert(childRows, on: sql)
                try await ChildRowsWriter.insert(tokenRows, on: sql)
                try await ChildRowsWriter.insert(caregiverRows, on: sql)
                if !circumstanceRows.isEmpty {
                    let insert = sql.insert(into: ChildCircumstance.schema)
                        .columns(
                            "id", "child_id", "group_code", "subgroup_number", "start_date", "evidence", "created_at")
                    for row in circumstanceRows { insert.values(row) }
                    try await insert.run()
                }
                if !supportRows.isEmpty {
                    let insert = sql.insert(into: ChildSupport.schema)
                        .columns("id", "child_id", "kind", "date", "amount_vnd", "source", "source_name", "created_at")
                    for row in supportRows { insert.values(row) }
                    try await insert.run()
                }
            }
            written += size
            progress(written)
        }
        return written
    }
}

/// A small, fast, seedable generator (SplitMix64), so that demo data is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension UUID {
    init(random: inout SplitMix64) {
        let a = random.next()
        let b = random.next()
        self.init(
            uuid: (
                UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: a >> 8), UInt8(truncatingIfNeeded: a >> 16),
                UInt8(truncatingIfNeeded: a >> 24), UInt8(truncatingIfNeeded: a >> 32),
                UInt8(truncatingIfNeeded: a >> 40),
                UInt8(truncatingIfNeeded: (a >> 48) & 0x0F | 0x40), UInt8(truncatingIfNeeded: a >> 56),
                UInt8(truncatingIfNeeded: (b & 0x3F) | 0x80), UInt8(truncatingIfNeeded: b >> 8),
                UInt8(truncatingIfNeeded: b >> 16), UInt8(truncatingIfNeeded: b >> 24),
                UInt8(truncatingIfNeeded: b >> 32),
                UInt8(truncatingIfNeeded: b >> 40), UInt8(truncatingIfNeeded: b >> 48),
                UInt8(truncatingIfNeeded: b >> 56)
            ))
    }
}
