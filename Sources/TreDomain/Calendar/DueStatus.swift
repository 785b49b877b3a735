import Foundation

/// Where a piece of work with a deadline stands: a forum's report, an inspection's follow-up, the Action
/// Month report. Overdue is the day after the due date, as for case deadlines.
public enum DueStatus: String, Sendable {
    case due, overdue, done, doneLate = "done_late"

    public init(due: String, doneOn: String?, today: CivilDate) {
        let dueDay = CivilDate(iso: due)
        if let doneOn {
            let late = CivilDate(iso: doneOn).flatMap { day in dueDay.map { $0 < day } } ?? false
            self = late ? .doneLate : .done
        } else {
            self = dueDay.map { $0 < today } == true ? .overdue : .due
        }
    }

    public var label: LocalizedText {
        switch self {
        case .due: LocalizedText(vi: "Chưa đến hạn", en: "Not yet due")
        case .overdue: LocalizedText(vi: "Quá hạn", en: "Overdue")
        case .done: LocalizedText(vi: "Đã xong đúng hạn", en: "Done on time")
        case .doneLate: LocalizedText(vi: "Đã xong, muộn", en: "Done late")
        }
    }
}

extension DueStatus {
    /// The day the work was done (a report sent, a follow-up carried out), as typed (`dd/mm/yyyy`), not in the future; today when left blank.
    public static func doneDay(_ text: String, field: String, today: (year: Int, month: Int, day: Int)) -> Result<
        String, FieldErrors
    > {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            return .success(String(format: "%04d-%02d-%02d", today.year, today.month, today.day))
        }
        var errors: [FieldError] = []
        guard let day = RecordDate.parse(text, field: field, required: true, today: today, errors: &errors)
        else { return .failure(FieldErrors(errors: errors)) }
        return .success(day)
    }
}
