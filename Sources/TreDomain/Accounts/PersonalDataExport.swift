/// How much of the registry's personal data a file may carry without a stated reason. A commune's list fits
/// under the limit; a province's whole registry does not, and its download then says why it is needed, in the
/// audit trail beside who took it and how many rows.
public enum PersonalDataExport {
    public static let rowsWithoutPurpose = 1_000
    public static let purposeLength = 15...500

    /// Nil when the export may go ahead; otherwise what is missing, in both languages.
    public static func purposeProblem(
        rowCount: Int, purpose: String?, rowsWithoutPurpose: Int = rowsWithoutPurpose
    ) -> LocalizedText? {
        guard rowCount > rowsWithoutPurpose else { return nil }
        let purpose = VietnameseText.normalized(purpose ?? "")
        guard purposeLength.contains(purpose.count) else {
            func number(_ value: Int, _ language: Language) -> String {
                IndicatorNumberFormat.integer(value, language: language)
            }
            return LocalizedText(
                vi:
                    "Tệp này có \(number(rowCount, .vi)) hồ sơ (quá \(number(rowsWithoutPurpose, .vi))). Ghi rõ mục đích sử dụng "
                    + "(\(purposeLength.lowerBound)–\(purposeLength.upperBound) ký tự); mục đích được ghi vào nhật ký.",
                en:
                    "This file holds \(number(rowCount, .en)) records (over \(number(rowsWithoutPurpose, .en))). State what it is for "
                    + "(\(purposeLength.lowerBound)–\(purposeLength.upperBound) characters); it is kept in the audit trail."
            )
        }
        return nil
    }
}
