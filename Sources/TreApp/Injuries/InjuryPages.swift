import Foundation
import TreDomain

/// `/injuries`: the register of children's accidents and injuries, built from one loaded page of records.
struct InjuryListPage: Encodable {
    struct Row: Encodable {
        var date: String
        var commune: String
        var cause: String
        var place: String
        var outcome: String
        var died: Bool
        var childHref: String?
        var description: String
    }

    /// What the form held, given back with an error so nothing typed is lost.
    struct FormValues: Encodable {
        var date = ""
        var communeCode = ""
        var childId = ""
        var ageYears = ""
        var description = ""
    }

    var register: RegisterPage
    var input: FormValues
    var causes: [Choice]
    var places: [Choice]
    var outcomes: [Choice]
    var sexes: [Choice]
    var filterCauses: [Choice]
    var rows: [Row]

    init(
        _ listing: RegisterListing<ChildInjuryRecord>, filter: InjuryQueries.Filter, paging: Paging,
        reader: Principal, language: Language, input: InjuriesController.InjuryInput? = nil,
        refusal: Refusal? = nil, notice: String? = nil
    ) {
        register = RegisterPage(
            name: "injuries", item: "injury", list: .injuries(.list), export: .injuries(.export),
            recordLabel: UIStrings.text("recordInjury", language),
            canRecord: AccessPolicy.allows(reader.role, .recordInjuries), filter: filter.base, query: filter.query,
            paging: paging, total: listing.total, refusal: refusal, notice: notice,
            communes: listing.writableCommunes, chosenCommune: input?.communeCode)
        self.input = FormValues(
            date: input?.date ?? "", communeCode: input?.communeCode.map(String.init) ?? "",
            childId: input?.childId?.uuidString ?? "", ageYears: input?.ageYears ?? "",
            description: input?.description ?? "")
        causes = Choice.list(InjuryCause.self, selected: input?.cause, language: language) { $0.label }
        places = Choice.list(InjuryPlace.self, selected: input?.place, language: language) { $0.label }
        outcomes = Choice.list(InjuryOutcome.self, selected: input?.outcome ?? "injured", language: language) {
            $0.label
        }
        sexes = Choice.sexes(selected: input?.sex, language: language)
        filterCauses = Choice.list(InjuryCause.self, selected: filter.cause, language: language) { $0.label }
        rows = Self.rows(listing, language: language)
    }

    static func rows(_ listing: RegisterListing<ChildInjuryRecord>, language: Language) -> [Row] {
        listing.records.map { record in
            Row(
                date: VietnamTime.date(record.date), commune: listing.commune(of: record),
                cause: InjuryCause(rawValue: record.cause)?.label(language) ?? record.cause,
                place: InjuryPlace(rawValue: record.place)?.label(language) ?? record.place,
                outcome: InjuryOutcome(rawValue: record.outcome)?.label(language) ?? record.outcome,
                died: record.outcome == InjuryOutcome.died.rawValue,
                childHref: record.childID.map { SiteURL.children(.show(.value($0))).path },
                description: record.description)
        }
    }

    static func csv(_ listing: RegisterListing<ChildInjuryRecord>, language: Language) -> [[String]] {
        rows(listing, language: language).map {
            [$0.date, $0.commune, $0.cause, $0.place, $0.outcome, $0.childHref == nil ? "" : "x", $0.description]
        }
    }
}
