import TreDomain

/// Words of the page chrome and forms in both languages. Templates read them as `t.key`; a key
/// missing from a template shows as blank, so page tests look for the expected words.
enum UIStrings {
    static let all = chrome.merging(communeWork) { first, _ in first }.merging(signInSecurity) { first, _ in first }
        .merging(cases) { first, _ in first }
        .merging(hotline) { first, _ in first }
        .merging(registers) { first, _ in first }.merging(today) { first, _ in first }
        .merging(importing) { first, _ in first }
        .merging(household) { first, _ in first }
        .merging(dataQuality) { first, _ in first }
        .merging(recheck) { first, _ in first }

    private static let chrome: [String: LocalizedText] = [
        "appName": .init(vi: "Tre — Hệ thống thông tin bảo vệ trẻ em", en: "Tre — Child protection information system"),
        "skipToContent": .init(vi: "Bỏ qua, đến nội dung chính", en: "Skip to main content"),
        "mainNav": .init(vi: "Điều hướng chính", en: "Main navigation"),
        "menu": .init(vi: "☰ Danh mục", en: "☰ Menu"),
        "home": .init(vi: "Trang chủ", en: "Home"),
        "accounts": .init(vi: "Tài khoản", en: "Accounts"),
        "auditTrail": .init(vi: "Nhật ký truy cập", en: "Audit trail"),
        "signIn": .init(vi: "Đăng nhập", en: "Sign in"),
        "signOut": .init(vi: "Đăng xuất", en: "Sign out"),
        "username": .init(vi: "Tên đăng nhập", en: "Username"),
        "password": .init(vi: "Mật khẩu", en: "Password"),
        "fullName": .init(vi: "Họ và tên", en: "Full name"),
        "role": .init(vi: "Vai trò", en: "Role"),
        "province": .init(vi: "Tỉnh, thành phố", en: "Province"),
        "commune": .init(vi: "Xã, phường, đặc khu", en: "Commune"),
        "communeCode": .init(vi: "Mã xã", en: "Commune code"),
        "jurisdiction": .init(vi: "Phạm vi", en: "Jurisdiction"),
        "nation": .init(vi: "Toàn quốc", en: "Nationwide"),
        "status": .init(vi: "Trạng thái", en: "Status"),
        "active": .init(vi: "Đang hoạt động", en: "Active"),
        "disabled": .init(vi: "Đã khóa", en: "Disabled"),
        "mustChange": .init(vi: "Chờ đổi mật khẩu", en: "Must change password"),
        "changePassword": .init(vi: "Đổi mật khẩu", en: "Change password"),
        "changePasswordIntro": .init(
            vi:
                "Mật khẩu của bạn là mật khẩu tạm thời. Hãy đặt mật khẩu mới (ít nhất \(AccountRules.minimumPasswordLength) ký tự) trước khi tiếp tục.",
            en:
                "Your password is temporary. Choose a new one (at least \(AccountRules.minimumPasswordLength) characters) before going on."
        ),
        "currentPassword": .init(vi: "Mật khẩu hiện tại", en: "Current password"),
        "newPassword": .init(vi: "Mật khẩu mới", en: "New password"),
        "confirmPassword": .init(vi: "Nhập lại mật khẩu mới", en: "Repeat the new password"),
        "passwordChanged": .init(vi: "Đã đổi mật khẩu.", en: "Your password has been changed."),
        "save": .init(vi: "Lưu", en: "Save"),
        "create": .init(vi: "Tạo tài khoản", en: "Create account"),
        "newAccount": .init(vi: "Tài khoản mới", en: "New account"),
        "temporaryPassword": .init(vi: "Mật khẩu tạm thời", en: "Temporary password"),
        "search": .init(vi: "Tìm kiếm", en: "Search"),
        "searchAccounts": .init(vi: "Tìm theo tên hoặc tên đăng nhập", en: "Search by name or username"),
        "exportCSV": .init(vi: "Xuất CSV", en: "Export CSV"),
        "exportPurpose": .init(vi: "Mục đích sử dụng tệp", en: "What the file is for"),
        "previous": .init(vi: "Trang trước", en: "Previous page"),
        "next": .init(vi: "Trang sau", en: "Next page"),
        "pageOf": .init(vi: "Trang", en: "Page"),
        "results": .init(vi: "kết quả", en: "results"),
        "newReport": .init(vi: "Tiếp nhận thông tin, tố giác (Mẫu 01)", en: "Receive a report (Form 01)"),
        "reportForwarded": .init(vi: "Đã ghi nhận và chuyển đến", en: "Recorded and forwarded to"),
        "cases": .init(vi: "Vụ việc", en: "Cases"),
        "case": .init(vi: "Vụ việc", en: "Case"),
        "inbox_open": .init(vi: "Đang xử lý", en: "Open"),
        "inbox_late": .init(vi: "Quá hạn", en: "Late"),
        "inbox_due_soon": .init(vi: "Sắp đến hạn (24 giờ)", en: "Due within 24 h"),
        "inbox_high_risk": .init(vi: "Nguy cơ cao", en: "High risk"),
        "inbox_closed": .init(vi: "Đã kết thúc", en: "Closed"),
        "receivedAt": .init(vi: "Thời điểm tiếp nhận", en: "Received at"),
        "channel": .init(vi: "Kênh tiếp nhận", en: "Channel"),
        "abuseForms": .init(vi: "Hình thức xâm hại", en: "Forms of abuse"),
        "abuserIsCarer": .init(
            vi: "Người bị nghi xâm hại là cha, mẹ hoặc người chăm sóc trẻ",
            en: "The suspected abuser is a parent or carer"),
        "yes": .init(vi: "Có", en: "Yes"),
        "no": .init(vi: "Không", en: "No"),
        "whatHappened": .init(vi: "Nội dung sự việc", en: "What happened"),
        "risk": .init(vi: "Mức độ nguy cơ", en: "Risk"),
        "anonymous": .init(vi: "Giấu tên", en: "Anonymous"),
        "reporter": .init(vi: "Người cung cấp thông tin", en: "Reporter"),
        "reporterName": .init(vi: "Họ tên người báo tin", en: "Reporter's name"),
        "reporterPhone": .init(vi: "Điện thoại người báo tin", en: "Reporter's phone"),
        "reporterHidden": .init(
            vi:
                "Danh tính người báo tin được giữ bí mật tại nơi tiếp nhận. Cán bộ xã phụ trách chỉ được xem khi người báo tin đồng ý.",
            en:
                "The reporter's identity stays with the receiving point. The commune's officers see it only if the reporter agrees."
        ),
        "reporterAgreesToContact": .init(
            vi: "Người báo tin đồng ý để cán bộ xã liên hệ trực tiếp",
            en: "The reporter agrees to be contacted by the commune"),
        "callerAgreesToContact": .init(
            vi: "Người gọi đồng ý để cán bộ xã liên hệ trực tiếp (nếu không, xã liên hệ qua Tổng đài)",
            en: "The caller agrees to be contacted by the commune (otherwise the commune asks the hotline to relay)"),
        "reporterWithReceivingPoint": .init(
            vi:
                "Có người báo tin; danh tính được giữ tại nơi tiếp nhận. Cần hỏi thêm, đề nghị nơi tiếp nhận chuyển lời:",
            en:
                "There is a reporter, whose identity stays with the receiving point. To ask them more, ask the receiving point to relay:"
        ),
        "childInvolved": .init(vi: "Trẻ liên quan", en: "Child involved"),
        "saveReport": .init(vi: "Ghi nhận và chuyển xã", en: "Save and forward to the commune"),
        "nextDeadline": .init(vi: "Hạn tiếp theo", en: "Next deadline"),
        "steps": .init(vi: "Các bước đã thực hiện", en: "Steps taken"),
        "nextStep": .init(vi: "Bước tiếp theo", en: "Next step"),
        "waitsForChair": .init(vi: "Chờ Chủ tịch UBND xã", en: "Waiting for the commune chairperson"),
        "print": .init(vi: "In hồ sơ", en: "Print the file"),
        "escalated": .init(vi: "Đã báo cáo lên tỉnh", en: "Escalated to the province"),
        "reportAbout": .init(vi: "Báo cáo vụ việc về trẻ này", en: "Report a case about this child"),
        "notifications": .init(vi: "Thông báo", en: "Notifications"),
        "searchCasesByChild": .init(
            vi: "Tìm theo tên trẻ (có dấu hoặc không dấu) hoặc số vụ việc",
            en: "Find by the child's name (with or without accents) or the case number"),
        "contactTopics": .init(vi: "Chủ đề cuộc gọi", en: "Contact topics"),
        "contactTopicsHelp": .init(
            vi:
                "Mã chủ đề không bao giờ đổi hay dùng lại: thêm chủ đề mới hoặc ngừng dùng chủ đề cũ, số liệu các kỳ vẫn so sánh được.",
            en:
                "Topic codes never change and are never reused: add new topics or retire old ones, and figures stay comparable."
        ),
        "topicCode": .init(vi: "Mã (chữ không dấu)", en: "Code (letters a–z)"),
        "topicNameVi": .init(vi: "Tên tiếng Việt", en: "Name in Vietnamese"),
        "topicNameEn": .init(vi: "Tên tiếng Anh", en: "Name in English"),
        "retire": .init(vi: "Ngừng dùng", en: "Retire"),
        "retired": .init(vi: "Đã ngừng", en: "Retired"),
        "until": .init(vi: "đến hết ngày", en: "until"),
        "flagCaller": .init(vi: "Đánh dấu người gọi", en: "Flag the caller"),
        "hotlineToday": .init(vi: "Hôm nay ở Tổng đài", en: "Today at the hotline"),
        "followUpsDue": .init(vi: "Cần gọi lại, theo dõi", en: "Follow-ups due"),
        "followedUp": .init(vi: "Đã theo dõi", en: "Done"),
        "flaggedCallers": .init(vi: "Người gọi đang được đánh dấu", en: "Flagged callers"),
        "followUpOn": .init(vi: "Ngày gọi lại, theo dõi", en: "Follow up on"),
        "hotlineConsole": .init(vi: "Ghi nhận cuộc gọi", en: "Log a contact"),
        "hotlineContact": .init(vi: "Cuộc gọi", en: "Contact"),
        "contactSaved": .init(
            vi: "Đã lưu cuộc gọi. Sẵn sàng cho cuộc tiếp theo.", en: "Contact saved. Ready for the next one."),
        "callerType": .init(vi: "Người gọi", en: "Caller"),
        "callerIdentifier": .init(vi: "Số điện thoại / mã chat", en: "Phone number / chat id"),
        "childAge": .init(vi: "Tuổi của trẻ", en: "Child's age"),
        "topics": .init(vi: "Chủ đề", en: "Topics"),
        "outcome": .init(vi: "Kết quả", en: "Outcome"),
        "previousContacts": .init(vi: "Các lần gọi trước", en: "Earlier contacts"),
        "saveContact": .init(vi: "Lưu cuộc gọi", en: "Save the contact"),
        "openReport": .init(vi: "Chuyển thành tin báo can thiệp", en: "Open a report"),
        "draftRestored": .init(vi: "Đã khôi phục bản nháp chưa lưu.", en: "An unsaved draft was restored."),
        "shortcuts": .init(
            vi:
                "Phím tắt: Alt+Shift+S số gọi, Alt+Shift+T chủ đề, Alt+Shift+N ghi chú, Alt+Shift+K kết quả, Ctrl+Enter lưu.",
            en:
                "Shortcuts: Alt+Shift+S caller, Alt+Shift+T topics, Alt+Shift+N notes, Alt+Shift+K outcome, Ctrl+Enter save."
        ),
        "indicators": .init(vi: "Chỉ tiêu, số liệu", en: "Indicators"),
        "injuries": .init(vi: "Tai nạn, thương tích trẻ em", en: "Child injuries"),
        "childFriendlyCommunes": .init(vi: "Xã, phường phù hợp với trẻ em", en: "Child-friendly communes"),
        "childFriendlyAssessment": .init(vi: "Đánh giá xã phù hợp với trẻ em", en: "Child-friendly assessment"),
        "notStarted": .init(vi: "Chưa tự đánh giá", en: "Not started"),
        "version": .init(vi: "phiên bản", en: "version"),
        "criteriaSet": .init(vi: "Bộ tiêu chí xã phù hợp với trẻ em", en: "Child-friendly criteria set"),
        "criteriaSaved": .init(vi: "Đã lưu bộ tiêu chí.", en: "The criteria set was saved."),
        "weightConfirmed": .init(vi: "Đã đối chiếu văn bản", en: "Checked against the decision"),
        "assessmentSaved": .init(vi: "Đã lưu bản tự đánh giá.", en: "The self-assessment was saved."),
        "assessmentSubmitted": .init(
            vi: "Đã gửi bản tự đánh giá lên tỉnh thẩm định.", en: "The self-assessment was submitted for appraisal."),
        "appraisalSaved": .init(vi: "Đã lưu kết quả thẩm định.", en: "The appraisal was saved."),
        "recognisedShare": .init(vi: "Tỷ lệ xã được công nhận", en: "Share of communes recognised"),
        "nationalTargets": .init(vi: "Mục tiêu quốc gia", en: "National targets"),
        "criterion": .init(vi: "Tiêu chí", en: "Criterion"),
        "maxPoints": .init(vi: "Điểm tối đa", en: "Maximum points"),
        "toConfirm": .init(vi: "chờ xác nhận", en: "to confirm"),
        "computedByTre": .init(vi: "Tre tính từ số liệu", en: "Computed by Tre"),
        "reportedFigure": .init(vi: "Số liệu của xã", en: "Commune's figure"),
        "overrideReason": .init(vi: "Lý do nếu khác", en: "Reason if different"),
        "points": .init(vi: "Điểm", en: "Points"),
        "met": .init(vi: "Đạt", en: "Met"),
        "notMet": .init(vi: "Không đạt", en: "Not met"),
        "evidenceNote": .init(vi: "Tài liệu kiểm chứng", en: "Evidence"),
        "communeCategory": .init(vi: "Loại xã", en: "Commune category"),
        "saveDraft": .init(vi: "Lưu nháp", en: "Save draft"),
        "submitAssessment": .init(vi: "Gửi tỉnh thẩm định", en: "Submit for appraisal"),
        "appraisal": .init(vi: "Thẩm định", en: "Appraisal"),
        "appraisedPoints": .init(vi: "Điểm thẩm định", en: "Appraised points"),
        "appraisalComment": .init(vi: "Ý kiến thẩm định", en: "Appraisal comment"),
        "saveAppraisal": .init(vi: "Lưu thẩm định", en: "Save appraisal"),
        "returnToCommune": .init(vi: "Trả lại xã bổ sung", en: "Return to the commune"),
        "recognise": .init(vi: "Công nhận", en: "Recognise"),
        "refuseRecognition": .init(vi: "Không công nhận", en: "Do not recognise"),
        "decisionNumber": .init(vi: "Số quyết định", en: "Decision number"),
        "decisionDate": .init(vi: "Ngày quyết định", en: "Decision date"),
        "totalPoints": .init(vi: "Tổng điểm", en: "Total points"),
        "threshold": .init(vi: "Mức đạt", en: "Threshold"),
        "whyNotYet": .init(vi: "Chưa đủ điều kiện công nhận vì", en: "Not yet recognisable because"),
        "history": .init(vi: "Lịch sử", en: "History"),
        "recordInjury": .init(vi: "Ghi một trường hợp tai nạn, thương tích", en: "Record an accident or injury"),
        "injuryRecorded": .init(vi: "Đã ghi trường hợp tai nạn, thương tích.", en: "The injury was recorded."),
        "cause": .init(vi: "Nguyên nhân", en: "Cause"),
        "injuryPlace": .init(vi: "Nơi xảy ra", en: "Where"),
        "description": .init(vi: "Mô tả", en: "Description"),
        "childRecordId": .init(vi: "Mã hồ sơ trẻ (nếu trẻ đã có hồ sơ)", en: "Child's record id (if registered)"),
        "ageInYears": .init(vi: "Tuổi (năm)", en: "Age (years)"),
        "ifNotRegistered": .init(
            vi: "Nếu trẻ chưa có hồ sơ: giới tính và tuổi", en: "If the child is not registered: sex and age"),
        "indicator": .init(vi: "Chỉ tiêu", en: "Indicator"),
        "notForThisPeriod": .init(vi: "không tính theo kỳ này", en: "not computed for this period"),
        "provinces": .init(vi: "Các tỉnh, thành phố", en: "Provinces"),
        "communes": .init(vi: "Các xã, phường, đặc khu", en: "Communes"),
        "notYetComputed": .init(vi: "chưa tính", en: "not yet computed"),
        "figuresComputedAt": .init(vi: "Số liệu tính lúc", en: "Figures computed at"),
        "recomputeNow": .init(vi: "Tính lại ngay", en: "Recompute now"),
        "reportNotSubmitted": .init(vi: "Chưa gửi", en: "Not submitted"),
        "periodicReport": .init(vi: "Báo cáo định kỳ", en: "Periodic report"),
        "periodicReports": .init(vi: "Báo cáo định kỳ và dân số trẻ em", en: "Periodic reports and child population"),
        "reportSubmitted": .init(vi: "Đã gửi báo cáo lên tỉnh.", en: "The report was sent to the province."),
        "populationNotANumber": .init(
            vi: "Năm và số trẻ em phải là số nguyên (ví dụ 2026 và 7850).",
            en: "The year and the number of children must be whole numbers (e.g. 2026 and 7850)."),
        "populationSaved": .init(vi: "Đã lưu số trẻ em của xã.", en: "The commune's child population was saved."),
        "indicatorTargets": .init(vi: "Mục tiêu chỉ tiêu", en: "Indicator targets"),
        "targetYearInvalid": .init(vi: "Năm mục tiêu không hợp lệ.", en: "The target year is not valid."),
        "targetNotANumber": .init(
            vi: "Mục tiêu “{value}” của chỉ tiêu {code} không phải là một số hợp lệ (tỷ lệ từ 0 đến 100).",
            en: "The target “{value}” for indicator {code} is not a valid number (a share is 0 to 100)."),
        "targetSaved": .init(vi: "Đã lưu mục tiêu.", en: "The target was saved."),
        "target": .init(vi: "Mục tiêu", en: "Target"),
        "value": .init(vi: "Giá trị", en: "Value"),
        "numerator": .init(vi: "Tử số", en: "Numerator"),
        "denominator": .init(vi: "Mẫu số", en: "Denominator"),
        "trend": .init(vi: "Xu hướng", en: "Trend"),
        "breakdownBy": .init(vi: "Phân tổ theo", en: "Break down by"),
        "exportXLSX": .init(vi: "Tải Excel (XLSX)", en: "Download Excel (XLSX)"),
        "submitReport": .init(vi: "Gửi báo cáo kỳ", en: "Submit the report for period"),
        "submit": .init(vi: "Gửi", en: "Submit"),
        "approve": .init(vi: "Duyệt", en: "Approve"),
        "returnReport": .init(vi: "Trả lại", en: "Return"),
        "reopen": .init(vi: "Mở lại", en: "Reopen"),
        "comment": .init(vi: "Ý kiến", en: "Comment"),
        "childPopulation": .init(vi: "Số trẻ em của xã trong năm", en: "Children living in the commune in the year"),
        "year": .init(vi: "Năm", en: "Year"),
        "printableReport": .init(vi: "Báo cáo để in, gửi cấp trên", en: "Printable report for the level above"),
        "reportTo": .init(vi: "Báo cáo số liệu về trẻ em", en: "Report of child indicators"),
        "generatedAt": .init(vi: "Lập lúc", en: "Generated at"),
        "belowFiveNote": .init(
            vi: "“<5”: số nhỏ được ẩn để không thể nhận ra một trẻ em cụ thể.",
            en: "“<5”: small counts are hidden so that no child can be recognised."),
        "printReport": .init(vi: "In báo cáo", en: "Print the report"),
        "byUnit": .init(vi: "Theo đơn vị", en: "By unit"),
        "largestUnits": .init(
            vi: "Biểu đồ: 20 đơn vị lớn nhất; bảng: tất cả.", en: "Chart: the 20 largest; table: all."),
        "hotlineStatistics": .init(vi: "Số liệu Tổng đài 111", en: "Hotline 111 figures"),
        "incomingContacts": .init(vi: "Cuộc gọi đến", en: "Incoming contacts"),
        "counselledContacts": .init(vi: "Ca tư vấn", en: "Counselled"),
        "interventionCases": .init(vi: "Ca can thiệp", en: "Intervention cases"),
        "topicCategory": .init(vi: "Nhóm chủ đề", en: "Topic category"),
        "period": .init(vi: "Kỳ", en: "Period"),
        "period_day": .init(vi: "Ngày", en: "Day"),
        "period_month": .init(vi: "Tháng", en: "Month"),
        "period_quarter": .init(vi: "Quý", en: "Quarter"),
        "period_year": .init(vi: "Năm", en: "Year"),
        "show": .init(vi: "Xem", en: "Show"),
        "notKnown": .init(vi: "Không rõ", en: "Not known"),
        "newChildHint": .init(
            vi: "Nếu trẻ chưa có trong sổ theo dõi, ghi tên để tạo hồ sơ tối thiểu cho xã bổ sung (có thể để trống).",
            en:
                "If the child is not in the registry, give a name to create a minimal record for the commune to complete (optional)."
        ),
        "referrals": .init(vi: "Chuyển gửi dịch vụ", en: "Referrals"),
        "followUps": .init(vi: "Theo dõi, thăm trẻ", en: "Follow-up visits"),
        "childNotSeen": .init(vi: "không gặp được trẻ", en: "child not seen"),
        "daysOff": .init(vi: "Ngày nghỉ", en: "Days off"),
        "daysOffHelp": .init(
            vi:
                "Thời hạn tính theo ngày làm việc bỏ qua thứ Bảy, Chủ nhật, ngày lễ, Tết (tính theo âm lịch Việt Nam) và các ngày nghỉ được thêm ở đây (ngày nghỉ bù, hoán đổi do Chính phủ quyết định).",
            en:
                "Deadlines in working days skip weekends, public holidays, Tết (on the Vietnamese lunar calendar) and the days added here (the government's yearly swaps and compensatory days)."
        ),
        "date": .init(vi: "Ngày", en: "Date"),
        "dateHint": .init(vi: "dd/mm/yyyy", en: "dd/mm/yyyy"),
        "times": .init(vi: "lần", en: "times"),
        "dayOffName": .init(vi: "Lý do nghỉ", en: "Reason"),
        "daysOffAdded": .init(vi: "Ngày nghỉ đã thêm", en: "Days off added"),
        "statutoryHolidays": .init(vi: "Ngày lễ, Tết theo luật năm", en: "Statutory holidays of"),
        "remove": .init(vi: "Xóa", en: "Remove"),
        "dayOffBadDate": .init(vi: "Ngày không đúng (dd/mm/yyyy).", en: "Not a valid date (dd/mm/yyyy)."),
        "dayOffNeedsName": .init(vi: "Ghi lý do nghỉ.", en: "Give the reason for the day off."),
        "moreThan": .init(vi: "Hơn", en: "More than"),
        "typeMoreOfTheName": .init(
            vi: "Gõ thêm họ tên để thu hẹp và xếp theo mức khớp.",
            en: "Type more of the name to narrow the list and rank it by match."),
        "noResults": .init(vi: "Không có kết quả.", en: "No results."),
        "disable": .init(vi: "Khóa tài khoản", en: "Disable account"),
        "enable": .init(vi: "Mở khóa tài khoản", en: "Enable account"),
        "resetPassword": .init(vi: "Đặt lại mật khẩu tạm thời", en: "Set a new temporary password"),
        "rescope": .init(vi: "Đổi vai trò và phạm vi", en: "Change role and jurisdiction"),
        "choose": .init(vi: "— Chọn —", en: "— Choose —"),
        "none": .init(vi: "— Không —", en: "— None —"),
        // The empty choice of a child's detail: "— Không —" read as "no disability".
        "notRecorded": .init(vi: "— Chưa ghi —", en: "— Not recorded —"),
        "language": .init(vi: "Ngôn ngữ", en: "Language"),
        "otherLanguage": .init(vi: "English", en: "Tiếng Việt"),
        "welcome": .init(vi: "Xin chào", en: "Welcome"),
        "yourRole": .init(vi: "Vai trò của bạn", en: "Your role"),
        "yourJurisdiction": .init(vi: "Phạm vi của bạn", en: "Your jurisdiction"),
        "errorTitle": .init(vi: "Không thực hiện được", en: "That did not work"),
        "backHome": .init(vi: "Về trang chủ", en: "Back to the home page"),
        "saved": .init(vi: "Đã lưu.", en: "Saved."),
        "time": .init(vi: "Thời gian", en: "Time"),
        "actor": .init(vi: "Người thực hiện", en: "Who"),
        "action": .init(vi: "Hành động", en: "Action"),
        "record": .init(vi: "Hồ sơ", en: "Record"),
        "address": .init(vi: "Địa chỉ IP", en: "Address"),
        "sealed": .init(vi: "Đã niêm phong", en: "Sealed"),
        "children": .init(vi: "Trẻ em", en: "Children"),
        "newChild": .init(vi: "Đăng ký trẻ em", en: "Register a child"),
        "editChild": .init(vi: "Sửa hồ sơ", en: "Edit record"),
        "searchChildren": .init(
            vi: "Tìm theo tên (gõ có dấu hay không dấu đều được)", en: "Search by name (with or without accents)"),
        "familyName": .init(vi: "Họ", en: "Family name"),
        "middleName": .init(vi: "Tên đệm", en: "Middle name"),
        "givenName": .init(vi: "Tên", en: "Given name"),
        "nameParts": .init(
            vi: "Họ, tên đệm, tên (chỉ sửa khi tách sai)",
            en: "Family, middle and given name (correct only if split wrongly)"),
        "sex": .init(vi: "Giới tính", en: "Sex"),
        "dateOfBirth": .init(vi: "Ngày sinh (ngày/tháng/năm)", en: "Date of birth (day/month/year)"),
        "estimatedBirthYear": .init(vi: "hoặc năm sinh ước tính", en: "or estimated year of birth"),
        "age": .init(vi: "Tuổi", en: "Age"),
        "ethnicity": .init(vi: "Dân tộc", en: "Ethnic group"),
        "personalId": .init(vi: "Số định danh cá nhân", en: "Personal identification number"),
        "addressLine": .init(vi: "Địa chỉ", en: "Address"),
        "schoolStatus": .init(vi: "Tình trạng đi học", en: "School"),
        "healthInsuranceCard": .init(vi: "Thẻ BHYT (trẻ dưới 6 tuổi)", en: "Health insurance card (under 6)"),
        "nutritionStatus": .init(vi: "Dinh dưỡng", en: "Nutrition"),
        "disabilityLevel": .init(vi: "Khuyết tật", en: "Disability"),
        "notes": .init(vi: "Ghi chú", en: "Notes"),
        "caregivers": .init(vi: "Người chăm sóc", en: "Caregivers"),
        "relation": .init(vi: "Quan hệ", en: "Relation"),
        "phone": .init(vi: "Điện thoại", en: "Phone"),
        "all": .init(vi: "Tất cả", en: "All"),
        "ageBand": .init(vi: "Nhóm tuổi", en: "Age group"),
        "statusChild": .init(vi: "Dưới 16 tuổi", en: "Under 16"),
        "statusNoLongerChild": .init(vi: "Đã đủ 16 tuổi", en: "16 or older"),
        "filter": .init(vi: "Lọc", en: "Filter"),
        "timeline": .init(vi: "Lịch sử hồ sơ", en: "History of the record"),
        "noLongerChild": .init(
            vi: "Đã đủ 16 tuổi: không còn là trẻ em (hồ sơ được giữ lại).",
            en: "16 or older: no longer a child (the record is kept)."),
        "estimated": .init(vi: "ước tính", en: "estimated"),
        "probableDuplicates": .init(vi: "Có thể đã có hồ sơ của trẻ này", en: "This child may already be registered"),
        "probableDuplicatesHelp": .init(
            vi:
                "Các hồ sơ dưới đây có cùng tên, năm sinh gần nhau và cùng xã hoặc cùng số điện thoại người chăm sóc. Mở hồ sơ cũ nếu là cùng một trẻ.",
            en:
                "These records have the same name, a close birth year and the same commune or caregiver phone. Open the existing record if it is the same child."
        ),
        "confirmNew": .init(
            vi: "Tôi đã kiểm tra: đây là một trẻ khác, vẫn tạo hồ sơ mới.",
            en: "I have checked: this is another child; create a new record."),
        "mergeInto": .init(vi: "Gộp hồ sơ này vào hồ sơ bên cạnh", en: "Merge this record into the one beside it"),
        "mergedNotice": .init(
            vi: "Đã gộp hồ sơ. Lịch sử của cả hai hồ sơ được giữ lại.",
            en: "Records merged. The history of both is kept."),
        "fixErrors": .init(vi: "Hãy sửa các ô được đánh dấu.", en: "Please correct the marked fields."),
        "importChildren": .init(vi: "Nhập danh sách trẻ em từ tệp", en: "Import a list of children"),
        "importFile": .init(vi: "Tệp CSV (UTF-8)", en: "CSV file (UTF-8)"),
        "importHelp": .init(
            vi: "Dòng đầu là tên cột. Các cột Tre nhận:", en: "The first line names the columns. Columns Tre reads:"),
        "importDefaultCommune": .init(
            vi: "Xã của các dòng không ghi mã xã", en: "Commune for rows without a commune code"),
        "preview": .init(vi: "Xem trước", en: "Preview"),
        "importRows": .init(vi: "dòng", en: "rows"),
        "importRowsWithErrors": .init(vi: "dòng có lỗi", en: "rows with problems"),
        "importFixAndRetry": .init(
            vi: "Chưa ghi gì cả. Hãy sửa các dòng có lỗi trong tệp rồi tải lên lại.",
            en: "Nothing has been saved. Correct the rows with problems in the file and upload it again."),
        "importCommit": .init(vi: "Ghi tất cả vào sổ", en: "Save all rows"),
        "importChanged": .init(
            vi: "Dữ liệu đã thay đổi từ lúc xem trước; hãy tải tệp lên lại.",
            en: "The registry changed since the preview; upload the file again."),
        "line": .init(vi: "Dòng", en: "Line"),
        "problems": .init(vi: "Lỗi", en: "Problems"),
        "ok": .init(vi: "Hợp lệ", en: "OK"),
        "imported": .init(vi: "Đã nhập trẻ em từ tệp:", en: "Children imported from the file:"),
        "circumstancesTitle": .init(vi: "Hoàn cảnh đặc biệt", en: "Special circumstances"),
        "supportsTitle": .init(vi: "Hỗ trợ đã nhận", en: "Support received"),
        "subgroup": .init(vi: "Nhóm, phân nhóm", en: "Group and sub-group"),
        "startDate": .init(vi: "Từ ngày", en: "From"),
        "reviewDate": .init(vi: "Ngày rà soát lại", en: "Review on"),
        "evidence": .init(vi: "Căn cứ, giấy tờ", en: "Evidence"),
        "endDate": .init(vi: "Đến ngày", en: "Until"),
        "endCircumstance": .init(vi: "Kết thúc", en: "End"),
        "addCircumstance": .init(vi: "Thêm hoàn cảnh", en: "Add a circumstance"),
        "supportKind": .init(vi: "Loại hỗ trợ", en: "Kind of support"),
        "supportDate": .init(vi: "Ngày nhận", en: "Date received"),
        "amount": .init(vi: "Số tiền (đồng)", en: "Amount (VND)"),
        "source": .init(vi: "Nguồn", en: "Source"),
        "sourceName": .init(vi: "Tên quỹ, tổ chức", en: "Name of the fund or donor"),
        "recordSupport": .init(vi: "Ghi nhận hỗ trợ", en: "Record support"),
        "noneRecorded": .init(vi: "Chưa có.", en: "None recorded."),
        "group": .init(vi: "Hoàn cảnh đặc biệt", en: "Special circumstance"),
        "importRunning": .init(vi: "Đang ghi vào sổ… Trang tự cập nhật.", en: "Saving… This page updates itself."),
        "importDone": .init(vi: "Đã ghi xong tất cả các dòng.", en: "All rows have been saved."),
        "importFailed": .init(
            vi: "Không ghi được; không dòng nào được lưu. Hãy thử lại.",
            en: "Saving failed; no row was saved. Please try again."),
        "seeList": .init(vi: "Xem danh sách trẻ em", en: "See the list of children"),
        "communeCodeHint": .init(
            vi: "Chọn tỉnh trước để hiện danh sách xã, hoặc nhập mã xã.",
            en: "Choose the province first to list its communes, or type the commune code."),
        "auditForged": .init(
            vi: "Giả mạo: không do Tre ghi, không niêm phong", en: "Forged: not written by Tre, not sealed"),
    ]

    static func table(_ language: Language) -> [String: String] {
        all.mapValues { $0(language) }
    }
}

extension UIStrings {
    /// One word or sentence; an unknown key shows itself, so a typo is visible rather than blank.
    static func text(_ key: String, _ language: Language) -> String {
        all[key]?(language) ?? key
    }
}
