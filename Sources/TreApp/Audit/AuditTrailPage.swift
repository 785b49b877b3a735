import Foundation
import TreDomain

/// The audit trail page: who did what to which record, from where, and whether the entry is sealed; each
/// person by name and username, each record by its name (a child's for a reader who may see children) with
/// a link to it, and the filters by person, record and days.
struct AuditTrailPage: Encodable {
    struct Row: Encodable, Equatable {
        var time: String
        var actor: String
        var action: String
        var record: String
        var recordHref: String?
        var address: String
        var sealed: Bool
        /// The sealer found its MAC wrong: shown as forged (`tre audit verify` re-checks every such row).
        var forged: Bool
    }

    var rows: [Row]
    var q: String
    var person: String
    var record: String
    var from: String
    var to: String
    var recordTypes: [Choice]
    var error: String?
    var pager: PagerModel
    var searchAction = SiteURL.audit(.trail).path
    var clearHref = SiteURL.audit(.trail).path

    init(_ trail: AuditQueries.Trail, search q: String, paging: Paging, language: Language) {
        self.init(trail, filter: AuditFilter(q: q), paging: paging, language: language)
    }

    init(_ trail: AuditQueries.Trail, filter: AuditFilter, paging: Paging, language: Language) {
        rows = Self.rows(trail.entries, names: trail.names, language: language)
        q = filter.q
        person = filter.person
        record = filter.record
        from = filter.from
        to = filter.to
        recordTypes = AuditWords.recordTypes(language).map {
            Choice(value: $0.code, label: $0.label, selected: $0.code == filter.recordType)
        }
        error =
            filter.unreadableDates.isEmpty
            ? nil : "\(UIStrings.text("auditBadDate", language)): \(filter.unreadableDates.joined(separator: ", "))"
        pager = PagerModel(paging, total: trail.total, path: SiteURL.audit(.trail).path, query: filter.query)
    }

    /// The page's rows, newest first. Every read is stored, but one person's views of one record on one day
    /// show as one line with how many there were, so the changes are not buried under them.
    static func rows(_ entries: [AuditEntry], names: AuditNames, language: Language) -> [Row] {
        var rows: [Row] = []
        var views: [String: (index: Int, count: Int)] = [:]
        for entry in entries {
            var row = row(entry, names: names, language: language)
            if entry.action.hasSuffix(".viewed") {
                let key = [
                    entry.actorUsername, entry.action, entry.recordID ?? "",
                    VietnamDay.containing(entry.occurredAt).description,
                ].joined(separator: " ")
                if let seen = views[key] {
                    views[key] = (seen.index, seen.count + 1)
                    rows[seen.index].action =
                        "\(AuditWords.action(entry.action, language)) (\(seen.count + 1) \(UIStrings.text("times", language)))"
                    continue
                }
                views[key] = (rows.count, 1)
                row.action = AuditWords.action(entry.action, language)
            }
            rows.append(row)
        }
        return rows
    }

    static func row(_ entry: AuditEntry, names: AuditNames, language: Language) -> Row {
        let id = entry.recordID ?? ""
        let type = AuditWords.recordType(entry.recordType, language)
        var name: String?
        var href: String?
        switch entry.recordType {
        case "child":
            name = names.children[id]
            if name != nil, let uuid = UUID(uuidString: id) { href = SiteURL.children(.show(.value(uuid))).path }
        case "case":
            name = names.cases[id].map { found in
                found.number.isEmpty
                    ? "\(UIStrings.text("homeCaseReceived", language)) "
                        + VietnamTime.date(VietnamDay.containing(found.receivedAt).description)
                    : found.number
            }
            if name != nil, names.mayOpenCases, let uuid = UUID(uuidString: id) {
                href = SiteURL.cases(.show(.value(uuid))).path
            }
        case "account":
            name = names.accounts[id]
        default: break
        }
        // A record without a name shows the start of its id, enough to tell two apart, not the whole code.
        let shown = name ?? (id.count > 8 ? String(id.prefix(8)) + "…" : id)
        let actor = names.people[entry.actorUsername].map { "\($0) (\(entry.actorUsername))" } ?? entry.actorUsername
        return Row(
            time: VietnamTime.format(entry.occurredAt), actor: actor,
            action: AuditWords.action(entry.action, language),
            record: [type, shown].filter { !$0.isEmpty }.joined(separator: ": "), recordHref: href,
            address: entry.sourceAddress ?? "", sealed: entry.sequence != nil,
            forged: entry.sequence == nil && entry.sealRefused == true)
    }
}
