import TreDomain

/// Words of the data-quality pages: the unit's figures and the commune's worklist.
extension UIStrings {
    static let dataQuality: [String: LocalizedText] = [
        "dataQuality": .init(vi: "Chất lượng dữ liệu", en: "Data quality"),
        "dqWorklist": .init(vi: "Danh sách hồ sơ cần bổ sung", en: "Records to fix"),
        "dqWorklistIntro": .init(
            vi:
                "Trẻ em dưới 16 tuổi có hồ sơ chưa đủ hoặc chưa khớp với Cơ sở dữ liệu quốc gia về dân cư. Sửa hồ sơ thì trẻ ra khỏi danh sách.",
            en:
                "Children under 16 whose record is incomplete or disagrees with the national population database. A corrected record leaves the list."
        ),
        "dqProblem": .init(vi: "Vấn đề", en: "Problem"),
        "dqProblems": .init(vi: "Cần bổ sung", en: "To fix"),
        "dqFix": .init(vi: "Sửa", en: "Fix"),
        "dqFoundAtHousehold": .init(vi: "Kết quả xác minh tại hộ", en: "Found at the household"),
        "dqPrintWorklist": .init(vi: "In danh sách đi xác minh", en: "Print for household visits"),
        "dqNothingToFix": .init(vi: "Không có hồ sơ nào cần bổ sung.", en: "No record needs fixing."),
        "dqBorn": .init(vi: "Ngày sinh", en: "Born"),
        "dqNation": .init(vi: "Toàn quốc", en: "Nation"),
        "dqOverviewIntro": .init(
            vi:
                "Mức đầy đủ của hồ sơ trẻ em dưới 16 tuổi so với yêu cầu của Cơ sở dữ liệu quốc gia về dân cư (Đề án 06; Quyết định 3978/QĐ-BYT).",
            en:
                "How complete the records of children under 16 are for the national population database (Project 06; Decision 3978/QĐ-BYT)."
        ),
        "dqChildren": .init(vi: "Trẻ em trong sổ", en: "Children registered"),
        "dqFieldCompleteness": .init(vi: "Mức đầy đủ từng thông tin", en: "Completeness of each field"),
        "dqFieldPersonalID": .init(vi: "Số định danh cá nhân", en: "Personal ID"),
        "dqFieldPersonalIDConsistent": .init(
            vi: "Số định danh khớp với giới tính, năm sinh", en: "Personal ID agreeing with sex and birth year"),
        "dqFieldName": .init(vi: "Họ và tên đủ họ, tên", en: "Full name with family and given name"),
        "dqFieldBirthDate": .init(vi: "Ngày, tháng, năm sinh", en: "Date of birth"),
        "dqFieldSex": .init(vi: "Giới tính", en: "Sex"),
        "dqFieldEthnicity": .init(vi: "Dân tộc", en: "Ethnicity"),
        "dqFieldCaregiver": .init(vi: "Cha, mẹ hoặc người giám hộ", en: "Parent or guardian"),
        "dqIDCoverage": .init(vi: "Có số định danh", en: "ID coverage"),
        "dqComplete": .init(vi: "Hồ sơ đầy đủ", en: "Complete records"),
        "dqStale": .init(vi: "Chưa cập nhật trong 1 năm", en: "Not updated for a year"),
        "dqOnWorklist": .init(vi: "Hồ sơ cần bổ sung", en: "Records to fix"),
        "dqLastRecheck": .init(vi: "Tỷ lệ sai của lần phúc tra gần nhất", en: "Error rate of the last re-check"),
        "dqNoRecheckYet": .init(vi: "Chưa có đợt phúc tra.", en: "No re-check yet."),
        "dqByCommune": .init(vi: "Theo xã, phường", en: "By commune"),
        "dqByProvince": .init(vi: "Theo tỉnh, thành phố", en: "By province"),
        "dqUnit": .init(vi: "Đơn vị", en: "Unit"),
        "dqCountedAt": .init(vi: "Số liệu tổng hợp lúc", en: "Figures as counted at"),
    ]
}
