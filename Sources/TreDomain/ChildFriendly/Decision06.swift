import Foundation

extension CriteriaSet {
    /// Decision 06/2019/QĐ-TTg (3 January 2019), the set in force. Its weights for criteria 1, 6 and 7 are
    /// known (100, 125, 50); the others are spread over the 1,000-point scale its thresholds imply and
    /// marked to be confirmed by an administrator against the decision's annex before the first recognition.
    public static let decision06of2019 = CriteriaSet(
        code: "06/2019/QĐ-TTg", version: 1,
        title: LocalizedText(
            vi: "Tiêu chuẩn xã, phường, thị trấn phù hợp với trẻ em (Quyết định 06/2019/QĐ-TTg)",
            en: "Child-friendly commune standard (Decision 06/2019/QĐ-TTg)"),
        criteria: [
            criterion(1, "Bảo đảm nguồn lực thực hiện quyền trẻ em", "Resources for child rights", 100, true),
            criterion(2, "Trẻ em được đăng ký khai sinh", "Birth registration", 72, false),
            criterion(
                3, "Trẻ em bị xâm hại", "Abused children", 73, false, computed: .abusedChildren),
            criterion(
                4, "Trẻ em vi phạm pháp luật, sử dụng ma túy", "Children in conflict with the law or using drugs", 72,
                false),
            criterion(5, "Trẻ em bị tai nạn, thương tích", "Accidents and injuries", 73, false, computed: .injuries),
            criterion(
                6, "Trẻ em có hoàn cảnh đặc biệt được trợ giúp", "Children in special circumstances supported", 125,
                true, computed: .specialCircumstancesSupported),
            criterion(7, "Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "Full immunisation under 1", 50, true),
            criterion(
                8, "Trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân, thấp còi", "Under-5 underweight and stunting", 72,
                false),
            criterion(9, "Trẻ em được khám sức khỏe định kỳ", "Periodic health checks", 73, false),
            criterion(10, "Trẻ em được đi học đúng độ tuổi", "School and preschool attendance", 72, false),
            criterion(
                11, "Trẻ em được tham gia vào các vấn đề về trẻ em", "Child participation", 73, false,
                computed: .forumsHeld),
            criterion(
                12, "Trẻ em được vui chơi, giải trí, hoạt động văn hóa, thể thao", "Play, culture and sport", 72, false),
            criterion(
                13, "Sự hài lòng của trẻ em và người dân", "Satisfaction of children and residents", 73, false),
        ],
        thresholds: [.cityWard: 900, .disadvantaged: 800, .other: 850],
        cycle: LocalizedText(
            vi: "Đánh giá vào tháng 11 năm thứ hai và năm thứ tư của mỗi kế hoạch 5 năm",
            en: "Assessed in November of the second and fourth year of each five-year plan"),
        appraiserRole: .provincialOfficer, recogniserRole: .provincialOfficer)

    private static func criterion(
        _ number: Int, _ vi: String, _ en: String, _ points: Int, _ confirmed: Bool, computed: ComputedCriterion? = nil
    ) -> FriendlyCriterion {
        FriendlyCriterion(
            number: number, title: LocalizedText(vi: vi, en: en), maxPoints: points, weightConfirmed: confirmed,
            computed: computed)
    }
}
