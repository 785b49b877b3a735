import TreDomain

/// The audit trail and a child's history in words: what was done, to what kind of record, in the reader's
/// language, instead of the codes the trail stores ("child.viewed"). A code without words shows as itself.
enum AuditWords {
    static func action(_ code: String, _ language: Language) -> String {
        if let words = actions[code] { return words(language) }
        let (prefix, rest) = split(code)
        switch prefix {
        case "case":
            if let step = CaseStepKind(rawValue: rest) { return CaseStepView.title(step, language) }
        case "indicators" where rest.hasPrefix("report_"):
            if let status = PeriodicReportStatus(rawValue: String(rest.dropFirst("report_".count))) {
                return status.label(language)
            }
        case "child_friendly":
            if let words = assessment[rest] { return words(language) }
        default: break
        }
        return code
    }

    static func recordType(_ type: String, _ language: Language) -> String {
        records[type].map { $0(language) } ?? type
    }

    /// The kinds of record the trail can be filtered by, in the reader's language and order.
    static func recordTypes(_ language: Language) -> [(code: String, label: String)] {
        records.map { ($0.key, $0.value(language)) }.sorted {
            VietnameseCollation.sortKey($0.label) < VietnameseCollation.sortKey($1.label)
        }
    }

    private static func split(_ code: String) -> (String, String) {
        guard let dot = code.firstIndex(of: ".") else { return (code, "") }
        return (String(code[..<dot]), String(code[code.index(after: dot)...]))
    }

    private static let assessment: [String: LocalizedText] = [
        "saved": .init(vi: "Lưu bản tự đánh giá", en: "Saved the self-assessment"),
        "submitted": .init(vi: "Gửi bản tự đánh giá", en: "Submitted the self-assessment"),
        "returned": .init(vi: "Trả lại bản tự đánh giá", en: "Returned the self-assessment"),
        "recognised": .init(vi: "Công nhận xã phù hợp với trẻ em", en: "Recognised the commune as child-friendly"),
        "refused": .init(vi: "Không công nhận", en: "Did not recognise the commune"),
        "appraised": .init(vi: "Thẩm định", en: "Appraised"),
        "evidence_attached": .init(vi: "Đính kèm minh chứng", en: "Attached evidence"),
        "evidence_removed": .init(vi: "Gỡ minh chứng", en: "Removed evidence"),
        "exported": .init(vi: "Xuất danh sách xã phù hợp với trẻ em", en: "Exported the child-friendly list"),
    ]

