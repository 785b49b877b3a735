import Foundation
import TreDomain

/// The commune's review worklist: the children whose record the population database would refuse, each
/// with its problems and a link to its form; printable for household visits. Built without a database.
struct WorklistPage: Encodable {
    struct Row: Encodable {
        var href: String
        var editHref: String?
        var fullName: String
        var born: String
        var personalID: String
        var address: String
        var commune: String
        var problems: [String]
    }

    struct Links: Encodable {
        var worklist = SiteURL.dataQuality(.worklist).path
        var overview = SiteURL.dataQuality(.overview).path
        var printScript = SiteURL.script(.print).path
    }

    var rows: [Row]
    var q: String
    var problems: [Choice]
    var communes: [Choice]
    var pager: PagerModel
    var exportHref: String
    var links = Links()

    /// `query` holds the filters as typed, kept by the pager and the export link.
    init(
        _ data: WorklistData, query: [String: String], problem: DataQualityProblem?, communeCode: Int?, paging: Paging,
        role: Role, language: Language
    ) {
        let canEdit = AccessPolicy.allows(role, .editChildren)
        rows = data.entries.map { entry in
            let child = entry.child
            let id = child.id ?? UUID()
            return Row(
                href: SiteURL.children(.show(.value(id))).path,
                editHref: canEdit ? SiteURL.children(.edit(.value(id))).path : nil, fullName: child.fullName,
                born: WorklistPage.born(child, language), personalID: child.personalID ?? "", address: child.address,
                commune: data.communeNames[child.communeCode] ?? "",
                problems: entry.findings.map { $0.message(language) })
        }
        q = query["q"] ?? ""
        self.problems = DataQualityProblem.allCases.map {
            Choice(value: $0.rawValue, label: $0.label(language), selected: $0 == problem)
        }
        communes = CommuneChoices.choices(data.communes, selected: communeCode)
        pager = PagerModel(
            paging, total: data.total, path: SiteURL.dataQuality(.worklist).path, query: query,
            totalIsCapped: data.totalIsCapped)
        exportHref =
            query.isEmpty ? SiteURL.dataQuality(.worklistExport).path : SiteURL.dataQuality(.worklistExport).link(query)
    }

    static func born(_ child: Child, _ language: Language) -> String {
        child.birthDate.map(VietnamTime.date) ?? "\(child.birthYear) (\(UIStrings.text("estimated", language)))"
    }
}

/// The worklist as a file: the register's own columns (so a corrected file imports back), then the problems.
enum WorklistCSV {
    static let header = ChildCSV.header + ["van_de", "mo_ta_van_de"]

    static func row(_ entry: WorklistEntry, caregivers: [ChildCaregiver], language: Language) -> [String] {
        ChildCSV.row(entry.child, caregivers: caregivers) + [
            entry.findings.map(\.code).joined(separator: ";"),
            entry.findings.map { $0.message(language) }.joined(separator: " "),
        ]
    }
}

/// How complete the reader's register is for the population database: each field's completeness, the
/// personal-ID coverage, records not updated for a year, the worklist's length, and the same for each
/// commune (province) or province (nation) below. Built without a database.
struct DataQualityPage: Encodable {
    /// One figure as a share, drawn as a bar.
    struct Share: Encodable {
        var label: String
        var percent: Int
        var text: String
        var count: String
    }

    struct UnitRow: Encodable {
        var name: String
        var children: String
        var complete: Share
        var idCoverage: Share
        var stale: Share
        var onWorklist: String
        var worklistHref: String?
    }

    /// The last re-check ("phúc tra") round's error rate: nil until the re-check rounds are kept (the lead's
    /// part of issue 17); the page already shows its place.
    struct Recheck: Encodable {
        var errorRate: String
        var round: String
        var href: String
    }

    var unitName: String
    var children: String
    var fields: [Share]
    var idCoverage: Share
    var stale: Share
    var onWorklist: String
    var worklistHref: String?
    var recheck: Recheck?
    var unitsAreCommunes: Bool
    var units: [UnitRow]
    var pager: PagerModel?
    /// When the figures were counted, for the nation's page (read from the figures the refresh stores).
    var countedAt: String?

