import Foundation

/// A whole, non-negative number typed in a form ("1.250" is 1250); blank is 0. Above its limit, the
/// message names the limit.
enum Count {
    static func parse(
        _ text: String, field: String, vi: String, en: String, maximum: Int = 1_000_000, errors: inout [FieldError]
    ) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "")
        if trimmed.isEmpty { return 0 }
        guard let value = Int(trimmed), value >= 0 else {
            errors.append(
                FieldError(
                    field: field, code: "invalid_count",
                    message: LocalizedText(
                        vi: "\(vi) phải là số nguyên không âm.", en: "\(en) must be a whole number.")))
            return nil
        }
        guard value <= maximum else {
            errors.append(
                FieldError(
                    field: field, code: "count_too_large",
                    message: LocalizedText(
                        vi: "\(vi) tối đa là \(IndicatorNumberFormat.integer(maximum, language: .vi)).",
                        en: "\(en) can be at most \(IndicatorNumberFormat.integer(maximum, language: .en)).")))
            return nil
        }
        return value
    }
}