    static let actions: [String: LocalizedText] = [
        "login.succeeded": .init(vi: "Đăng nhập", en: "Signed in"),
        "login.failed": .init(vi: "Đăng nhập không thành công", en: "Failed to sign in"),
        "login.password_accepted": .init(vi: "Mật khẩu đúng, chờ mã xác thực", en: "Password accepted, code awaited"),
        "login.second_factor_failed": .init(vi: "Mã xác thực sai", en: "Wrong authentication code"),
        "account.created": .init(vi: "Tạo tài khoản", en: "Created an account"),
        "account.disabled": .init(vi: "Khóa tài khoản", en: "Disabled an account"),
        "account.enabled": .init(vi: "Mở khóa tài khoản", en: "Enabled an account"),
        "account.password_changed": .init(vi: "Đổi mật khẩu", en: "Changed the password"),
        "account.password_reset": .init(vi: "Đặt lại mật khẩu", en: "Reset a password"),
        "account.rescoped": .init(vi: "Đổi vai trò, phạm vi", en: "Changed a role or jurisdiction"),
        "account.second_factor_enrolled": .init(vi: "Cài đặt xác thực hai lớp", en: "Set up two-step verification"),
        "account.second_factor_reset": .init(vi: "Đặt lại xác thực hai lớp", en: "Reset two-step verification"),
        "account.sessions_ended": .init(vi: "Kết thúc phiên đăng nhập", en: "Ended sessions"),
        "accounts.exported": .init(vi: "Xuất danh sách tài khoản", en: "Exported the accounts"),
        "caller.flagged": .init(vi: "Đánh dấu người gọi", en: "Flagged a caller"),
        "campaign.recorded": .init(vi: "Ghi chiến dịch, hoạt động", en: "Recorded a campaign"),
        "campaign.report_submitted": .init(vi: "Gửi báo cáo chiến dịch", en: "Submitted a campaign report"),
        "campaigns.exported": .init(vi: "Xuất danh sách chiến dịch", en: "Exported the campaigns"),
        "case.corrected": .init(vi: "Sửa bước đã lưu (có lý do)", en: "Corrected a saved step (with a reason)"),
        "case.escalated": .init(vi: "Báo cáo cấp trên vì quá hạn", en: "Escalated as overdue"),
        "case.follow_up": .init(vi: "Ghi lần theo dõi, thăm trẻ", en: "Recorded a follow-up visit"),
        "case.opened": .init(vi: "Tiếp nhận tin báo, mở hồ sơ", en: "Received a report and opened the case"),
        "case.referral_answered": .init(vi: "Ghi phản hồi chuyển gửi", en: "Recorded a referral's answer"),
        "case.referred": .init(vi: "Chuyển gửi dịch vụ", en: "Referred to a service"),
        "case.viewed": .init(vi: "Xem hồ sơ trường hợp", en: "Viewed the case"),
        "cases.exported": .init(vi: "Xuất danh sách trường hợp", en: "Exported the cases"),
        "child.circumstance_added": .init(vi: "Ghi hoàn cảnh đặc biệt", en: "Recorded a special circumstance"),
        "child.circumstance_ended": .init(vi: "Kết thúc hoàn cảnh đặc biệt", en: "Ended a special circumstance"),
        "child.created": .init(vi: "Tạo hồ sơ trẻ em", en: "Registered the child"),
        "child.found_at_inspection": .init(vi: "Gặp trẻ khi kiểm tra lao động", en: "Found at a labour inspection"),
        "child.injury_recorded": .init(vi: "Ghi tai nạn, thương tích", en: "Recorded an injury"),
        "child.merged": .init(vi: "Gộp hồ sơ trùng", en: "Merged a duplicate record"),
        "child.support_recorded": .init(vi: "Ghi trợ giúp", en: "Recorded support"),
        "child.updated": .init(vi: "Sửa hồ sơ trẻ em", en: "Corrected the record"),
        "child.viewed": .init(vi: "Xem hồ sơ trẻ em", en: "Viewed the record"),
        "children.exported": .init(vi: "Xuất danh sách trẻ em", en: "Exported the children"),
        "children.import_undone": .init(vi: "Hủy phần đã nhập của tệp", en: "Undid an interrupted import"),
        "children.imported": .init(vi: "Nhập danh sách trẻ em", en: "Imported children"),
        "data_quality.worklist_exported": .init(
            vi: "Xuất danh sách hồ sơ cần bổ sung", en: "Exported the records to fix"),
        "contact.followed_up": .init(vi: "Đã gọi lại", en: "Followed up the contact"),
        "contact.logged": .init(vi: "Ghi cuộc gọi, liên hệ", en: "Logged a contact"),
        "contact.report_opened": .init(vi: "Chuyển liên hệ thành tin báo", en: "Turned the contact into a report"),
        "contact.updated": .init(vi: "Sửa ghi chép liên hệ", en: "Updated the contact"),
        "criteria_set.updated": .init(vi: "Cập nhật bộ tiêu chí", en: "Updated the criteria"),
        "day_off.added": .init(vi: "Thêm ngày nghỉ", en: "Added a day off"),
        "day_off.removed": .init(vi: "Xóa ngày nghỉ", en: "Removed a day off"),
        "forum.question_answered": .init(vi: "Trả lời kiến nghị của trẻ", en: "Answered a child's question"),
        "forum.question_routed": .init(vi: "Chuyển kiến nghị của trẻ", en: "Routed a child's question"),
        "forum.recorded": .init(vi: "Ghi diễn đàn trẻ em", en: "Recorded a children's forum"),
        "forum.report_submitted": .init(vi: "Gửi báo cáo diễn đàn", en: "Submitted a forum report"),
        "forum_questions.exported": .init(vi: "Xuất kiến nghị của trẻ", en: "Exported the children's questions"),
        "forums.exported": .init(vi: "Xuất danh sách diễn đàn", en: "Exported the forums"),
        "hotline.statistics_exported": .init(vi: "Xuất thống kê tổng đài", en: "Exported hotline statistics"),
        "indicators.exported": .init(vi: "Xuất số liệu chỉ tiêu", en: "Exported indicator figures"),
        "indicators.population_saved": .init(vi: "Lưu số trẻ em của xã", en: "Saved the child population"),
        "indicators.refreshed": .init(vi: "Tính lại số liệu", en: "Recomputed the figures"),
        "indicators.report_exported": .init(vi: "Xuất báo cáo chỉ tiêu", en: "Exported the indicator report"),
        "indicators.report_submitted": .init(vi: "Gửi báo cáo kỳ", en: "Submitted the periodic report"),
        "indicators.reports_exported": .init(vi: "Xuất danh sách báo cáo kỳ", en: "Exported the periodic reports"),
        "indicators.target_set": .init(vi: "Đặt chỉ tiêu", en: "Set a target"),
        "injuries.exported": .init(vi: "Xuất danh sách tai nạn, thương tích", en: "Exported the injuries"),
        "injury.recorded": .init(vi: "Ghi tai nạn, thương tích", en: "Recorded an injury"),
        "inspection.child_linked": .init(vi: "Ghi trẻ gặp khi kiểm tra", en: "Linked a child to the inspection"),
        "inspection.follow_up_done": .init(vi: "Ghi kết quả kiểm tra lại", en: "Recorded the follow-up"),
        "inspection.recorded": .init(vi: "Ghi cuộc kiểm tra lao động", en: "Recorded a labour inspection"),
        "inspections.exported": .init(vi: "Xuất danh sách kiểm tra", en: "Exported the inspections"),
        "safety.counts_saved": .init(vi: "Lưu số liệu an toàn", en: "Saved the safety counts"),
        "safety.exported": .init(vi: "Xuất số liệu an toàn", en: "Exported the safety counts"),
        "safety.home_checked": .init(vi: "Ghi kiểm tra hộ gia đình", en: "Recorded a household check"),
        "topic.added": .init(vi: "Thêm chủ đề tư vấn", en: "Added a topic"),
        "topic.retired": .init(vi: "Ngừng dùng chủ đề tư vấn", en: "Retired a topic"),
        "recheck.drawn": .init(vi: "Chọn mẫu phúc tra", en: "Drew a re-check sample"),
        "recheck.findings_recorded": .init(vi: "Ghi kết quả phúc tra", en: "Recorded re-check findings"),
        "recheck.closed": .init(vi: "Kết thúc đợt phúc tra", en: "Closed a re-check round"),
        "rechecks.exported": .init(vi: "Xuất danh sách đợt phúc tra", en: "Exported the re-check rounds"),
        "child.rechecked": .init(vi: "Phúc tra hồ sơ tại hộ gia đình", en: "Re-checked the record at the household"),
        "database.backed_up": .init(vi: "Sao lưu cơ sở dữ liệu", en: "Backed up the database"),
        "database.restored": .init(
            vi: "Khôi phục cơ sở dữ liệu từ bản sao lưu", en: "Restored the database from a backup"),
    ]

