import TreDomain

/// Words of the case procedure: the case page's forms (Mẫu 02–07), referrals and follow-up visits, and a
/// recorded step as it is printed.
extension UIStrings {
    static let cases: [String: LocalizedText] = [
        "caseNumber": .init(vi: "Vụ việc số", en: "Case no."),
        // The case page's forms: each button says what it does.
        "submitInitialAssessment": .init(vi: "Lưu đánh giá ban đầu", en: "Save the initial assessment"),
        "submitEmergencyMeasures": .init(vi: "Lưu biện pháp khẩn cấp", en: "Save the emergency measures"),
        "submitDetailedAssessment": .init(vi: "Lưu đánh giá chi tiết", en: "Save the detailed assessment"),
        "submitCaseConference": .init(vi: "Lưu kết quả họp", en: "Save the meeting's conclusions"),
        "submitPlan": .init(vi: "Gửi kế hoạch để Chủ tịch phê duyệt", en: "Send the plan for approval"),
        "submitReview": .init(vi: "Lưu kết quả rà soát", en: "Save the review"),
        "submitCorrection": .init(vi: "Lưu bản sửa", en: "Save the correction"),
        "saveReferral": .init(vi: "Lưu chuyển gửi", en: "Save the referral"),
        "saveVisit": .init(vi: "Lưu lần thăm", en: "Save the visit"),
        "updateReply": .init(vi: "Cập nhật phản hồi", en: "Update the reply"),
        "newReferral": .init(vi: "Chuyển gửi mới", en: "New referral"),
        "newVisit": .init(vi: "Ghi lần thăm", en: "Record a visit"),
        "correctStep": .init(vi: "Sửa bước này", en: "Correct this step"),
        "correctionReason": .init(vi: "Lý do sửa", en: "Reason for the correction"),
        "corrected": .init(vi: "Đã sửa", en: "Corrected"),
        "earlierVersion": .init(vi: "Bản trước khi sửa", en: "The version before the correction"),
        "stepSaved": .init(vi: "Đã lưu", en: "Saved"),
        "theCallOfThisCase": .init(vi: "Cuộc gọi đến 111 của vụ việc này", en: "The 111 call this case came from"),
        // Choosing a commune by name (the commune chooser) and the child of a report.
        "communeWhere": .init(vi: "Nơi xảy ra vụ việc", en: "Where it happened"),
        "communeSearchLabel": .init(
            vi: "Gõ tên xã, phường (không cần dấu), rồi chọn",
            en: "Type the commune's name (accents optional), then choose"),
        "find": .init(vi: "Tìm", en: "Find"),
        "allProvinces": .init(vi: "Mọi tỉnh, thành phố", en: "All provinces"),
        "noCommuneMatches": .init(
            vi: "Không có xã, phường nào khớp. Hãy gõ ít chữ hơn hoặc chọn tỉnh khác.",
            en: "No commune matches. Type fewer letters or choose another province."),
        "moreCommuneMatches": .init(
            vi: "Còn nhiều xã, phường khác khớp: gõ thêm chữ hoặc chọn tỉnh.",
            en: "More communes match: type more of the name or choose the province."),
        "childSearchLabel": .init(
            vi: "Tìm trẻ đã có trong sổ theo dõi (họ tên, không cần dấu)",
            en: "Find a child already in the registry (name, accents optional)"),
        "noChildMatches": .init(
            vi: "Không tìm thấy trẻ nào trong sổ; hãy mô tả trẻ bên dưới.",
            en: "No child found in the registry; describe the child below."),
        "noRegisteredChild": .init(vi: "Không chọn trẻ nào trong sổ", en: "No child from the registry"),
        "childNotInRegistry": .init(vi: "Trẻ chưa có trong sổ theo dõi", en: "A child not yet in the registry"),
        "childBirth": .init(vi: "Năm sinh, ngày sinh hoặc tuổi", en: "Year or date of birth, or age"),
        "theCall": .init(vi: "Cuộc gọi", en: "The call"),
        // The steps, as their forms are titled (Decree 56, Mẫu 02–07).
        "stepInitialAssessment": .init(
            vi: "Đánh giá nguy cơ ban đầu (Mẫu 02)", en: "Initial assessment (Form 02)"),
        "stepEmergencyMeasures": .init(vi: "Can thiệp khẩn cấp (Mẫu 07)", en: "Emergency measures (Form 07)"),
        "stepDetailedAssessment": .init(vi: "Đánh giá chi tiết (Mẫu 03)", en: "Detailed assessment (Form 03)"),
        "stepCaseConference": .init(vi: "Họp xác định nhu cầu hỗ trợ", en: "Case conference"),
        "stepPlan": .init(vi: "Kế hoạch hỗ trợ, can thiệp (Mẫu 04)", en: "Support/intervention plan (Form 04)"),
        "stepApproval": .init(vi: "Phê duyệt kế hoạch (Mẫu 05)", en: "Plan approval (Form 05)"),
        "stepImplementation": .init(vi: "Bắt đầu thực hiện kế hoạch", en: "Plan implementation started"),
        "stepReview": .init(vi: "Rà soát, đánh giá (Mẫu 06)", en: "Review (Form 06)"),
        "stepClosure": .init(vi: "Kết thúc kế hoạch", en: "Case closed"),
        // The steps' fields.
        "caseReasons": .init(vi: "Lý do", en: "Reasons"),
        "caseSeriousThreat": .init(vi: "Đe dọa nghiêm trọng", en: "Serious threat"),
        "caseSeriousThreatQuestion": .init(
            vi: "Tính mạng, sức khỏe, nhân phẩm của trẻ bị đe dọa nghiêm trọng",
            en: "Life, health or dignity seriously threatened"),
        "caseMeasuresTaken": .init(vi: "Biện pháp đã thực hiện", en: "Measures taken"),
        "caseSeparation": .init(vi: "Tạm thời cách ly", en: "Temporary separation"),
        "caseSeparationLegend": .init(
            vi: "Tạm thời cách ly (Chủ tịch UBND xã quyết định)", en: "Temporary separation (the chairperson decides)"),
        "caseSeparate": .init(vi: "Cách ly trẻ", en: "Separate the child"),
        "caseSafePlace": .init(vi: "Nơi tạm trú an toàn", en: "Safe place"),
        "caseFrom": .init(vi: "Từ ngày", en: "From"),
        "caseUntilFifteenDays": .init(vi: "Đến ngày (tối đa 15 ngày)", en: "Until (15 days at most)"),
        "caseExtensionDecision": .init(vi: "Quyết định gia hạn (nếu có)", en: "Extension decision (if any)"),
        "caseFindings": .init(vi: "Kết quả đánh giá", en: "Findings"),
        "caseChildViews": .init(vi: "Ý kiến của trẻ", en: "The child's views"),
        "caseParentViews": .init(vi: "Ý kiến của cha mẹ, người chăm sóc", en: "Parents' or carer's views"),
        "caseParentViewsUnlessAbusers": .init(
            vi: "Ý kiến của cha mẹ, người chăm sóc (trừ khi họ là người xâm hại)",
            en: "Parents' or carer's views (unless they are the abusers)"),
        "caseNeeds": .init(vi: "Nhu cầu hỗ trợ", en: "Needs"),
        "caseMeetingDate": .init(vi: "Ngày họp", en: "Meeting date"),
        "caseParticipants": .init(vi: "Thành phần", en: "Participants"),
        "caseConclusions": .init(vi: "Kết luận", en: "Conclusions"),
        "caseService": .init(vi: "Dịch vụ", en: "Service"),
        "caseServiceKind": .init(vi: "Loại", en: "Kind"),
        "caseServiceWhat": .init(vi: "Nội dung", en: "What"),
        "caseServiceProvider": .init(vi: "Cơ sở cung cấp", en: "Provider"),
        "caseResponsible": .init(vi: "Người, cơ quan chịu trách nhiệm", en: "Responsible"),
        "caseStart": .init(vi: "Bắt đầu", en: "Start"),
        "caseEnd": .init(vi: "Kết thúc", en: "End"),
        "caseCostVND": .init(vi: "Dự toán kinh phí (đồng)", en: "Cost (VND)"),
        "caseNote": .init(vi: "Ghi chú", en: "Note"),
        "caseOutcome": .init(vi: "Kết quả", en: "Outcome"),
        "caseReviewNotes": .init(vi: "Nhận xét", en: "Notes"),
        "caseOutcomeClose": .init(
            vi: "Trẻ an toàn, ổn định: đề xuất kết thúc", en: "Safe and stable: propose closing"),
        "caseOutcomeProposeClosing": .init(vi: "Đề xuất kết thúc", en: "Propose closing"),
        "caseOutcomeReplan": .init(vi: "Xây dựng lại kế hoạch", en: "Plan again"),
        "caseApprovePlan": .init(vi: "Phê duyệt", en: "Approve"),
        "caseStartPlan": .init(vi: "Bắt đầu thực hiện kế hoạch", en: "Start the plan"),
        "caseClose": .init(vi: "Kết thúc", en: "Close"),
        "caseDateFormat": .init(vi: "ngày/tháng/năm", en: "dd/mm/yyyy"),
        // Referrals and follow-up visits.
        "caseReply": .init(vi: "Phản hồi", en: "Reply"),
        "caseProviderKind": .init(vi: "Cơ quan nhận", en: "Provider"),
        "caseProviderName": .init(vi: "Tên cơ sở", en: "Name"),
        "caseReferralReason": .init(vi: "Nội dung chuyển gửi", en: "Reason"),
        "caseSentOn": .init(vi: "Ngày chuyển", en: "Sent on"),
        "caseVisitedOn": .init(vi: "Ngày thăm", en: "Visited on"),
        "caseChildSeen": .init(vi: "Đã gặp trẻ", en: "Child seen"),
        "caseVisitNotes": .init(vi: "Nội dung", en: "Notes"),
    ]
}
