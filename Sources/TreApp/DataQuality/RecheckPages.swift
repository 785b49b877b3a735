import Foundation
import TreDomain

/// A round as a row of the list (and of its export).
struct RecheckRoundRow: Encodable {
    var href: String
    var drawnOn: String
    var commune: String
    var drawnBy: String
    var seed: String
    var sampled: Int
    var candidates: Int
    var status: String
    var open: Bool
    var fieldsChecked: Int
    var fieldsDiffering: Int
    var errorRate: String
    var recordShare: String

    init(_ round: RecheckRoundRecord, commune: String, sampled: Int? = nil, language: Language) {
        href = round.id.map { SiteURL.recheck(.show(.value($0))).path } ?? ""
        drawnOn = VietnamTime.date(round.drawnOn)
        self.commune = commune
        drawnBy = round.drawnByName
        seed = round.seed
        self.sampled = sampled ?? min(round.size, round.candidates)
        candidates = round.candidates
        status = RecheckStatus(rawValue: round.status)?.label(language) ?? round.status
        open = round.isOpen
        fieldsChecked = round.fieldsChecked
        fieldsDiffering = round.fieldsDiffering
        errorRate = RecheckTally.percent(round.tally.errorRate, language)
        recordShare = RecheckTally.percent(round.tally.recordShare, language)
    }
}

/// `/rechecks`: the re-check rounds of the reader's jurisdiction with their error rates, paged, searchable
/// by commune, exportable; a provincial officer draws a new round from here.
struct RecheckListPage: Encodable {
    struct Input: Encodable {
        var communeCode = ""
        var size = ""
    }

    var register: RegisterPage
    var input: Input
    /// A national writer has no list of communes to pick from: she types the commune's code.
    var typeCommuneCode: Bool
    var sizeHint: String
    var rows: [RecheckRoundRow]

    init(
        _ listing: RegisterListing<RecheckRoundRecord>, filter: RegisterFilter, paging: Paging, reader: Principal,
        language: Language, input: Input? = nil, refusal: Refusal? = nil, notice: String? = nil
    ) {
        let canDraw = AccessPolicy.allows(reader.role, .recheck)
        register = RegisterPage(
            name: "rechecks", item: "recheck", list: .recheck(.list), export: .recheck(.export),
            recordLabel: UIStrings.text("recheckDraw", language), canRecord: canDraw, filter: filter,
            query: filter.query, paging: paging, total: listing.total, refusal: refusal, notice: notice,
            communes: listing.writableCommunes, chosenCommune: CommuneScope.code(input?.communeCode))
        self.input = input ?? Input()
        typeCommuneCode = canDraw && reader.jurisdiction.provinceCode == nil
        sizeHint =
            "\(RecheckSample.sizes.lowerBound)–\(RecheckSample.sizes.upperBound) · \(UIStrings.text("recheckDefaultSize", language)) \(RecheckSample.defaultSize)"
        rows = Self.rows(listing, language: language)
    }

    static func rows(_ listing: RegisterListing<RecheckRoundRecord>, language: Language) -> [RecheckRoundRow] {
        listing.records.map { RecheckRoundRow($0, commune: listing.commune(of: $0), language: language) }
    }

    static let csvHeader = [
        "drawn_on", "commune", "drawn_by", "seed", "sampled", "candidates", "status", "fields_checked",
        "fields_differing", "error_rate", "records_with_difference",
    ]

    static func csv(_ listing: RegisterListing<RecheckRoundRecord>, language: Language) -> [[String]] {
        rows(listing, language: language).map {
            [
                $0.drawnOn, $0.commune, $0.drawnBy, $0.seed, String($0.sampled), String($0.candidates), $0.status,
                String($0.fieldsChecked), String($0.fieldsDiffering), $0.errorRate, $0.recordShare,
            ]
        }
    }
}

