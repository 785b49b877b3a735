import Fluent
import Foundation
import TreDomain

/// This year's commune work in the demo provinces, with the mix a province sees: most communes held a
/// forum and most questions were answered, some late or not at all; the Action Month ran everywhere, a few
/// reports never reached the province; some inspections found children working; safe homes counted.
enum DemoCommuneWork {
    struct Seeded {
        var forums = 0
        var questions = 0
        var campaigns = 0
        var inspections = 0
        var safety = 0
    }

    static let questions: [(text: String, agency: String)] = [
        ("Xin làm sân chơi an toàn cho thiếu nhi trong thôn", "UBND xã"),
        ("Đề nghị lắp đèn đường trên đường đến trường", "UBND xã"),
        ("Xin mở lớp dạy bơi miễn phí vào mùa hè", "Trường học"),
        ("Đề nghị tăng thời lượng tư vấn tâm lý học đường", "Trường học"),
        ("Xin có thêm sách cho thư viện xã", "UBND xã"),
        ("Đề nghị kiểm tra các quán internet mở quá khuya", "Công an xã"),
    ]

    static func seed(provinces: [Int], focusCommunes: [Commune], on database: any Database, seed: UInt64)
        async throws -> Seeded
    {
        guard try await ChildrenForumRecord.query(on: database).count() == 0 else { return Seeded() }
        var random = SplitMix64(seed: seed &+ 808)
        func roll(_ below: Int) -> Int { Int(random.next() % UInt64(below)) }
        let today = VietnamDay.containing(Date())
        let firstOfYear = CivilDate(today.year, 1, 1)
        let daysSoFar = max(1, today.julianDay - firstOfYear.julianDay)
        let focus = Set(focusCommunes.map(\.code))
        var forums: [ChildrenForumRecord] = []
        var routed: [ForumQuestionRecord] = []
        var campaigns: [CampaignRecord] = []
        var inspections: [InspectionRecord] = []
        var links: [InspectionChildRecord] = []
        var counts: [SafetyCountsRecord] = []
        var checks: [SafeHomeCheckRecord] = []
        func iso(_ day: CivilDate) -> String { day.description }

        for province in provinces {
            for commune in try await UnitQueries.communesInForce(provinceCode: province, on: database) {
                // A forum for about 60% of communes, on a day of this year.
                if roll(100) < 60 || focus.contains(commune.code) {
                    let day = firstOfYear.adding(days: roll(daysSoFar))
                    let forum = ChildrenForumRecord()
                    let forumID = UUID()
                    forum.id = forumID
                    forum.provinceCode = province
                    forum.communeCode = commune.code
                    forum.level = ForumLevel.commune.rawValue
                    forum.date = iso(day)
                    forum.place = "Hội trường \(commune.name)"
                    forum.children = 24 + roll(40)
                    forum.chaperones = 3 + roll(5)
                    forum.consents = forum.children
                    forum.belowMinimumReason = forum.children < 30 ? "Trời mưa to, nhiều em ở xa không đến được" : ""
                    forum.reportDue = iso(day.adding(days: forumReportDays))
                    if roll(100) < 80 { forum.reportSubmittedOn = iso(day.adding(days: 5 + roll(15))) }
                    if let sent = forum.reportSubmittedOn, sent > today.description { forum.reportSubmittedOn = nil }
                    forums.append(forum)
                    for _ in 0..<(2 + roll(2)) {
                        let (text, agency) = questions[roll(questions.count)]
                        let question = ForumQuestionRecord()
                        question.id = UUID()
                        question.$forum.id = forumID
                        question.provinceCode = province
                        question.communeCode = commune.code
                        question.text = text
                        question.agency = agency
                        let due = day.adding(days: 30)
                        question.due = iso(due)
                        let answered = due.adding(days: roll(100) < 75 ? -roll(20) : 5 + roll(20))
                        if roll(100) < 80 && !(today < answered) {
                            question.answeredOn = iso(answered)
                            question.answer = "Đã đưa vào kế hoạch của \(agency) năm \(today.year)."
                        }
                        routed.append(question)
                    }
                }
                // The Action Month of last year and, once June has passed, this year.
                for year in [today.year - 1, today.year] where CivilDate(year, 6, 1) < today {
                    var draft = CampaignDraft()
                    draft.kind = CampaignKind.actionMonth.rawValue
                    draft.startDate = "01/06/\(year)"
                    draft.endDate = "30/06/\(year)"
                    draft.children = String(200 + roll(800))
                    draft.adults = String(50 + roll(200))
                    draft.budget = String((5 + roll(20)) * 1_000_000)
                    let campaign = CampaignRecord(
                        try draft.validate().get(), provinceCode: province, communeCode: commune.code, recordedBy: nil)
                    campaign.id = UUID()
                    let sent = CivilDate(year, 7, 5 + roll(25))
                    if roll(100) < 85 && !(today < sent) { campaign.reportSubmittedOn = iso(sent) }
                    campaigns.append(campaign)
                }
                if roll(2) == 0 && CivilDate(today.year, 9, 15) < today {
                    var draft = CampaignDraft()
                    draft.kind = CampaignKind.midAutumn.rawValue
                    draft.name = "Vui Tết Trung thu \(commune.name)"
                    draft.startDate = "15/09/\(today.year)"
                    draft.children = String(100 + roll(400))
                    draft.budget = String((2 + roll(8)) * 1_000_000)
                    let campaign = CampaignRecord(
                        try draft.validate().get(), provinceCode: province, communeCode: commune.code, recordedBy: nil)
                    campaign.id = UUID()
                    campaigns.append(campaign)
                }
                // An inspection in about a third of communes; a quarter of them find children working.
                if roll(3) == 0 || focus.contains(commune.code) {
                    let day = firstOfYear.adding(days: roll(daysSoFar))
                    var draft = InspectionDraft()
                    draft.date = String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
                    draft.placeKind =
                        [InspectedPlace.business, .household, .craftVillage, .serviceFacility][roll(4)]
                        .rawValue
                    draft.placeName =
                        ["Xưởng may", "Cơ sở mộc", "Lò gạch", "Hộ làm nghề mây tre"][roll(4)]
                        + " \(commune.name)"
                    let violating = roll(4) == 0 || focus.contains(commune.code)
                    draft.findings = violating ? "Có trẻ em dưới 15 tuổi làm việc quá giờ" : "Không phát hiện vi phạm"
                    draft.violations = violating ? String(1 + roll(3)) : "0"
                    draft.childrenFound = violating ? String(1 + roll(4)) : "0"
                    if violating {
                        draft.followUp = "Yêu cầu chấm dứt sử dụng lao động trẻ em, kiểm tra lại"
                        let due = day.adding(days: 30)
                        draft.followUpDue = String(format: "%02d/%02d/%04d", due.day, due.month, due.year)
                    }
                    let inspection = InspectionRecord(
                        try draft.validate(today: (today.year, today.month, today.day)).get(), provinceCode: province,
                        communeCode: commune.code, recordedBy: nil)
                    let inspectionID = UUID()
                    inspection.id = inspectionID
                    if let due = inspection.followUpDue, roll(100) < 60, due < today.description {
                        inspection.followUpDoneOn = due
                    }
                    inspections.append(inspection)
                    if violating, focus.contains(commune.code),
                        let child = try await Child.query(on: database).filter(\.$communeCode == commune.code)
                            .filter(\.$mergedInto == nil).first()
                    {
                        let link = InspectionChildRecord()
                        link.$inspection.id = inspectionID
                        link.$child.id = try child.requireID()
                        links.append(link)
                    }
                }
                // Safe homes, schools and communities of the year; the focus communes checked house by house.
                let record = SafetyCountsRecord()
                record.provinceCode = province
                record.communeCode = commune.code
                record.year = today.year
                var tally = SafetyCounts()
                tally.schools = 2 + roll(5)
                tally.safeSchools = tally.schools - roll(2)
                tally.communities = 4 + roll(9)
                tally.safeCommunities = tally.communities - roll(4)
                if focus.contains(commune.code) {
                    for index in 0..<8 {
                        let check = SafeHomeCheck(
                            criteriaMet: 18 + roll(16), mandatoryMet: 13 + roll(3), injuryAtHome: roll(10) == 0)
                        let row = SafeHomeCheckRecord()
                        row.provinceCode = province
                        row.communeCode = commune.code
                        row.year = today.year
                        row.household = "Hộ số \(index + 1), tổ dân phố \(1 + roll(9))"
                        row.criteriaMet = max(check.criteriaMet, check.mandatoryMet)
                        row.mandatoryMet = check.mandatoryMet
                        row.injuryAtHome = check.injuryAtHome
                        row.safe = row.check.isSafe
                        checks.append(row)
                        tally.homesAssessed += 1
                        tally.safeHomes += row.safe ? 1 : 0
                    }
                } else {
                    tally.homesAssessed = 50 + roll(150)
                    tally.safeHomes = tally.homesAssessed * (60 + roll(30)) / 100
                }
                record.set(tally)
                counts.append(record)
            }
        }
        let all: [any Model] = forums + routed + campaigns + inspections + links + counts + checks
        try await database.writeTransaction { database in
            for record in all { try await record.create(on: database) }
        }
        return Seeded(
            forums: forums.count, questions: routed.count, campaigns: campaigns.count, inspections: inspections.count,
            safety: counts.count)
    }
}
