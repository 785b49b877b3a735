import Foundation
import TreDomain

/// The registry's CSV columns, shared by export and import so that an exported file imports back.
enum ChildCSV {
    static let header = [
        "ho_ten", "gioi_tinh", "ngay_sinh", "nam_sinh_uoc_tinh", "ma_dan_toc", "so_dinh_danh", "ma_xa", "dia_chi",
        "hoc_tap", "the_bhyt", "dinh_duong", "khuyet_tat", "nguoi_cham_soc", "quan_he", "dien_thoai", "ghi_chu",
    ]

    static func row(_ child: Child, caregivers: [ChildCaregiver]) -> [String] {
        let first = caregivers.first
        return [
            child.fullName, child.sex, child.birthDate ?? "", child.birthDate == nil ? String(child.birthYear) : "",
            child.ethnicityCode ?? "", child.personalID ?? "", String(child.communeCode), child.address,
            child.schoolStatus ?? "", child.healthInsuranceCard ?? "", child.nutritionStatus ?? "",
            child.disabilityLevel ?? "", first?.fullName ?? "", first?.relation ?? "", first?.phone ?? "", child.notes,
        ]
    }
}
