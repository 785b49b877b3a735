import Fluent
import Foundation
import TreDomain
import Vapor

/// The part of a child's page about special circumstances and support: what is recorded, and the
/// forms to add to it (with what was typed and the problem, when a form was refused).
struct CircumstanceSection: Encodable {
    struct Item: Encodable {
        var id: String
        var group: String
        var subgroup: String
        var period: String
        var open: Bool
        var reviewDate: String
        var evidence: String
        var endAction: String
    }

    struct SupportItem: Encodable {
        var date: String
        var kind: String
        var amount: String
        var source: String
    }

    struct CircumstanceValues: Encodable {
        var subgroup = ""
        var startDate = ""
        var reviewDate = ""
        var evidence = ""
    }

    struct SupportValues: Encodable {
        var kind = ""
        var date = ""
        var amount = ""
        var source = ""
        var sourceName = ""
    }

    var items: [Item]
    var supports: [SupportItem]
    var subgroups: [Choice]
    var supportKinds: [Choice]
    var supportSources: [Choice]
    var circumstanceForm: CircumstanceValues
    var supportForm: SupportValues
    var error: String?
    var canEdit: Bool
    var circumstanceAction: String
    var supportAction: String

    /// Built from what was loaded, without a database.
    init(
        _ file: ChildRecordFile, canEdit: Bool, language: Language, circumstanceForm: CircumstanceValues = .init(),
        supportForm: SupportValues = .init(), error: String? = nil
    ) {
        let id = file.child.id ?? UUID()
        items = file.circumstances.map { record in
            let subgroup = file.subgroups.first {
                $0.groupCode == record.groupCode && $0.number == record.subgroupNumber
            }
            let recordID = record.id ?? UUID()
            return Item(
                id: recordID.uuidString,
                group: "\(record.groupCode)) \(subgroup?.groupName(language) ?? "")",
                subgroup: "\(record.subgroupNumber). \(subgroup?.name(language) ?? "")",
                period: "\(VietnamTime.date(record.startDate)) – \(record.endDate.map(VietnamTime.date) ?? "…")",
                open: record.endDate == nil, reviewDate: record.reviewDate.map(VietnamTime.date) ?? "",
                evidence: record.evidence,
                endAction: SiteURL.children(.endCircumstance(.value(id), .value(recordID))).path)
        }
        supports = file.supports.map {
            SupportItem(
                date: VietnamTime.date($0.date), kind: SupportKind(rawValue: $0.kind)?.label(language) ?? $0.kind,
                amount: VietnamTime.money($0.amountVND, language),
                source: [SupportSource(rawValue: $0.source)?.label(language) ?? $0.source, $0.sourceName]
                    .filter { !$0.isEmpty }.joined(separator: " — "))
        }
        subgroups = file.subgroups.map {
            let value = "\($0.groupCode).\($0.number)"
            return Choice(
                value: value, label: "\($0.groupCode).\($0.number) \($0.groupName(language)): \($0.name(language))",
                selected: value == circumstanceForm.subgroup)
        }
        supportKinds = Choice.list(SupportKind.self, selected: supportForm.kind, language: language) { $0.label }
        supportSources = Choice.list(SupportSource.self, selected: supportForm.source, language: language) {
            $0.label
        }
        self.circumstanceForm = circumstanceForm
        self.supportForm = supportForm
        self.error = error
        self.canEdit = canEdit
        circumstanceAction = SiteURL.children(.circumstances(.value(id))).path
        supportAction = SiteURL.children(.supports(.value(id))).path
    }
}

/// The forms of that section.
struct CircumstancePagesController {
    struct CircumstanceForm: Content {
        var subgroup: String?
        var startDate: String?
        var reviewDate: String?
        var evidence: String?
    }

    struct SupportForm: Content {
        var kind: String?
        var date: String?
        var amount: String?
        var source: String?
        var sourceName: String?
    }

    struct EndForm: Content {
        var endDate: String?
    }

    func register(_ routes: any RoutesBuilder) {
        let access = Access.permission(.editChildren)
        routes.post(.children(.circumstances(.pattern)), access: access, use: addCircumstance)
        routes.post(.children(.endCircumstance(.pattern, .pattern)), access: access, use: endCircumstance)
        routes.post(.children(.supports(.pattern)), access: access, use: recordSupport)
    }

    @Sendable func addCircumstance(_ request: Request) async throws -> Response {
        let child = try await request.requestedChild()
        let form = try request.content.decode(CircumstanceForm.self)
        let parts = (form.subgroup ?? "").split(separator: ".")
        var draft = CircumstanceDraft()
        draft.groupCode = parts.first.map(String.init) ?? ""
        draft.subgroupNumber = parts.count > 1 ? String(parts[1]) : ""
        draft.startDate = form.startDate ?? ""
        draft.reviewDate = form.reviewDate ?? ""
        draft.evidence = form.evidence ?? ""
        return try await request.submitting(
            to: .children(.show(.value(try child.requireID()))), fragment: "circumstances",
            { _ = try await request.children().addCircumstance(to: child, draft) },
            otherwise: { refusal in
                let values = CircumstanceSection.CircumstanceValues(
                    subgroup: form.subgroup ?? "", startDate: form.startDate ?? "", reviewDate: form.reviewDate ?? "",
                    evidence: form.evidence ?? "")
                return try await ChildrenPagesController.renderDetail(
                    request, child: child, circumstanceForm: values, refusal: refusal)
            })
    }

    @Sendable func endCircumstance(_ request: Request) async throws -> Response {
        let child = try await request.requestedChild()
        guard let id = request.parameters.get("circumstance", as: UUID.self),
            let circumstance = try await ChildCircumstance.query(on: request.db).filter(\.$id == id)
                .filter(\.$child.$id == child.requireID()).first()
        else { throw TreError.notFound }
        let form = try request.content.decode(EndForm.self)
        return try await request.submitting(
            to: .children(.show(.value(try child.requireID()))), fragment: "circumstances",
            { try await request.children().endCircumstance(circumstance, of: child, on: form.endDate ?? "") },
            otherwise: { try await ChildrenPagesController.renderDetail(request, child: child, refusal: $0) })
    }

    @Sendable func recordSupport(_ request: Request) async throws -> Response {
        let child = try await request.requestedChild()
        let form = try request.content.decode(SupportForm.self)
        var draft = SupportDraft()
        draft.kind = form.kind ?? ""
        draft.date = form.date ?? ""
        draft.amount = form.amount ?? ""
        draft.source = form.source ?? ""
        draft.sourceName = form.sourceName ?? ""
        return try await request.submitting(
            to: .children(.show(.value(try child.requireID()))), fragment: "supports",
            { _ = try await request.children().recordSupport(for: child, draft) },
            otherwise: { refusal in
                let values = CircumstanceSection.SupportValues(
                    kind: draft.kind, date: draft.date, amount: draft.amount, source: draft.source,
                    sourceName: draft.sourceName)
                return try await ChildrenPagesController.renderDetail(
                    request, child: child, supportForm: values, refusal: refusal)
            })
    }
}
