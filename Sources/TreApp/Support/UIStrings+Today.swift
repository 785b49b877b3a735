import TreDomain

/// Words of today's work: the home page's items, the period picker, the audit trail's filters and names,
/// the charts' axes, the child-friendly rate and the inspection's child search.
extension UIStrings {
    /// Everything this file adds, merged into `UIStrings.all` once.
    static let today = homeWords.merging(periodPicker) { first, _ in first }.merging(auditWords) { first, _ in first }
        .merging(smallerWords) { first, _ in first }

    fileprivate static let homeWords: [String: LocalizedText] = [
        // Home: today's work
        "homeToday": .init(vi: "Việc hôm nay", en: "Today's work"),
        "homeNothingToDo": .init(
            vi: "Không có việc nào đang chờ bạn. Mọi việc đã được xử lý đúng hạn.",
            en: "Nothing is waiting for you. Everything is up to date."),
        "homeAccount": .init(vi: "Tài khoản của bạn", en: "Your account"),
        "homeLateCases": .init(vi: "Vụ việc quá hạn", en: "Late cases"),
        "homeLateCasesNote": .init(
            vi: "Đã quá thời hạn luật định của bước tiếp theo", en: "The legal deadline of the next step has passed"),
        "homeEscalatedCases": .init(vi: "Vụ việc quá hạn đã báo lên tỉnh", en: "Late cases escalated to the province"),
        "homeEscalatedCasesNote": .init(
            vi: "Xã chưa thực hiện bước tiếp theo đúng hạn", en: "The commune did not take the next step in time"),
        "homeDueSoonCases": .init(vi: "Vụ việc sắp đến hạn", en: "Cases due soon"),
        "homeDueSoonCasesNote": .init(vi: "Đến hạn trong 24 giờ tới", en: "Due within the next 24 hours"),
        "homeNewCases": .init(vi: "Vụ việc mới", en: "New cases"),
        "homeNewCasesNote": .init(vi: "Đã tiếp nhận, chưa đánh giá ban đầu", en: "Received, not yet assessed"),
        "homeApprovals": .init(vi: "Chờ Chủ tịch quyết định", en: "Waiting for your decision"),
        "homeCaseReceived": .init(vi: "vụ việc tiếp nhận ngày", en: "case received on"),
        "homeQuestions": .init(
            vi: "Ý kiến của trẻ em chờ trả lời", en: "Children's questions waiting for an answer"),
        "homeQuestionsOverdue": .init(vi: "Quá hạn trả lời", en: "Past the answer's due date"),
        "homeReportDue": .init(vi: "Báo cáo định kỳ cần gửi tỉnh", en: "Periodic report to send to the province"),
        "homeReportNotSent": .init(vi: "Chưa gửi", en: "Not sent yet"),
        "homeReportsToDecide": .init(vi: "Báo cáo của xã chờ duyệt", en: "Commune reports to decide"),
        "homeReportsToDecideNote": .init(
            vi: "Đã gửi, chờ tỉnh duyệt hoặc trả lại", en: "Submitted, waiting for the province to approve or return"),
        "homeAssessments": .init(
            vi: "Tự đánh giá xã phù hợp với trẻ em chờ thẩm định",
            en: "Child-friendly self-assessments to appraise"),
        "homeAssessmentsNote": .init(
            vi: "Xã đã gửi, chờ tỉnh thẩm định", en: "Sent by the commune, awaiting appraisal"),
        "homeFollowUps": .init(vi: "Cuộc gọi cần theo dõi lại", en: "Contacts to follow up"),
        "homeFollowUpsLate": .init(vi: "Đã quá ngày hẹn", en: "Past the follow-up date"),
        "homeNotifications": .init(vi: "Thông báo chưa đọc", en: "Unread notifications"),
        "homeForged": .init(vi: "Dòng nhật ký giả mạo", en: "Forged audit entries"),
        "homeForgedNote": .init(
            vi: "Không do Tre ghi; kiểm tra bằng lệnh tre audit verify",
            en: "Not written by Tre; check them with tre audit verify"),
        "homeIndicators": .init(vi: "Chỉ số bảo vệ trẻ em", en: "Child protection indicators"),
    ]
}

extension UIStrings {
    /// The period picker of the indicator pages.
    fileprivate static let periodPicker: [String: LocalizedText] = [
        "periodTyped": .init(vi: "hoặc gõ kỳ", en: "or type a period"),
        "periodQuarters": .init(vi: "Quý", en: "Quarters"),
        "periodMonths": .init(vi: "Tháng", en: "Months"),
        "periodHalves": .init(vi: "6 tháng", en: "Half-years"),
        "periodYears": .init(vi: "Năm", en: "Years"),
        "allPeriods": .init(vi: "Mọi kỳ", en: "Any period"),
    ]
}

extension UIStrings {
    /// The audit trail's filters.
    fileprivate static let auditWords: [String: LocalizedText] = [
        "auditPerson": .init(vi: "Người thực hiện", en: "Person"),
        "auditRecordType": .init(vi: "Loại hồ sơ", en: "Kind of record"),
        "auditRecord": .init(vi: "Tên hoặc mã hồ sơ", en: "Record's name or id"),
        "auditFrom": .init(vi: "Từ ngày", en: "From"),
        "auditTo": .init(vi: "Đến ngày", en: "To"),
        "auditClear": .init(vi: "Bỏ lọc", en: "Clear the filters"),
        "auditBadDate": .init(
            vi: "Ngày không đọc được (viết ngày/tháng/năm), bỏ qua",
            en: "Date not understood (write day/month/year), ignored"),
    ]
}

extension UIStrings {
    /// The inspection's child search and the child-friendly rate.
    fileprivate static let smallerWords: [String: LocalizedText] = [
        "findChildByName": .init(vi: "Tìm trẻ em của xã theo tên", en: "Find a child of the commune by name"),
        "findChildExample": .init(vi: "ví dụ: le thi mai", en: "e.g. le thi mai"),
        "noChildFound": .init(
            vi: "Không tìm thấy trẻ em nào của xã có tên này. Hãy đăng ký trẻ trước.",
            en: "No child of this commune has that name. Register the child first."),
        "bornShort": .init(vi: "sinh", en: "born"),
    ]
}