    init(
        _ data: DataQualityData, lastRecheck: RecheckQueries.LastErrorRate? = nil, paging: Paging, role: Role,
        language: Language
    ) {
        let figures = data.figures
        let t = { UIStrings.text($0, language) }
        let canFix = AccessPolicy.allows(role, .editChildren)
        unitName = data.unitName.isEmpty ? t("dqNation") : data.unitName
        children = IndicatorNumberFormat.integer(figures.children, language: language)
        let fieldKeys: [(DataQualityProblem, String)] = [
            (.personalIDMissing, "dqFieldPersonalID"),
            (.personalIDInconsistent, "dqFieldPersonalIDConsistent"), (.nameIncomplete, "dqFieldName"),
            (.birthDateMissing, "dqFieldBirthDate"), (.sexMissing, "dqFieldSex"),
            (.ethnicityMissing, "dqFieldEthnicity"), (.caregiverMissing, "dqFieldCaregiver"),
        ]
        fields = fieldKeys.map { problem, key in
            let having =
                figures.children - (figures.problems[problem] ?? 0)
                - (problem == .personalIDInconsistent ? (figures.problems[.personalIDMissing] ?? 0) : 0)
            return Self.share(t(key), having, of: figures.children, language)
        }
        idCoverage = Self.share(
            t("dqIDCoverage"), figures.children - (figures.problems[.personalIDMissing] ?? 0), of: figures.children,
            language)
        stale = Self.share(t("dqStale"), figures.stale, of: figures.children, language)
        onWorklist = IndicatorNumberFormat.integer(figures.onWorklist, language: language)
        worklistHref = canFix ? SiteURL.dataQuality(.worklist).path : nil
        recheck = lastRecheck.map {
            Recheck(
                errorRate: RecheckTally.percent($0.rate, language),
                round: "\($0.communeName), \(VietnamTime.date($0.drawnOn))",
                href: SiteURL.recheck(.show(.value($0.roundID))).path)
        }
        unitsAreCommunes = data.unitsAreCommunes
        countedAt = data.countedAt.map(VietnamTime.format)
        if data.units.isEmpty {
            units = []
            pager = nil
        } else {
            let shown = data.units[
                min(paging.range.lowerBound, data.units.count)..<min(paging.range.upperBound, data.units.count)]
            units = shown.map { unit in
                let f = unit.figures
                return UnitRow(
                    name: unit.name, children: IndicatorNumberFormat.integer(f.children, language: language),
                    complete: Self.share(t("dqComplete"), f.children - f.onWorklist, of: f.children, language),
                    idCoverage: Self.share(
                        t("dqIDCoverage"), f.children - (f.problems[.personalIDMissing] ?? 0), of: f.children, language),
                    stale: Self.share(t("dqStale"), f.stale, of: f.children, language),
                    onWorklist: IndicatorNumberFormat.integer(f.onWorklist, language: language),
                    worklistHref: canFix && data.unitsAreCommunes
                        ? SiteURL.dataQuality(.worklist).link(["communeCode": String(unit.code)]) : nil)
            }
            pager = PagerModel(paging, total: data.units.count, path: SiteURL.dataQuality(.overview).path, query: [:])
        }
    }

    /// `part` of `whole` as a whole percentage for the bar and a one-decimal one to read; 0 of 0 is shown as 0.
    static func share(_ label: String, _ part: Int, of whole: Int, _ language: Language) -> Share {
        let ratio = whole > 0 ? Double(max(0, min(part, whole))) / Double(whole) : 0
        return Share(
            label: label, percent: Int((ratio * 100).rounded()),
            text: IndicatorNumberFormat.decimal(ratio * 100, language: language) + "%",
            count: IndicatorNumberFormat.integer(part, language: language) + "/"
                + IndicatorNumberFormat.integer(whole, language: language))
    }
}
