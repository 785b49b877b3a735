import Foundation
import TreDomain

/// What the register's list page shows, loaded and scoped by `ChildQueries.listData`.
struct ChildListData {
    var page: ChildQueries.Page
    var communeNames: [Int: String]
    /// The communes the reader may filter by (none nationwide), in Vietnamese order.
    var communes: [Commune]
    var subgroups: [CircumstanceSubgroup]
}

/// The register: rows, filters, pager, export link. Built without a database.
struct ChildListPage: Encodable {
    struct Row: Encodable {
        var href: String
        var fullName: String
        var sex: String
        var age: String
        var commune: String
    }

    struct Links: Encodable {
        var list = SiteURL.children(.list).path
        var new = SiteURL.children(.new).path
        var importFile = SiteURL.children(.importFile).path
        var household = SiteURL.children(.household).path
    }

    var rows: [Row]
    var q: String
    var sexes: [Choice]
    var ageBands: [Choice]
    var statuses: [Choice]
    var communes: [Choice]
    var groups: [Choice]
    var pager: PagerModel
    var exportHref: String?
    /// The same records, those whose personal ID the police have not confirmed, as the list they verify.
    var policeListHref: String?
    var canCreate: Bool
    /// How complete the register is for the population database, for the roles that see it.
    var dataQualityHref: String?
    var links = Links()

    /// `query` holds the list's filters as typed, kept by the pager and the export link.
    init(
        _ data: ChildListData, filters: ChildFilters, query: [String: String], paging: Paging, role: Role,
        language: Language, today: (year: Int, month: Int, day: Int)
    ) {
        rows = data.page.items.map { child in
            Row(
                href: SiteURL.children(.show(.value(child.id ?? UUID()))).path, fullName: child.fullName,
                sex: ChildRecordPage.sexLabel(child.sex, language),
                age: ChildRecordPage.ageText(child, today, language),
                commune: data.communeNames[child.communeCode] ?? "")
        }
        q = query["q"] ?? ""
        sexes = Choice.sexes(selected: filters.sex, language: language)
        ageBands = ChildAge.Band.allCases.map {
            Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == filters.ageBand)
        }
        statuses = [
            Choice(value: "child", label: UIStrings.text("statusChild", language), selected: filters.status == .child),
            Choice(
                value: "no_longer_child", label: UIStrings.text("statusNoLongerChild", language),
                selected: filters.status == .noLongerChild),
            Choice(value: "all", label: UIStrings.text("all", language), selected: filters.status == .all),
        ]
        communes = CommuneChoices.choices(data.communes, selected: filters.communeCode)
        var seen = Set<String>()
        groups = data.subgroups.compactMap {
            guard seen.insert($0.groupCode).inserted else { return nil }
            return Choice(
                value: $0.groupCode, label: "\($0.groupCode)) \($0.groupName(language))",
                selected: $0.groupCode == filters.group)
        }
        pager = PagerModel(
            paging, total: data.page.total, path: SiteURL.children(.list).path, query: query,
            totalIsCapped: data.page.totalIsCapped)
        exportHref =
            AccessPolicy.allows(role, .exportChildren) ? SiteURL.children(.export).link(query) : nil
        policeListHref =
            AccessPolicy.allows(role, .exportChildren) ? SiteURL.children(.policeList).link(query) : nil
        canCreate = AccessPolicy.allows(role, .editChildren)
        dataQualityHref = AccessPolicy.allows(role, .viewDataQuality) ? SiteURL.dataQuality(.overview).path : nil
    }
}

/// A child's record: facts, caregivers, history, possible duplicates, circumstances and support, events,
/// and what the reader may do with it. Built without a database.
struct ChildRecordPage: Encodable {
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

