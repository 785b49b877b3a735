import Foundation
import TreDomain

/// `/campaigns`: the register of campaigns and activities, built from one loaded page of records and the
/// totals of everything the filter matches.
struct CampaignListPage: Encodable {
    struct Row: Encodable {
        var id: String
        var kind: String
        var name: String
        var commune: String
        var dates: String
        var children: Int
        var adults: Int
        var budget: String
        var reportDue: String?
        var reportStatus: String?
        var overdue: Bool
        var reportOpen: Bool
        /// Where the report is marked as sent.
        var reportAction: String
    }

    struct Totals: Encodable {
        var children: Int
        var adults: Int
        var budget: String
    }

    var register: RegisterPage
    var input: CampaignsController.CampaignInput
    var kinds: [Choice]
    var filterKinds: [Choice]
    var rows: [Row]
    var totals: Totals

    init(
        _ listing: RegisterListing<CampaignRecord>, totals: CampaignQueries.Totals, filter: CampaignQueries.Filter,
        paging: Paging, reader: Principal, language: Language, today: CivilDate,
        input: CampaignsController.CampaignInput? = nil, refusal: Refusal? = nil, notice: String? = nil
    ) {
        register = RegisterPage(
            name: "campaigns", item: "campaign", list: .communeWork(.campaigns(.list)),
            export: .communeWork(.campaigns(.export)), recordLabel: UIStrings.text("recordCampaign", language),
            canRecord: AccessPolicy.allows(reader.role, .recordCommuneWork), filter: filter.base, query: filter.query,
            paging: paging, total: listing.total, refusal: refusal, notice: notice,
            communes: listing.writableCommunes, chosenCommune: CommuneScope.code(input?.communeCode))
        self.input = input ?? CampaignsController.CampaignInput()
        kinds = Choice.list(CampaignKind.self, selected: input?.kind, language: language) { $0.label }
        filterKinds = Choice.list(CampaignKind.self, selected: filter.kind, language: language) { $0.label }
        rows = Self.rows(listing, language: language, today: today)
        self.totals = Totals(
            children: totals.children, adults: totals.adults, budget: Self.dong(totals.budget, language))
    }

    /// "12.000.000 đ" (in English "12,000,000 đ").
    static func dong(_ amount: Int, _ language: Language) -> String {
        VietnamTime.money(amount, language)
    }

    static func rows(_ listing: RegisterListing<CampaignRecord>, language: Language, today: CivilDate) -> [Row] {
        listing.records.map { record in
            let status = record.reportStatus(today: today)
            let dates =
                record.startDate == record.endDate
                ? VietnamTime.date(record.startDate)
                : "\(VietnamTime.date(record.startDate)) – \(VietnamTime.date(record.endDate))"
            return Row(
                id: record.id?.uuidString ?? "",
                kind: CampaignKind(rawValue: record.kind)?.label(language) ?? record.kind, name: record.name,
                commune: listing.commune(of: record), dates: dates, children: record.children,
                adults: record.adults, budget: Self.dong(record.budget, language),
                reportDue: record.reportDue.map(VietnamTime.date), reportStatus: status?.label(language),
                overdue: status == .overdue, reportOpen: status == .due || status == .overdue,
                reportAction: record.id.map { SiteURL.communeWork(.campaigns(.report(.value($0)))).path } ?? "")
        }
    }

    static func csv(_ listing: RegisterListing<CampaignRecord>, language: Language, today: CivilDate) -> [[String]] {
        zip(rows(listing, language: language, today: today), listing.records).map { row, record in
            [
                row.kind, row.name, row.commune, row.dates, String(row.children), String(row.adults),
                String(record.budget), row.reportDue ?? "", row.reportStatus ?? "",
            ]
        }
    }
}