/// A sampled child's registered values, field by field, as the form and the printed sheet show them.
enum RecheckRegistered {
    static func values(_ child: Child, caregivers: [ChildCaregiver], language: Language) -> [RecheckField: String] {
        let birth =
            child.birthDate.map(VietnamTime.date) ?? "\(child.birthYear) (\(UIStrings.text("estimated", language)))"
        let carers = caregivers.map { carer in
            let relation = CaregiverRelation(rawValue: carer.relation)?.label(language) ?? carer.relation
            return "\(carer.fullName) (\(relation))"
        }
        return [
            .fullName: child.fullName,
            .dateOfBirth: birth,
            .sex: ChildRecordPage.sexLabel(child.sex, language),
            .ethnicity: child.ethnicityCode.flatMap(EthnicGroup.name(of:)) ?? "",
            .personalID: child.personalID ?? "",
            .address: child.address,
            .caregiver: carers.joined(separator: "; "),
        ]
    }
}

/// `/rechecks/{id}`: one round — who drew it, when, from which seed — its figures, and its sampled records,
/// each a link to its form.
struct RecheckRoundPage: Encodable {
    struct Entry: Encodable {
        var position: Int
        var name: String
        /// Nil when the record is no longer within the reader's reach.
        var href: String?
        var checked: Bool
        var checkedOn: String
        var differs: Int
        var differing: String
    }

    struct FieldFigure: Encodable {
        var label: String
        var checked: Int
        var differing: Int
        var rate: String
    }

    var row: RecheckRoundRow
    var size: Int
    var closedOn: String?
    var recordsChecked: Int
    var recordsDiffering: Int
    var fields: [FieldFigure]
    var entries: [Entry]
    var canRecord: Bool
    var listHref = SiteURL.recheck(.list).path
    var sheetHref: String
    var closeAction: String
    var error: String?
    var notice: String?

    init(
        _ file: RecheckQueries.RoundFile, reader: Principal, language: Language, refusal: Refusal? = nil,
        notice: String? = nil
    ) {
        let round = file.round
        let place = RouteValue<UUID>.value(round.id ?? UUID())
        row = RecheckRoundRow(round, commune: file.commune, sampled: file.entries.count, language: language)
        size = round.size
        closedOn = round.closedOn.map(VietnamTime.date)
        recordsChecked = round.recordsChecked
        recordsDiffering = round.recordsDiffering
        let findings = file.entries.map(\.item.findings)
        fields = RecheckField.allCases.map { field in
            let checked = findings.filter { $0.finding(field) != .notChecked }.count
            let differing = findings.filter { $0.finding(field) == .differs }.count
            return FieldFigure(
                label: field.label(language), checked: checked, differing: differing,
                rate: RecheckTally.percent(
                    RecheckTally(fieldsChecked: checked, fieldsDiffering: differing).errorRate, language))
        }
        entries = file.entries.map { entry in
            let findings = entry.item.findings
            let differing = RecheckField.allCases.filter { findings.finding($0) == .differs }
            return Entry(
                position: entry.item.position,
                name: entry.child?.fullName ?? UIStrings.text("recheckRecordGone", language),
                href: entry.child == nil
                    ? nil : SiteURL.recheck(.record(place, child: .value(entry.item.childID))).path,
                checked: entry.item.checkedOn != nil, checkedOn: entry.item.checkedOn.map(VietnamTime.date) ?? "",
                differs: differing.count, differing: differing.map { $0.label(language) }.joined(separator: ", "))
        }
        canRecord = round.isOpen && AccessPolicy.allows(reader.role, .recheck)
        sheetHref = SiteURL.recheck(.sheet(place)).path
        closeAction = SiteURL.recheck(.close(place)).path
        error = refusal?.message
        self.notice = notice
    }
}

/// `/rechecks/{id}/children/{child}`: one sampled record — what is registered, field by field — and, while
/// the round is open and the reader may re-check, the form of what the household showed.
struct RecheckRecordPage: Encodable {
    struct Field: Encodable {
        var name: String
        var label: String
        /// Nil when nothing is registered (shown as "—").
        var registered: String?
        var choices: [Choice]
        var finding: String
        var found: String
        /// What was found, when anything was written.
        var note: String?
        var error: String?
    }

