import Fluent
import TreDomain
import Vapor

/// The registry's pages: the list (search, filters, paging, export) and a child's record with its
/// history. The form to register or correct a record is `ChildFormPagesController`.
struct ChildrenPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("children", access: .permission(.viewChildren), use: list)
        routes.get("children.csv", access: .permission(.exportChildren), use: export)
        routes.get("children", ":id", access: .permission(.viewChildren), use: show)
        routes.post("children", ":id", "merge", access: .permission(.editChildren), use: merge)
    }

    // MARK: List and export

    struct Row: Encodable {
        var href: String
        var fullName: String
        var sex: String
        var age: String
        var commune: String
    }

    struct ListPage: Encodable {
        var rows: [Row]
        var q: String
        var sexes: [Choice]
        var ageBands: [Choice]
        var statuses: [Choice]
        var communes: [Choice]
        var groups: [Choice]
        var pager: PagerModel
        var exportHref: String?
        var canCreate: Bool
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let language = request.language
        let paging = Paging(request)
        let filters = ChildFilters(request)
        let today = ChildAge.todayInVietnam()
        let result = try await ChildQueries.page(
            in: principal.jurisdiction, filters: filters, page: paging.page, per: paging.per, today: today,
            on: request.db)
        let names = try await CommuneNames.load(result.items.map(\.communeCode), on: request.db)
        let rows = try result.items.map { child in
            Row(
                href: Paths.child(try child.requireID()), fullName: child.fullName,
                sex: Choice.sexes(selected: nil, language: language).first { $0.value == child.sex }?.label
                    ?? child.sex,
                age: Self.ageText(child, today: today, language: language), commune: names[child.communeCode] ?? "")
        }
        let query = filterQuery(request)
        var export = URLComponents()
        export.path = Paths.childrenExport
        export.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let page = ListPage(
            rows: rows, q: (try? request.query.get(String.self, at: "q")) ?? "",
            sexes: Choice.sexes(selected: filters.sex, language: language),
            ageBands: ChildAge.Band.allCases.map {
                Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == filters.ageBand)
            },
            statuses: [
                Choice(
                    value: "child", label: UIStrings.text("statusChild", language), selected: filters.status == .child),
                Choice(
                    value: "no_longer_child", label: UIStrings.text("statusNoLongerChild", language),
                    selected: filters.status == .noLongerChild),
                Choice(value: "all", label: UIStrings.text("all", language), selected: filters.status == .all),
            ],
            communes: try await Self.communeChoices(for: principal, selected: filters.communeCode, on: request.db),
            groups: try await Self.groupChoices(selected: filters.group, language: language, on: request.db),
            pager: PagerModel(
                paging, total: result.total, path: Paths.children, query: query,
                totalIsCapped: result.totalIsCapped),
            exportHref: AccessPolicy.allows(principal.role, .exportChildren)
                ? export.string ?? Paths.childrenExport : nil,
            canCreate: AccessPolicy.allows(principal.role, .editChildren))
        let imported = (try? request.query.get(Int.self, at: "imported")).map {
            "\(UIStrings.text("imported", language)) \($0)"
        }
        return try await request.render(
            "children/list", title: UIStrings.text("children", language), page, notice: imported)
    }

    /// Every child matching the filters, as CSV; over `PersonalDataExport.rowsWithoutPurpose` rows only with a
    /// stated purpose. The export itself is audited, with its size and purpose.
    @Sendable func export(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let today = ChildAge.todayInVietnam()
        let filters = ChildFilters(request)
        let matching = try await ChildQueries.page(
            in: principal.jurisdiction, filters: filters, page: 1, per: 1, today: today, on: request.db)
        if let askForPurpose = try await ExportPurposeGate.check(
            request, rowCount: matching.total, action: Paths.childrenExport)
        {
            return askForPurpose
        }
        let purpose = ExportPurposeGate.purpose(request) ?? ""
        return try await CSVDownload.respond(
            request, fileName: "tre-tre-em.csv", header: ChildCSV.header,
            audit: {
                AuditEvent(
                    action: "children.exported", recordType: "child", jurisdiction: principal.jurisdiction,
                    details: purpose.isEmpty ? "rows=\($0)" : "rows=\($0) purpose=\(purpose)")
            },
            rows: { page in
                let batch = try await ChildQueries.page(
                    in: principal.jurisdiction, filters: filters, page: page, per: CSVDownload.pageSize, today: today,
                    on: request.db)
                let caregivers = try await ChildCaregivers.load(for: batch.items, on: request.db)
                return batch.items.map { ChildCSV.row($0, caregivers: caregivers[$0.id ?? UUID()] ?? []) }
            })
    }

    // MARK: Record

    struct Fact: Encodable {
        var label: String
        var value: String
    }

    struct TimelineEntry: Encodable {
        var time: String
        var actor: String
        var action: String
        var details: String
    }

    struct Duplicate: Encodable {
        var id: String
        var href: String
        var fullName: String
        var age: String
        var commune: String
    }

    struct DetailPage: Encodable {
        var id: String
        var fullName: String
        var facts: [Fact]
        var caregivers: [Fact]
        var isChild: Bool
        var timeline: [TimelineEntry]
        var duplicates: [Duplicate]
        var editHref: String?
        /// The report form with this child already linked.
        var reportHref: String?
        var mergeAction: String
        var circumstances: CircumstanceSection
        var events: ChildEventsSection
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let child = try await Self.find(request)
        try await request.children().recordView(of: child)
        let merged = (try? request.query.get(String.self, at: "merged")) != nil
        return try await Self.renderDetail(
            request, child: child, notice: merged ? UIStrings.text("mergedNotice", request.language) : nil)
    }

    /// A child's page; also shown again, with the problem, when one of its forms was refused.
    static func renderDetail(
        _ request: Request, child: Child, circumstanceForm: CircumstanceSection.CircumstanceValues = .init(),
        supportForm: CircumstanceSection.SupportValues = .init(), error: String? = nil, notice: String? = nil
    ) async throws -> Response {
        let principal = try request.requirePrincipal()
        let service = try request.children()
        let language = request.language
        let today = ChildAge.todayInVietnam()
        let caregivers = try await ChildCaregivers.load(for: [child], on: request.db)[child.id ?? UUID()] ?? []
        let communeName = try await CommuneNames.load([child.communeCode], on: request.db)[child.communeCode] ?? ""
        let canEdit = AccessPolicy.allows(principal.role, .editChildren)
        var duplicates: [Duplicate] = []
        if canEdit {
            let candidates = try await service.probableDuplicates(
                of: ChildForm(child, caregivers: caregivers).draft, excluding: child.id)
            let names = try await CommuneNames.load(candidates.map(\.communeCode), on: request.db)
            duplicates = try candidates.map {
                Duplicate(
                    id: try $0.requireID().uuidString, href: Paths.child(try $0.requireID()), fullName: $0.fullName,
                    age: Self.ageText($0, today: today, language: language), commune: names[$0.communeCode] ?? "")
            }
        }
        let page = DetailPage(
            id: try child.requireID().uuidString, fullName: child.fullName,
            facts: facts(child, communeName: communeName, today: today, language: language),
            caregivers: caregivers.map {
                Fact(
                    label: CaregiverRelation(rawValue: $0.relation)?.label(language) ?? $0.relation,
                    value: [$0.fullName, $0.phone].filter { !$0.isEmpty }.joined(separator: " · "))
            },
            isChild: child.age(on: today).isChild,
            timeline: try await timeline(of: child, on: request.db),
            duplicates: duplicates,
            editHref: canEdit ? Paths.editChild(try child.requireID()) : nil,
            reportHref: AccessPolicy.allows(principal.role, .reportAbuse)
                ? "\(Paths.newReport)?child=\(try child.requireID().uuidString)" : nil,
            mergeAction: Paths.child(try child.requireID()) + "/merge",
            circumstances: try await CircumstanceSection.build(
                for: child, canEdit: canEdit, language: language, circumstanceForm: circumstanceForm,
                supportForm: supportForm, error: error, on: request.db),
            events: try await ChildEventsSection.build(for: child, language: language, on: request.db))
        return try await request.render(
            "children/detail", title: child.fullName, page, status: error == nil ? .ok : .unprocessableEntity,
            notice: notice)
    }

    @Sendable func merge(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let duplicate = try await Self.find(request)
        struct MergeForm: Content { var into: UUID }
        let form = try request.content.decode(MergeForm.self)
        guard let kept = try await ChildQueries.find(form.into, in: principal.jurisdiction, on: request.db) else {
            throw TreError.notFound
        }
        try await request.children().merge(duplicate, into: kept)
        return request.redirect(to: Paths.child(try kept.requireID()) + "?merged=1")
    }

    // MARK: Helpers

    static func find(_ request: Request) async throws -> Child {
        let principal = try request.requirePrincipal()
        guard let id = request.parameters.get("id", as: UUID.self),
            let child = try await ChildQueries.find(id, in: principal.jurisdiction, on: request.db)
        else { throw TreError.notFound }
        return child
    }

    /// The 14 groups of special circumstances, for the list's filter.
    static func groupChoices(selected: String?, language: Language, on database: any Database) async throws -> [Choice]
    {
        var seen = Set<String>()
        return try await CircumstanceSubgroupRecord.all(on: database).compactMap {
            guard seen.insert($0.groupCode).inserted else { return nil }
            return Choice(
                value: $0.groupCode, label: "\($0.groupCode)) \($0.groupName(language))",
                selected: $0.groupCode == selected)
        }
    }

    /// Communes the caller may choose: their own, the province's, or (nationwide) none to list.
    static func communeChoices(for principal: Principal, selected: Int?, on database: any Database) async throws
        -> [Choice]
    {
        guard let province = principal.jurisdiction.provinceCode else { return [] }
        return try await UnitQueries.communesInForce(provinceCode: province, on: database)
            .filter { principal.jurisdiction.contains(provinceCode: $0.provinceCode, communeCode: $0.code) }
            .sorted { VietnameseCollation.sortKey($0.name) < VietnameseCollation.sortKey($1.name) }
            .map { Choice(value: String($0.code), label: $0.name, selected: $0.code == selected) }
    }

    private func filterQuery(_ request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for key in ["q", "communeCode", "sex", "ageBand", "status", "group"] {
            if let value = try? request.query.get(String.self, at: key), !value.isEmpty { query[key] = value }
        }
        return query
    }

    static func ageText(_ child: Child, today: (year: Int, month: Int, day: Int), language: Language) -> String {
        let age = child.age(on: today)
        return age.isEstimated ? "~\(age.years) (\(UIStrings.text("estimated", language)))" : String(age.years)
    }

    static func facts(
        _ child: Child, communeName: String, today: (year: Int, month: Int, day: Int), language: Language
    )
        -> [Fact]
    {
        let t = { UIStrings.text($0, language) }
        let birth =
            child.birthDate.map(VietnamTime.date) ?? "\(child.birthYear) (\(t("estimated")))"
        var facts = [
            Fact(
                label: t("sex"),
                value: Choice.sexes(selected: nil, language: language).first { $0.value == child.sex }?.label ?? ""),
            Fact(label: t("dateOfBirth"), value: birth),
            Fact(label: t("age"), value: ageText(child, today: today, language: language)),
            Fact(label: t("commune"), value: communeName),
        ]
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(Fact(label: t(key), value: value)) }
        }
        add("ethnicity", child.ethnicityCode.flatMap(EthnicGroup.name(of:)))
        add("personalId", child.personalID)
        add("addressLine", child.address)
        add("schoolStatus", child.schoolStatus.flatMap(SchoolStatus.init(rawValue:))?.label(language))
        add("healthInsuranceCard", child.healthInsuranceCard)
        add("nutritionStatus", child.nutritionStatus.flatMap(NutritionStatus.init(rawValue:))?.label(language))
        add("disabilityLevel", child.disabilityLevel.flatMap(DisabilityLevel.init(rawValue:))?.label(language))
        add("notes", child.notes)
        return facts
    }

    /// The record's history from the audit trail, including records merged into it.
    static func timeline(of child: Child, on database: any Database) async throws -> [TimelineEntry] {
        let id = try child.requireID()
        let merged = try await Child.query(on: database).filter(\.$mergedInto == id).all(\.$id)
        let ids = ([id] + merged).map(\.uuidString)
        let entries = try await AuditEntry.query(on: database).filter(\.$recordType == "child").filter(
            \.$recordID ~~ ids
        )
        .sort(\.$occurredAt, .descending).limit(200).all()
        return entries.map {
            TimelineEntry(
                time: VietnamTime.format($0.occurredAt), actor: $0.actorUsername, action: $0.action, details: $0.details
            )
        }
    }
}

/// Names of communes by code, for a page of rows.
enum CommuneNames {
    static func load(_ codes: [Int], on database: any Database) async throws -> [Int: String] {
        let unique = Array(Set(codes))
        guard !unique.isEmpty else { return [:] }
        let communes = try await Commune.query(on: database).filter(\.$code ~~ unique).filter(\.$validTo == nil).all()
        return Dictionary(communes.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
