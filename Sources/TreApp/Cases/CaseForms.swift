import Foundation
import TreDomain
import Vapor

/// The report form (Mẫu 01) as posted by the page.
struct ReportForm: Content {
    var channel: String?
    /// `YYYY-MM-DDTHH:MM` in Vietnam's time (a datetime-local field); empty means now.
    var receivedAt: String?
    var anonymous: String?
    var reporterName: String?
    var reporterPhone: String?
    var reporterAgreesToContact: String?
    /// The commune chooser's fields (`CommuneChooser`).
    var communeCode: String?
    var communeQuery: String?
    var communeProvince: String?
    var findCommune: String?
    var abuseForms: [String]?
    var abuserIsCarer: String?
    var description: String?
    /// A registered child, chosen from the registry search (`childQuery`, the "find" button `findChild`).
    var childId: String?
    var childQuery: String?
    var findChild: String?
    /// A child not yet in the registry.
    var newChildName: String?
    var newChildSex: String?
    /// A year of birth ("2016"), a date of birth ("03/05/2016") or an age ("9").
    var newChildBirth: String?
    /// The hotline contact this report is made from, if any.
    var contactId: String?

    /// The note on a child's minimal record made from a report.
    static let newChildNote = "Tạo từ tin báo; cần bổ sung."

    static let badTime = FieldError.invalid(
        vi: "Thời điểm tiếp nhận không đúng (ngày giờ).", en: "The time received is not a valid date and time.",
        field: "receivedAt")

    var commune: CommuneChoice {
        CommuneChoice(code: communeCode, query: communeQuery, province: communeProvince, find: findCommune)
    }

    /// The button pressed was a search (a commune or a child), not "save".
    var isSearchStep: Bool { findCommune != nil || findChild != nil }

    var contactID: UUID? { contactId.flatMap(UUID.init(uuidString:)) }

    func draft(today: CivilDate) throws -> ReportDraft {
        var received: Date?
        if let text = receivedAt?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let parts = text.split(separator: "T")
            let clock = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
            guard let day = parts.first.flatMap({ CivilDate(iso: String($0)) }), clock.count >= 2,
                (0..<24).contains(clock[0]), (0..<60).contains(clock[1])
            else { throw Self.badTime }
            received = VietnamDay.start(of: day).addingTimeInterval(TimeInterval(clock[0] * 3600 + clock[1] * 60))
        }
        return ReportDraft(
            channel: channel ?? "", receivedAt: received, anonymous: anonymous != nil,
            reporterName: reporterName ?? "", reporterPhone: reporterPhone ?? "",
            reporterAgreesToContact: reporterAgreesToContact != nil, communeCode: commune.code,
            childIDs: childId.flatMap(UUID.init(uuidString:)).map { [$0] } ?? [], abuseForms: abuseForms ?? [],
            abuserIsCarer: abuserIsCarer != nil, description: description ?? "",
            newChildren: try newChild(today: today).map { [$0] } ?? [])
    }

    private func newChild(today: CivilDate) throws -> ChildDraft? {
        guard let name = newChildName, !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        var draft = ChildDraft()
        draft.fullName = name
        draft.sex = newChildSex ?? ""
        let birth = (newChildBirth ?? "").trimmingCharacters(in: .whitespaces)
        if birth.contains("/") || birth.contains("-") {
            draft.dateOfBirth = birth
        } else if birth.count <= 2, let age = Int(birth) {
            // An age, as a caller says it: the child was born that many years ago (or the year before).
            guard (0...17).contains(age) else {
                throw FieldError.invalid(
                    vi: "Tuổi của trẻ phải từ 0 đến 17.", en: "The child's age must be 0 to 17.", field: "newChildBirth"
                )
            }
            draft.estimatedBirthYear = String(today.year - age)
        } else {
            draft.estimatedBirthYear = birth
        }
        draft.notes = Self.newChildNote
        return draft
    }
}

/// Every step's fields, as the case page posts them; `step(_:)` makes the domain's step of that kind.
struct StepForm: Content {
    var version: Int?
    /// Why a recorded step is corrected (the correction form only).
    var reason: String?
    var risk: String?
    var reasons: String?
    var seriousThreat: String?
    var measures: String?
    var separate: String?
    var place: String?
    var start: String?
    var end: String?
    var extendedBy: String?
    var findings: String?
    var childViews: String?
    var parentViews: String?
    var needs: String?
    var heldOn: String?
    var participants: String?
    var conclusions: String?
    var note: String?
    var outcome: String?
    var notes: String?
    /// Plan rows: kind0, description0, provider0, responsible0, start0, end0, cost0 … up to `planRows`.
    var kind0, kind1, kind2: String?
    var description0, description1, description2: String?
    var provider0, provider1, provider2: String?
    var responsible0, responsible1, responsible2: String?
    var start0, start1, start2: String?
    var end0, end1, end2: String?
    var cost0, cost1, cost2: String?