    var roundHref: String
    var commune: String
    var drawnOn: String
    var position: Int
    var sampled: Int
    var childName: String
    var childHref: String
    var fields: [Field]
    var canRecord: Bool
    var action: String
    var nextHref: String?
    var checkedOn: String?
    var error: String?

    /// `typed` is what a refused form sent, kept as typed: finding and note by field name.
    init(
        _ file: RecheckQueries.RoundFile, entry: RecheckQueries.RoundFile.Entry, reader: Principal,
        language: Language, typed: (findings: [RecheckField: String], notes: [RecheckField: String])? = nil,
        refusal: Refusal? = nil
    ) {
        let round = file.round
        let place = RouteValue<UUID>.value(round.id ?? UUID())
        roundHref = SiteURL.recheck(.show(place)).path
        commune = file.commune
        drawnOn = VietnamTime.date(round.drawnOn)
        position = entry.item.position
        sampled = file.entries.count
        childName = entry.child?.fullName ?? ""
        childHref = SiteURL.children(.show(.value(entry.item.childID))).path
        let registered =
            entry.child.map {
                RecheckRegistered.values($0, caregivers: entry.caregivers, language: language)
            } ?? [:]
        let stored = entry.item.findings
        fields = RecheckField.allCases.map { field in
            let finding = typed.map { $0.findings[field] ?? "" } ?? stored.finding(field).rawValue
            let found = typed.map { $0.notes[field] ?? "" } ?? stored.fields[field]?.found ?? ""
            return Field(
                name: field.rawValue, label: field.label(language),
                registered: registered[field].flatMap { $0.isEmpty ? nil : $0 },
                choices: RecheckFinding.allCases.map {
                    Choice(
                        value: $0.rawValue, label: $0.label(language),
                        selected: $0.rawValue == (finding.isEmpty ? RecheckFinding.notChecked.rawValue : finding))
                },
                finding: finding, found: found, note: found.isEmpty ? nil : found,
                error: refusal?.fields[field.rawValue])
        }
        canRecord = round.isOpen && AccessPolicy.allows(reader.role, .recheck)
        action = SiteURL.recheck(.record(place, child: .value(entry.item.childID))).path
        let later = file.entries.filter { $0.item.position > entry.item.position && $0.child != nil }
        nextHref = later.first.map { SiteURL.recheck(.record(place, child: .value($0.item.childID))).path }
        checkedOn = entry.item.checkedOn.map(VietnamTime.date)
        error = refusal?.message
    }
}

/// `/rechecks/{id}/sheet`: the sample printed for the household visits — each child's registered values and
/// blank boxes to tick and fill in at the door.
struct RecheckSheetPage: Encodable {
    struct Line: Encodable {
        var label: String
        var registered: String
    }

    struct Sheet: Encodable {
        var position: Int
        var name: String
        var address: String
        var lines: [Line]
    }

    var commune: String
    var drawnOn: String
    var drawnBy: String
    var seed: String
    var roundHref: String
    var printScript = SiteURL.script(.print).path
    var sheets: [Sheet]

    init(_ file: RecheckQueries.RoundFile, language: Language) {
        let round = file.round
        commune = file.commune
        drawnOn = VietnamTime.date(round.drawnOn)
        drawnBy = round.drawnByName
        seed = round.seed
        roundHref = SiteURL.recheck(.show(.value(round.id ?? UUID()))).path
        sheets = file.entries.compactMap { entry in
            guard let child = entry.child else { return nil }
            let registered = RecheckRegistered.values(child, caregivers: entry.caregivers, language: language)
            return Sheet(
                position: entry.item.position, name: child.fullName, address: child.address,
                lines: RecheckField.allCases.map { Line(label: $0.label(language), registered: registered[$0] ?? "") })
        }
    }
}
