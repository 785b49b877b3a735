import Fluent
import Foundation
import TreDomain

/// Last year's child-friendly assessments of the demo provinces' communes, decided as the province
/// recorded them: about 55% recognised (the national share in 2020), some refused, the rest not assessed.
enum DemoChildFriendly {
    static func seed(provinces: [Int], on database: any Database, seed: UInt64) async throws -> Int {
        let (setID, set) = try await ChildFriendlyService.currentSet(on: database)
        let year = VietnamDay.containing(Date()).year - 1
        let assessed = Set(
            try await FriendlyAssessmentRecord.query(on: database).filter(\.$year == year).all(\.$communeCode))
        var random = SplitMix64(seed: seed &+ 606)
        var records: [FriendlyAssessmentRecord] = []
        for province in provinces {
            for commune in try await UnitQueries.communesInForce(provinceCode: province, on: database)
            where !assessed.contains(commune.code) {
                let roll = random.next() % 100
                guard roll < 70 else { continue }
                let status: AssessmentStatus = roll < 55 ? .recognised : .notRecognised
                let category: CommuneCategory =
                    province == 15 ? .disadvantaged : commune.kind == "phường" ? .cityWard : .other
                var items: [AssessmentItem] = []
                for criterion in set.criteria {
                    var item = AssessmentItem(number: criterion.number)
                    item.points = max(1, criterion.maxPoints - Int(random.next() % 6))
                    item.met = true
                    item.evidenceNote = "Hồ sơ kiểm chứng tiêu chí \(criterion.number)"
                    items.append(item)
                }
                if status == .notRecognised {
                    let failing = Int(random.next() % UInt64(items.count))
                    items[failing].appraisedPoints = (items[failing].points ?? 0) / 3
                    items[failing].appraisedMet = false
                    items[failing].appraisalComment = "Chưa đạt yêu cầu của tiêu chí"
                }
                let record = FriendlyAssessmentRecord()
                record.id = UUID()
                record.setID = setID
                record.provinceCode = commune.provinceCode
                record.communeCode = commune.code
                record.year = year
                record.category = category.rawValue
                record.status = status.rawValue
                try record.setItems(items)
                record.total = items.compactMap(\.score).reduce(0) { $0 + $1.points }
                if status == .recognised {
                    record.decisionNumber = "\(100 + records.count)/QĐ-UBND"
                    record.decisionDate = CivilDate(year, 12, 15).description
                }
                records.append(record)
            }
        }
        let decided = records
        try await database.writeTransaction { database in
            for record in decided {
                try await record.create(on: database)
                let id = try record.requireID()
                for (action, status) in [
                    ("submitted", AssessmentStatus.submitted), (record.status, record.assessmentStatus),
                ] {
                    try await FriendlyAssessmentEventRecord(
                        assessmentID: id, action: action == "not_recognised" ? "refused" : action, status: status,
                        username: "demo", comment: record.decisionNumber ?? ""
                    ).create(on: database)
                }
            }
        }
        return decided.count
    }
}