    init(
        _ file: ChildRecordFile, role: Role, language: Language, today: (year: Int, month: Int, day: Int),
        circumstanceForm: CircumstanceSection.CircumstanceValues = .init(),
        supportForm: CircumstanceSection.SupportValues = .init(), error: String? = nil
    ) {
        let child = file.child
        let id = child.id ?? UUID()
        let canEdit = AccessPolicy.allows(role, .editChildren)
        self.id = id.uuidString
        fullName = child.fullName
        facts = Self.facts(child, communeName: file.communeName, today: today, language: language)
        caregivers = file.caregivers.map {
            Fact(
                label: CaregiverRelation(rawValue: $0.relation)?.label(language) ?? $0.relation,
                value: [$0.fullName, $0.phone].filter { !$0.isEmpty }.joined(separator: " · "))
        }
        isChild = child.age(on: today).isChild
        timeline = Self.timeline(file.history, people: file.people, language: language)
        duplicates =
            canEdit
            ? file.duplicates.map {
                let duplicateID = $0.id ?? UUID()
                return Duplicate(
                    id: duplicateID.uuidString, href: SiteURL.children(.show(.value(duplicateID))).path,
                    fullName: $0.fullName, age: Self.ageText($0, today, language),
                    commune: file.duplicateCommunes[$0.communeCode] ?? "")
            } : []
        editHref = canEdit ? SiteURL.children(.edit(.value(id))).path : nil
        reportHref =
            AccessPolicy.allows(role, .reportAbuse) ? SiteURL.cases(.newReport).link(["child": id.uuidString]) : nil
        mergeAction = SiteURL.children(.merge(.value(id))).path
        circumstances = CircumstanceSection(
            file, canEdit: canEdit, language: language, circumstanceForm: circumstanceForm, supportForm: supportForm,
            error: error)
        events = ChildEventsSection(file, language: language)
    }

    /// The record's history in words, newest first. Every read is stored, but one person's views of the record
    /// on one day show as one line with how many there were, so the changes are not buried under them.
    static func timeline(_ history: [AuditEntry], people: [String: String] = [:], language: Language)
        -> [TimelineEntry]
    {
        var entries: [TimelineEntry] = []
        var views: [String: (index: Int, count: Int)] = [:]
        for entry in history {
            let words = AuditWords.action(entry.action, language)
            if entry.action == "child.viewed" {
                let key = "\(entry.actorUsername) \(VietnamDay.containing(entry.occurredAt))"
                if let seen = views[key] {
                    views[key] = (seen.index, seen.count + 1)
                    entries[seen.index].action = "\(words) (\(seen.count + 1) \(UIStrings.text("times", language)))"
                    continue
                }
                views[key] = (entries.count, 1)
            }
            entries.append(
                TimelineEntry(
                    time: VietnamTime.format(entry.occurredAt),
                    actor: people[entry.actorUsername].map { "\($0) (\(entry.actorUsername))" } ?? entry.actorUsername,
                    action: words,
                    details: entry.details))
        }
        return entries
    }

    static func sexLabel(_ sex: String, _ language: Language) -> String {
        Choice.sexes(selected: nil, language: language).first { $0.value == sex }?.label ?? sex
    }

    static func ageText(_ child: Child, _ today: (year: Int, month: Int, day: Int), _ language: Language) -> String {
        let age = child.age(on: today)
        return age.isEstimated ? "~\(age.years) (\(UIStrings.text("estimated", language)))" : String(age.years)
    }

    static func facts(
        _ child: Child, communeName: String, today: (year: Int, month: Int, day: Int), language: Language
    ) -> [Fact] {
        keyedFacts(child, communeName: communeName, today: today, language: language).map {
            Fact(label: UIStrings.text($0.key, language), value: $0.value)
        }
    }

    /// The record's facts under their strings-table keys, so that two versions of a record can be compared.
    static func keyedFacts(
        _ child: Child, communeName: String, today: (year: Int, month: Int, day: Int), language: Language
    ) -> [(key: String, value: String)] {
        let birth =
            child.birthDate.map(VietnamTime.date) ?? "\(child.birthYear) (\(UIStrings.text("estimated", language)))"
        var facts = [
            (key: "sex", value: sexLabel(child.sex, language)),
            (key: "dateOfBirth", value: birth),
            (key: "age", value: ageText(child, today, language)),
            (key: "commune", value: communeName),
        ]
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append((key, value)) }
        }
        add("ethnicity", child.ethnicityCode.flatMap(EthnicGroup.name(of:)))
        add("personalId", child.personalID)
        add("addressLine", child.address)
        add("schoolStatus", child.schoolStatus.flatMap(SchoolStatus.init(rawValue:))?.label(language))
        add("healthInsuranceCard", child.healthInsuranceCard)
        add("nutritionStatus", child.nutritionStatus.flatMap(NutritionStatus.init(rawValue:))?.label(language))
        add("disabilityLevel", child.disabilityLevel.flatMap(DisabilityLevel.init(rawValue:))?.label(language))
        add("notes", child.notes)
        add(
            "idVerification",
            child.idVerification.flatMap(PoliceVerification.init(rawValue:)).map {
                "\($0.label(language)) (\(VietnamTime.date(child.idVerifiedOn ?? "")))"
            })
        return facts
    }
}