    private static let records: [String: LocalizedText] = [
        "account": .init(vi: "Tài khoản", en: "Account"),
        "campaign": .init(vi: "Chiến dịch", en: "Campaign"),
        "case": .init(vi: "Hồ sơ trường hợp", en: "Case"),
        "child": .init(vi: "Hồ sơ trẻ em", en: "Child"),
        "commune_population": .init(vi: "Số trẻ em của xã", en: "Child population"),
        "contact": .init(vi: "Liên hệ tổng đài", en: "Contact"),
        "contact_topic": .init(vi: "Chủ đề tư vấn", en: "Topic"),
        "criteria_set": .init(vi: "Bộ tiêu chí", en: "Criteria"),
        "database": .init(vi: "Cơ sở dữ liệu", en: "Database"),
        "day_off": .init(vi: "Ngày nghỉ", en: "Day off"),
        "forum": .init(vi: "Diễn đàn trẻ em", en: "Forum"),
        "forum_question": .init(vi: "Kiến nghị của trẻ", en: "Child's question"),
        "friendly_assessment": .init(vi: "Đánh giá xã phù hợp với trẻ em", en: "Child-friendly assessment"),
        "indicator": .init(vi: "Chỉ tiêu", en: "Indicator"),
        "indicator_report": .init(vi: "Báo cáo chỉ tiêu", en: "Indicator report"),
        "indicator_target": .init(vi: "Chỉ tiêu kế hoạch", en: "Target"),
        "injury": .init(vi: "Tai nạn, thương tích", en: "Injury"),
        "inspection": .init(vi: "Kiểm tra lao động", en: "Inspection"),
        "periodic_report": .init(vi: "Báo cáo kỳ", en: "Periodic report"),
        "safety": .init(vi: "An toàn", en: "Safety"),
        "statistics": .init(vi: "Thống kê", en: "Statistics"),
        "session": .init(vi: "Phiên đăng nhập", en: "Session"),
        "recheck_round": .init(vi: "Đợt phúc tra", en: "Re-check round"),
    ]
}
