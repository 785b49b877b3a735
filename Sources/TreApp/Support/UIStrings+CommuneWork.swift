import TreDomain

/// Words of the commune's year of work: forums, campaigns, inspections, safe homes.
extension UIStrings {
    static let communeWork: [String: LocalizedText] = [
        "communeWork": .init(vi: "Công tác xã", en: "Commune work"),
        "communeWorkIntro": .init(
            vi:
                "Diễn đàn trẻ em, chiến dịch truyền thông, kiểm tra lao động trẻ em và ngôi nhà, trường học, cộng đồng an toàn. Các việc đến hạn hiện ở đây.",
            en:
                "Children's forums, campaigns, child-labour inspections and safe homes, schools and communities. What is due shows here."
        ),
        "forums": .init(vi: "Diễn đàn trẻ em", en: "Children's forums"),
        "forum": .init(vi: "Diễn đàn trẻ em", en: "Children's forum"),
        "recordForum": .init(vi: "Ghi nhận diễn đàn", en: "Record a forum"),
        "forumLevel": .init(vi: "Cấp", en: "Level"),
        "childrenTakingPart": .init(vi: "Số trẻ em tham gia", en: "Children taking part"),
        "chaperones": .init(vi: "Người đi kèm", en: "Chaperones"),
        "parentalConsents": .init(vi: "Giấy đồng ý của cha mẹ", en: "Parental consents"),
        "belowMinimumReason": .init(
            vi: "Lý do nếu ít hơn số trẻ tối thiểu", en: "Reason if fewer than the minimum took part"),
        "reportDue": .init(vi: "Hạn báo cáo", en: "Report due"),
        "reportStatus": .init(vi: "Báo cáo", en: "Report"),
        "reportSubmittedOn": .init(vi: "Ngày gửi báo cáo", en: "Report sent on"),
        "markReportSent": .init(vi: "Ghi nhận đã gửi báo cáo", en: "Record the report as sent"),
        "onlyOverdue": .init(vi: "Chỉ việc quá hạn", en: "Overdue only"),
        "forumQuestions": .init(vi: "Ý kiến, câu hỏi của trẻ em", en: "Children's questions"),
        "forumQuestionsIntro": .init(
            vi:
                "Mỗi ý kiến, kiến nghị, câu hỏi trẻ em nêu tại diễn đàn được chuyển đến cơ quan phải trả lời, có hạn trả lời, và câu trả lời được báo lại cho trẻ em.",
            en:
                "Each message, recommendation or question children raise at a forum goes to the agency that must answer, with a due date, and the answer is given back to the children."
        ),
        "question": .init(vi: "Ý kiến, câu hỏi", en: "Question"),
        "agency": .init(vi: "Cơ quan trả lời", en: "Answering agency"),
        "answerDue": .init(vi: "Hạn trả lời", en: "Answer due"),
        "answer": .init(vi: "Trả lời", en: "Answer"),
        "answeredOn": .init(vi: "Ngày trả lời", en: "Answered on"),
        "routeQuestion": .init(vi: "Chuyển ý kiến đến cơ quan", en: "Route a question to an agency"),
        "recordAnswer": .init(vi: "Ghi câu trả lời", en: "Record the answer"),
        "overdue": .init(vi: "Quá hạn", en: "Overdue"),
        "answeredOnTime": .init(vi: "Trả lời đúng hạn", en: "Answered on time"),
        "answeredLate": .init(vi: "Trả lời muộn", en: "Answered late"),
        "awaitingAnswer": .init(vi: "Chờ trả lời", en: "Awaiting an answer"),
        "place": .init(vi: "Địa điểm", en: "Place"),
        "inspections": .init(vi: "Kiểm tra lao động trẻ em", en: "Child-labour inspections"),
        "inspection": .init(vi: "Lần kiểm tra", en: "Inspection"),
        "recordInspection": .init(vi: "Ghi nhận lần kiểm tra", en: "Record an inspection"),
        "inspectedPlace": .init(vi: "Nơi được kiểm tra", en: "Place inspected"),
        "placeName": .init(vi: "Tên cơ sở, chủ hộ", en: "Name of the place or household"),
        "placeOrCommune": .init(vi: "Cơ sở hoặc xã", en: "Place or commune"),
        "findings": .init(vi: "Kết quả kiểm tra", en: "Findings"),
        "violations": .init(vi: "Số vi phạm", en: "Violations"),
        "withViolations": .init(vi: "Có vi phạm", en: "With violations"),
        "childrenFound": .init(vi: "Số trẻ em liên quan", en: "Children involved"),
        "followUp": .init(vi: "Biện pháp xử lý, khắc phục", en: "Follow-up action"),
        "followUpDue": .init(vi: "Hạn khắc phục", en: "Follow-up due"),
        "followUpDoneOn": .init(vi: "Ngày hoàn thành", en: "Done on"),
        "markFollowUpDone": .init(vi: "Ghi nhận đã khắc phục", en: "Record the follow-up as done"),
        "registeredChildrenFound": .init(vi: "Trẻ em có hồ sơ liên quan", en: "Registered children involved"),
        "openReportForChild": .init(vi: "Ghi tin báo cho trẻ này", en: "Open a report for this child"),
        "linkChild": .init(vi: "Gắn hồ sơ trẻ", en: "Link the child's record"),
        "campaigns": .init(vi: "Truyền thông, sự kiện", en: "Campaigns and activities"),
        "recordCampaign": .init(vi: "Ghi nhận hoạt động", en: "Record an activity"),
        "campaignKind": .init(vi: "Loại hoạt động", en: "Kind of activity"),
        "campaignName": .init(vi: "Tên hoạt động", en: "Activity"),
        "adultsTakingPart": .init(vi: "Người lớn tham gia", en: "Adults taking part"),
        "budget": .init(vi: "Kinh phí (đồng)", en: "Budget (VND)"),
        "actionMonthRule": .init(
            vi: "Báo cáo Tháng hành động vì trẻ em (tháng 6) của xã gửi tỉnh trước ngày 20 tháng 7.",
            en: "The commune reports the Action Month for Children (June) to the province by 20 July."),
        "forumsHeld": .init(vi: "diễn đàn đã tổ chức", en: "forums held"),
        "forumReportsOverdue": .init(vi: "báo cáo diễn đàn quá hạn", en: "forum reports overdue"),
        "questionsDueThisYear": .init(vi: "ý kiến đến hạn trả lời trong năm", en: "questions due this year"),
        "questionsOverdue": .init(vi: "ý kiến quá hạn chưa trả lời", en: "questions overdue, unanswered"),
        "activities": .init(vi: "hoạt động", en: "activities"),
        "actionMonthReportsOverdue": .init(
            vi: "báo cáo Tháng hành động quá hạn", en: "Action Month reports overdue"),
        "inspectionsHeld": .init(vi: "lần kiểm tra", en: "inspections"),
        "followUpsOverdue": .init(vi: "biện pháp khắc phục quá hạn", en: "follow-ups overdue"),
        "safety": .init(vi: "Ngôi nhà, trường học, cộng đồng an toàn", en: "Safe homes, schools and communities"),
        "safeHomes": .init(vi: "Ngôi nhà an toàn", en: "Safe homes"),
        "safeSchools": .init(vi: "Trường học an toàn", en: "Safe schools"),
        "safeCommunities": .init(vi: "Cộng đồng an toàn", en: "Safe communities"),
        "assessed": .init(vi: "Số được đánh giá", en: "Assessed"),
        "safe": .init(vi: "Số đạt", en: "Safe"),
        "homesFromChecks": .init(
            vi: "Số hộ được tính từ các phiếu đánh giá từng hộ bên dưới.",
            en: "Homes are counted from the household checks below."),
        "householdChecks": .init(vi: "Đánh giá từng hộ gia đình", en: "Household checks"),
        "household": .init(vi: "Hộ gia đình", en: "Household"),
        "criteriaMet": .init(vi: "Số tiêu chí đạt (/33)", en: "Criteria met (of 33)"),
        "mandatoryMet": .init(vi: "Số tiêu chí bắt buộc đạt (/15)", en: "Mandatory criteria met (of 15)"),
        "injuryAtHome": .init(
            vi: "Trong năm có trẻ bị tai nạn, thương tích tại nhà", en: "A child was injured at home this year"),
        "result": .init(vi: "Kết quả", en: "Result"),
        "safeHome": .init(vi: "Đạt ngôi nhà an toàn", en: "Safe home"),
        "notSafeHome": .init(vi: "Chưa đạt", en: "Not yet safe"),
        "evidenceFiles": .init(vi: "Tệp minh chứng", en: "Evidence files"),
        "attachEvidence": .init(vi: "Đính kèm minh chứng", en: "Attach evidence"),
        "file": .init(vi: "Tệp", en: "File"),
        "attach": .init(vi: "Đính kèm", en: "Attach"),
        "evidenceAttached": .init(vi: "Đã đính kèm tệp minh chứng.", en: "The evidence was attached."),
        "evidenceLimits": .init(
            vi: "Nhận PDF, JPG, PNG, DOCX, XLSX; tối đa 5 MB mỗi tệp, 60 tệp mỗi bản tự đánh giá.",
            en: "PDF, JPG, PNG, DOCX, XLSX; at most 5 MB per file and 60 files per self-assessment."),
        "criteriaDocument": .init(vi: "Bộ tiêu chí dạng JSON", en: "The criteria set as JSON"),
        "loadNewDecision": .init(vi: "Nạp bộ tiêu chí của quyết định mới", en: "Load the criteria of a new decision"),
        "loadNewDecisionIntro": .init(
            vi:
                "Tải bộ tiêu chí hiện hành dạng JSON, sửa theo quyết định mới (tiêu chí, điểm, ngưỡng, chu kỳ, vai trò thẩm định và công nhận) rồi dán vào đây. Bộ mới thành phiên bản kế tiếp; các đánh giá đã có quyết định giữ phiên bản cũ, các đánh giá chưa quyết định chuyển sang bộ mới.",
            en:
                "Download the set in force as JSON, change it to the new decision (criteria, points, thresholds, cycle, appraising and recognising roles) and paste it here. It becomes the next version; decided assessments keep theirs, undecided ones move to it."
        ),
        "loadAsNewVersion": .init(vi: "Nạp thành phiên bản mới", en: "Load as a new version"),
        "childEvents": .init(vi: "Tai nạn, thương tích và kiểm tra liên quan", en: "Injuries and inspections"),
        "questionsAnsweredOnTime": .init(vi: "ý kiến được trả lời đúng hạn", en: "questions answered on time"),
        "childrenReached": .init(vi: "lượt trẻ em tham gia", en: "children taking part"),
        "inspectionsWithViolations": .init(vi: "lần phát hiện vi phạm", en: "found violations"),
        "evidenceRemoved": .init(vi: "Đã gỡ tệp minh chứng.", en: "The evidence file was removed."),
    ]
}
