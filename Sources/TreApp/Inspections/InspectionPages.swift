import Foundation
import TreDomain

/// An inspection as a row of the register (and the facts of its own page).
struct InspectionRow: Encodable {
    var href: String
    var date: String
    var commune: String
    var placeKind: String
    var placeName: String
    var violations: Int
    var childrenFound: Int
    var followUp: String
    var followUpDue: String
    var followUpStatus: String
    var overdue: Bool

    init(_ record: InspectionRecord, commune: String, language: Language, today: CivilDate) {
        let status = record.followUpStatus(today: today)
        href = record.id.map { SiteURL.communeWork(.inspections(.show(.value($0)))).path } ?? ""
        date = VietnamTime.date(record.date)
        self.commune = commune
        placeKind = InspectedPlace(rawValue: record.placeKind)?.label(language) ?? record.placeKind
        placeName = record.placeName
        violations = record.violations
        childrenFound = record.childrenFound
        followUp = record.followUp
        followUpDue = record.followUpDue.map(VietnamTime.date) ?? ""
        followUpStatus = status?.label(language) ?? ""
        overdue = status == .overdue
    }
}

/// `/inspections`: the register of child-labour inspections, built from one loaded page of records.
struct InspectionListPage: Encodable {
    var register: RegisterPage
    var withViolations: Bool
    var input: InspectionsController.InspectionInput
    var kinds: [Choice]
    var rows: [InspectionRow]

    init(
        _ listing: RegisterListing<InspectionRecord>, filter: InspectionQueries.Filter, paging: Paging,
        reader: Principal, language: Language, today: CivilDate, input: InspectionsController.InspectionInput? = nil,
        refusal: Refusal? = nil
    ) {
        register = RegisterPage(
            name: "inspections", item: "inspection", list: .communeWork(.inspections(.list)),
            export: .communeWork(.inspections(.export)), recordLabel: UIStrings.text("recordInspection", language),
            canRecord: AccessPolicy.allows(reader.role, .recordCommuneWork), filter: filter.base, query: filter.query,
            paging: paging, total: listing.total, refusal: refusal, notice: nil,
            searchLabel: UIStrings.text("placeOrCommune", language), communes: listing.writableCommunes,
            chosenCommune: CommuneScope.code(input?.communeCode))
        withViolations = filter.withViolations
        self.input = input ?? InspectionsController.InspectionInput()
        kinds = Choice.list(InspectedPlace.self, selected: input?.placeKind, language: language) { $0.label }
        rows = Self.rows(listing, language: language, today: today)
    }

    static func rows(_ listing: RegisterListing<InspectionRecord>, language: Language, today: CivilDate)
        -> [InspectionRow]
    {
        listing.records.map { InspectionRow($0, commune: listing.commune(of: $0), language: language, today: today) }
    }

    static func csv(_ listing: RegisterListing<InspectionRecord>, language: Language, today: CivilDate)
        -> [[String]]
    {
        rows(listing, language: language, today: today).map {
            [
                $0.date, $0.commune, $0.placeKind, $0.placeName, String($0.violations), String($0.childrenFound),
                $0.followUp, $0.followUpDue, $0.followUpStatus,
            ]
        }
    }
}

/// `/inspections/{id}`: one inspection, the registered children found there and its follow-up.
struct InspectionPage: Encodable {
    struct ChildLink: Encodable {
        var name: String
        var href: String
        var reportHref: String
    }

    var id: String
    var row: InspectionRow
    var findings: String
    var hasFollowUp: Bool
    var followUpDone: Bool
    var children: [ChildLink]
    var canRecord: Bool
    var canReport: Bool
    var listHref = SiteURL.communeWork(.inspections(.list)).path
    var followUpAction: String
    var linkChildAction: String
    var error: String?
    var notice: String?
    /// Finding a child to link by name: the search (a GET to this page) and the children it found, each
    /// linked with one button.
    struct Candidate: Encodable {
        var id: String
        var name: String
        var born: String
        var href: String
    }

    var searchAction: String
    var childSearch: String
    var searched: Bool
    var candidates: [Candidate]

    init(
        _ file: InspectionQueries.InspectionFile, reader: Principal, language: Language, today: CivilDate,
        refusal: Refusal? = nil, notice: String? = nil
    ) {
        let record = file.inspection
        let place = RouteValue<UUID>.value(record.id ?? UUID())
        id = record.id?.uuidString ?? ""
        row = InspectionRow(record, commune: file.commune, language: language, today: today)
        findings = record.findings
        hasFollowUp = record.followUpDue != nil
        followUpDone = record.followUpDoneOn != nil
        children = file.children.compactMap { child in
            guard let id = child.id else { return nil }
            return ChildLink(
                name: child.fullName, href: SiteURL.children(.show(.value(id))).path,
                reportHref: SiteURL.cases(.newReport).link(["child": id.uuidString]))
        }
        canRecord = AccessPolicy.allows(reader.role, .recordCommuneWork)
        canReport = AccessPolicy.allows(reader.role, .reportAbuse)
        followUpAction = SiteURL.communeWork(.inspections(.followUp(place))).path
        linkChildAction = SiteURL.communeWork(.inspections(.children(place))).path
        error = refusal?.message
        self.notice = notice
        searchAction = SiteURL.communeWork(.inspections(.show(place))).path
        childSearch = file.search
        searched = !file.search.trimmingCharacters(in: .whitespaces).isEmpty
        candidates = file.candidates.compactMap { child in
            guard let id = child.id else { return nil }
            return Candidate(
                id: id.uuidString, name: child.fullName,
                born: child.birthDate.map(VietnamTime.date) ?? String(child.birthYear),
                href: SiteURL.children(.show(.value(id))).path)
        }
    }
}
