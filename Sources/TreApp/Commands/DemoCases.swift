import Fluent
import Foundation
import SQLKit
import TreDomain

/// Demo reports and cases in the demo officers' communes, in every state of the procedure, some of
/// them late. Each is taken through the real service, step by step, so the steps, clocks and audit
/// trail are what a real case leaves.
enum DemoCases {
    static let stories = [
        "Hàng xóm nghe tiếng trẻ khóc, la hét nhiều đêm; trẻ có vết bầm ở tay.",
        "Cô giáo báo trẻ nghỉ học nhiều ngày, đi làm thuê ở xưởng may.",
        "Trẻ bị một người lạ nhắn tin dụ dỗ qua mạng xã hội.",
        "Trẻ 3 tuổi thường bị để một mình ở nhà cả ngày.",
        "Người dân phát hiện trẻ sơ sinh bị bỏ rơi trước cổng chùa.",
    ]
    static let forms: [[AbuseForm]] = [[.violence], [.exploitation], [.onlineHarm], [.neglect], [.abandonment]]

    /// Opens `count` cases over the focus communes, received over the last 20 days, and takes each
    /// some steps further: the states are spread from "received" to "closed".
    static func seed(count: Int, communes: [Commune], on database: any Database, seed: UInt64 = 111) async throws
        -> Int
    {
        guard count > 0, !communes.isEmpty else { return 0 }
        // PostgreSQL takes several writers at once; SQLite has one writer, so one worker.
        let workers = database.treDialect.usefulParallelWriters
        let now = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var random = SplitMix64(seed: seed &+ UInt64(worker))
                    for index in stride(from: worker, to: count, by: workers) {
                        try await openCase(index, communes: communes, random: &random, now: now, on: database)
                    }
                }
            }
            try await group.waitForAll()
        }
        return count
    }

    private static func openCase(
        _ index: Int, communes: [Commune], random: inout SplitMix64, now: Date, on database: any Database
    ) async throws {
        let hotline = Principal(
            userID: UUID(), username: "demo:hotline", fullName: "Tổng đài 111 (demo)", role: .hotlineCounsellor,
            jurisdiction: .nation, mustChangePassword: false)
        let commune = communes[index % communes.count]
        let story = Int(random.next() % UInt64(stories.count))
        let carer = random.next() % 4 == 0
        let draft = ReportDraft(
            channel: ReportChannel.allCases[Int(random.next() % UInt64(ReportChannel.allCases.count))].rawValue,
            receivedAt: now.addingTimeInterval(-Double(random.next() % (20 * 24 * 3600))),
            anonymous: random.next() % 3 == 0, reporterName: "Người báo tin \(index + 1)",
            reporterPhone: String(format: "09%08d", Int(random.next() % 100_000_000)), communeCode: commune.code,
            abuseForms: forms[story].map(\.rawValue), abuserIsCarer: carer, description: stories[story],
            newChildren: [victim(in: commune, random: &random)])
        let opened = try await CaseService(database: database, principal: hotline, actor: .system("demo"))
            .open(draft, now: now)
        let place = Jurisdiction.commune(provinceCode: commune.provinceCode, communeCode: commune.code)
        let officer = Principal(
            userID: UUID(), username: "demo:officer", fullName: "Cán bộ xã (demo)", role: .communeOfficer,
            jurisdiction: place, mustChangePassword: false)
        let chair = Principal(
            userID: UUID(), username: "demo:chair", fullName: "Chủ tịch UBND xã (demo)", role: .communeChair,
            jurisdiction: place, mustChangePassword: false)
        var version = opened.version
        let stepsToTake = Int(random.next() % 10)
        for (step, byChair) in steps(carer: carer).prefix(stepsToTake) {
            let updated = try await CaseService(
                database: database, principal: byChair ? chair : officer, actor: .system("demo")
            ).take(step, on: try opened.requireID(), seenVersion: version, now: now)
            version = updated.version
        }
    }

    /// The child the report is about, registered by the report with what the caller knew.
    private static func victim(in commune: Commune, random: inout SplitMix64) -> ChildDraft {
        var child = ChildDraft()
        let female = random.next() % 2 == 0
        child.fullName = [
            DemoData.familyNames[Int(random.next() % UInt64(DemoData.familyNames.count))],
            female ? "Thị" : "Văn",
            DemoData.givenNames[Int(random.next() % UInt64(DemoData.givenNames.count))],
        ].joined(separator: " ")
        child.sex = female ? "female" : "male"
        child.dateOfBirth =
            CivilDate(2010 + Int(random.next() % 15), 1 + Int(random.next() % 12), 1 + Int(random.next() % 28))
            .description
        child.communeCode = commune.code
        return child
    }

    private static func steps(carer: Bool) -> [(CaseStep, Bool)] {
        let today = VietnamDay.containing(Date())
        var steps: [(CaseStep, Bool)] = [
            (
                .initialAssessment(
                    .init(risk: carer ? .high : .medium, reasons: "Đã xác minh tại nhà", seriousThreat: false)), false
            )
        ]
        if carer {
            steps.append(
                (
                    .emergencyMeasures(
                        .init(
                            measures: "Công an xã can thiệp, đưa trẻ đến nơi an toàn",
                            separation: Separation(
                                place: "Nhà bà ngoại", start: today, end: today.adding(days: 10)))), true
                ))
        }
        steps += [
            (
                .detailedAssessment(
                    .init(
                        risk: .medium, findings: "Trẻ sợ hãi, cần hỗ trợ tâm lý", childViews: "Muốn được đi học",
                        parentViews: carer ? "" : "Gia đình hợp tác", needs: "Tâm lý, giáo dục")), false
            ),
            (
                .conference(
                    .init(
                        heldOn: today, participants: "Chủ tịch UBND xã, công an, y tế, gia đình",
                        conclusions: "Lập kế hoạch")), true
            ),
            (
                .plan([
                    PlanItem(
                        kind: .psychological, description: "Tư vấn tâm lý hằng tuần",
                        provider: "Trung tâm công tác xã hội",
                        responsible: "Cán bộ bảo vệ trẻ em xã", start: today, end: today.adding(days: 60),
                        costVND: 3_000_000)
                ]), false
            ),
            (.approval(note: "Đồng ý"), true),
            (.implementation, false),
            (.review(.init(outcome: .close, notes: "Trẻ an toàn, đã đi học lại")), false),
            (.closure(note: ""), true),
        ]
        return steps
    }
}