    static let planRows = 3

    private func date(_ text: String?, _ vi: String, _ en: String) throws -> CivilDate {
        guard let date = CivilDate(written: text ?? "") else {
            throw FieldError.invalid(
                vi: "\(vi): ngày không đúng (dd/mm/yyyy).", en: "\(en): not a valid date (dd/mm/yyyy).")
        }
        return date
    }

    private func riskLevel() throws -> RiskLevel {
        guard let level = RiskLevel(rawValue: risk ?? "") else {
            throw FieldError.invalid(vi: "Chọn mức độ nguy cơ.", en: "Choose the risk level.")
        }
        return level
    }

    func step(_ kind: CaseStepKind) throws -> CaseStep {
        switch kind {
        case .initialAssessment:
            return .initialAssessment(
                InitialAssessment(risk: try riskLevel(), reasons: reasons ?? "", seriousThreat: seriousThreat != nil))
        case .emergencyMeasures:
            var separation: Separation?
            if separate != nil {
                separation = Separation(
                    place: place ?? "", start: try date(start, "Bắt đầu cách ly", "Separation start"),
                    end: try date(end, "Kết thúc cách ly", "Separation end"), extendedBy: extendedBy ?? "")
            }
            return .emergencyMeasures(EmergencyMeasures(measures: measures ?? "", separation: separation))
        case .detailedAssessment:
            return .detailedAssessment(
                DetailedAssessment(
                    risk: try riskLevel(), findings: findings ?? "", childViews: childViews ?? "",
                    parentViews: parentViews ?? "", needs: needs ?? ""))
        case .caseConference:
            return .conference(
                CaseConference(
                    heldOn: try date(heldOn, "Ngày họp", "Meeting date"), participants: participants ?? "",
                    conclusions: conclusions ?? ""))
        case .plan:
            return .plan(try planItems())
        case .approval: return .approval(note: note ?? "")
        case .implementation: return .implementation
        case .review:
            guard let outcome = CaseReview.Outcome(rawValue: outcome ?? "") else {
                throw FieldError.invalid(vi: "Chọn kết quả rà soát.", en: "Choose the review's outcome.")
            }
            return .review(CaseReview(outcome: outcome, notes: notes ?? ""))
        case .closure: return .closure(note: note ?? "")
        }
    }

    private func planItems() throws -> [PlanItem] {
        let rows = [
            (kind0, description0, provider0, responsible0, start0, end0, cost0),
            (kind1, description1, provider1, responsible1, start1, end1, cost1),
            (kind2, description2, provider2, responsible2, start2, end2, cost2),
        ]
        var items: [PlanItem] = []
        for (index, row) in rows.enumerated() {
            let description = row.1?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !description.isEmpty else { continue }  // an empty row is not a service
            let line = index + 1
            guard let kind = ServiceKind(rawValue: row.0 ?? "") else {
                throw FieldError.invalid(
                    vi: "Dịch vụ \(line): chọn loại dịch vụ.", en: "Service \(line): choose its kind.")
            }
            let costText = (row.6 ?? "").filter { $0.isNumber }
            items.append(
                PlanItem(
                    kind: kind, description: description, provider: row.2 ?? "", responsible: row.3 ?? "",
                    start: try date(row.4, "Dịch vụ \(line), bắt đầu", "Service \(line), start"),
                    end: try date(row.5, "Dịch vụ \(line), kết thúc", "Service \(line), end"),
                    costVND: Int(costText) ?? 0))
        }
        return items
    }
}

/// A referral, its answer, or a follow-up visit, as the case page posts them.
struct ReferralForm: Content {
    var providerKind: String?
    var providerName: String?
    var reason: String?
    var sentOn: String?
    var status: String?
    var reply: String?
    var visitedOn: String?
    var childSeen: String?
    var notes: String?

    private static func date(_ text: String?) throws -> CivilDate {
        guard let day = CivilDate(written: text ?? "") else {
            throw FieldError.invalid(vi: "Ngày không đúng (dd/mm/yyyy).", en: "Not a valid date (dd/mm/yyyy).")
        }
        return day
    }

    func referral() throws -> ReferralDraft {
        guard let kind = ProviderKind(rawValue: providerKind ?? "") else {
            throw FieldError.invalid(vi: "Chọn loại cơ quan nhận.", en: "Choose the kind of provider.")
        }
        return ReferralDraft(
            providerKind: kind, providerName: providerName ?? "", reason: reason ?? "",
            sentOn: try Self.date(sentOn))
    }

    func answer() throws -> ReferralStatus {
        guard let status = ReferralStatus(rawValue: status ?? "") else {
            throw FieldError.invalid(vi: "Chọn kết quả chuyển gửi.", en: "Choose the referral's status.")
        }
        return status
    }

    func visit() throws -> FollowUpDraft {
        FollowUpDraft(visitedOn: try Self.date(visitedOn), childSeen: childSeen != nil, notes: notes ?? "")
    }
}
