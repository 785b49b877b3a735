import Foundation
import TreDomain

/// `/child-friendly`: the communes of the reader's jurisdiction with their assessment of a year and the
/// share recognised against the national targets.
struct ChildFriendlyListPage: Encodable {
    /// National targets for the share of child-friendly communes (programme 2021–2030).
    static let targets = [(year: 2025, share: 65), (year: 2030, share: 75)]

    struct CommuneRow: Encodable {
        var code: Int
        var name: String
        var href: String
        var status: String
        var recognised: Bool
        var total: String
    }

    var year: Int
    var q: String
    var rows: [CommuneRow]
    var pager: PagerModel
    var recognised: Int
    var communes: Int
    var share: String
    /// What the share is computed from, in a sentence; when no commune is recognised and none assessed in the
    /// year there is no share to show, only that sentence.
    var shareBasis: String
    var showShare: Bool
    var targets: [String]
    var csvHref: String
    var action = SiteURL.childFriendly(.list).path
    var criteriaHref = SiteURL.childFriendly(.criteria).path

    init(_ listing: ChildFriendlyQueries.Listing, year: Int, q: String, paging: Paging, language: Language) {
        let query = ["year": String(year), "q": q].filter { !$0.value.isEmpty }
        self.year = year
        self.q = q
        rows = listing.communes.map {
            Self.row(commune: $0, assessment: listing.assessments[$0.code], year: year, language: language)
        }
        pager = PagerModel(paging, total: listing.total, path: SiteURL.childFriendly(.list).path, query: query)
        recognised = listing.recognised
        communes = listing.communesInForce
        share =
            communes == 0
            ? "—"
            : IndicatorNumberFormat.decimal(Double(recognised) * 100 / Double(communes), language: language) + "%"
        showShare = recognised > 0 || listing.assessedInYear > 0
        shareBasis = Self.basis(
            recognised: recognised, communes: communes, assessed: listing.assessedInYear, year: year)(language)
        targets = Self.targets.map { "\($0.year): \($0.share)%" }
        csvHref = SiteURL.childFriendly(.export).link(["year": String(year)])
    }

    /// The share's numerator and denominator in words: recognitions still in force (from this year or an
    /// earlier one) over the communes in force, and how many communes sent an assessment this year.
    static func basis(recognised: Int, communes: Int, assessed: Int, year: Int) -> LocalizedText {
        guard recognised > 0 || assessed > 0 else {
            return LocalizedText(
                vi: "Chưa xã nào được công nhận hoặc gửi tự đánh giá năm \(year), nên chưa có tỷ lệ.",
                en: "No commune has been recognised or has sent a self-assessment for \(year) yet, so there is no rate."
            )
        }
        return LocalizedText(
            vi:
                "\(recognised) trên \(communes) xã có quyết định công nhận còn hiệu lực (kể cả công nhận những năm trước); \(assessed) xã đã gửi tự đánh giá năm \(year).",
            en:
                "\(recognised) of \(communes) communes hold a recognition in force (including earlier years'); \(assessed) sent a self-assessment for \(year)."
        )
    }

    static func row(commune: Commune, assessment: FriendlyAssessmentRecord?, year: Int, language: Language)
        -> CommuneRow
    {
        let status = assessment?.assessmentStatus
        return CommuneRow(
            code: commune.code, name: commune.name,
            href: SiteURL.childFriendly(.assessment(.value(commune.code), year: .value(year))).path,
            status: status?.label(language) ?? UIStrings.text("notStarted", language),
            recognised: status == .recognised, total: assessment.map { String($0.total) } ?? "")
    }
}

/// `/child-friendly/{commune}/{year}`: the commune's self-assessment, criterion by criterion, with what the
/// reader may do: the commune edits and its chairperson submits; the province appraises.
struct AssessmentPage: Encodable {
    struct ItemRow: Encodable {
        var number: Int
        var files: [EvidenceLink] = []
        var title: String
        var maxPoints: Int
        var weightConfirmed: Bool
        var computedFigure: String?
        var computedHow: String?
        var reportedFigure: String
        var overrideReason: String
        var points: String
        var metYes: Bool
        var metNo: Bool
        var evidenceNote: String
        var appraisedPoints: String
        var appraisedMetYes: Bool
        var appraisedMetNo: Bool
        var appraisalComment: String
    }

    struct HistoryRow: Encodable {
        var at: String
        var who: String
        var status: String
        var comment: String
    }

    var commune: String
    var communeCode: Int
    var year: Int
    var setTitle: String
    var cycle: String
    var status: String
    var statusCode: String
    var categories: [Choice]
    var items: [ItemRow]
    var total: Int
    var threshold: Int
    var maxTotal: Int
    var shortfalls: [String]
    var canEdit: Bool
    var canSubmit: Bool
    var canAppraise: Bool
    var decision: String?
    var history: [HistoryRow]
    var saveAction: String
    var evidenceAction: String
    var appraisalAction: String
    var error: String?
    var notice: String?

    /// `typed` is the form as sent when it was refused: it is shown instead of what is stored.
    init(
        _ file: ChildFriendlyQueries.AssessmentFile, reader: Principal, language: Language,
        typed: [String: String]? = nil, error: String? = nil, notice: String? = nil
    ) {
        let loaded = file.loaded
        let result = loaded.result
        let editable = loaded.status.editableByCommune && reader.jurisdiction.level == .commune
        func text(_ key: String, _ stored: String) -> String { typed?[key] ?? stored }
        commune = loaded.commune.name
        communeCode = loaded.commune.code
        year = file.year
        setTitle = loaded.set.title(language)
        cycle = loaded.set.cycle(language)
        status = loaded.status.label(language)
        statusCode = loaded.status.rawValue
        categories = Choice.list(
            CommuneCategory.self, selected: typed?["category"] ?? loaded.category.rawValue, language: language
        ) { $0.label }
        items = loaded.items.map { item -> ItemRow in
            let criterion = loaded.set.criterion(item.number)
            let n = item.number
            let met = typed?["met_\(n)"] ?? item.met.map { $0 ? "yes" : "no" } ?? ""
            let appraisedMet = typed?["amet_\(n)"] ?? item.appraisedMet.map { $0 ? "yes" : "no" } ?? ""
            return ItemRow(
                number: n, files: file.evidence[n] ?? [], title: criterion?.title(language) ?? "",
                maxPoints: criterion?.maxPoints ?? 0,
                weightConfirmed: criterion?.weightConfirmed ?? false,
                computedFigure: item.computedFigure.map { AssessmentPage.shown($0, language) },
                computedHow: item.computedHow.map { AssessmentPage.how($0, language) },
                reportedFigure: text("reported_\(n)", item.reportedFigure),
                overrideReason: text("reason_\(n)", item.overrideReason),
                points: text("points_\(n)", item.points.map(String.init) ?? ""), metYes: met == "yes",
                metNo: met == "no", evidenceNote: text("evidence_\(n)", item.evidenceNote),
                appraisedPoints: text("apoints_\(n)", item.appraisedPoints.map(String.init) ?? ""),
                appraisedMetYes: appraisedMet == "yes", appraisedMetNo: appraisedMet == "no",
                appraisalComment: text("acomment_\(n)", item.appraisalComment))
        }
        total = result.total
        threshold = result.threshold
        maxTotal = loaded.set.maxTotal
        shortfalls = result.shortfalls.map { $0.message(language) }
        canEdit = editable && AccessPolicy.allows(reader.role, .assessChildFriendly)
        canSubmit = editable && AccessPolicy.allows(reader.role, .submitChildFriendly)
        canAppraise = loaded.status == .submitted && AccessPolicy.allows(reader.role, .appraiseChildFriendly)
        decision = loaded.record?.decisionNumber.map { number in
            "\(number) · \(loaded.record?.decisionDate.map { VietnamTime.date($0) } ?? "")"
        }
        history = file.history.map { event in
            HistoryRow(
                at: event.createdAt.map { VietnamTime.format($0) } ?? "", who: event.username,
                status: AssessmentStatus(rawValue: event.status)?.label(language) ?? event.status,
                comment: event.comment)
        }
        let commune = RouteValue<Int>.value(loaded.commune.code)
        let year = RouteValue<Int>.value(file.year)
        saveAction = SiteURL.childFriendly(.assessment(commune, year: year)).path
        evidenceAction = SiteURL.childFriendly(.evidence(commune, year: year)).path
        appraisalAction = SiteURL.childFriendly(.appraisal(commune, year: year)).path
        self.error = error
        self.notice = notice
    }

    func title(_ language: Language) -> String {
        "\(UIStrings.text("childFriendlyAssessment", language)) · \(commune) · \(year)"
    }
}

/// `/child-friendly/criteria`: the criteria set in force, its weights and thresholds; only an administrator
/// edits them.
struct CriteriaPage: Encodable {
    struct CriterionRow: Encodable {
        var number: Int
        var title: String
        var points: String
        var confirmed: Bool
    }

    struct ThresholdRow: Encodable {
        var key: String
        var label: String
        var value: String
    }

    var title: String
    var version: Int
    var cycle: String
    var thresholds: [ThresholdRow]
    var maxTotal: Int
    var rows: [CriterionRow]
    var unconfirmed: String?
    var canEdit: Bool
    var action = SiteURL.childFriendly(.criteria).path
    var documentHref = SiteURL.childFriendly(.criteriaDocument).path
    var loadAction = SiteURL.childFriendly(.loadCriteria).path
    var error: String?
    var notice: String?

    /// `typed` is the form as sent when it was refused: it is shown instead of the set's values.
    init(
        _ set: CriteriaSet, reader: Principal, language: Language, typed: [String: String]? = nil,
        error: String? = nil, notice: String? = nil
    ) {
        let unconfirmed = set.unconfirmedCriteria
        title = set.title(language)
        version = set.version
        cycle = set.cycle(language)
        thresholds = CommuneCategory.allCases.map {
            ThresholdRow(
                key: "threshold_\($0.rawValue)", label: $0.label(language),
                value: typed?["threshold_\($0.rawValue)"] ?? String(set.thresholds[$0] ?? set.maxTotal))
        }
        maxTotal = set.maxTotal
        rows = set.criteria.map { criterion in
            CriterionRow(
                number: criterion.number, title: criterion.title(language),
                points: typed?["points_\(criterion.number)"] ?? String(criterion.maxPoints),
                confirmed: typed.map { $0["confirmed_\(criterion.number)"] == "on" } ?? criterion.weightConfirmed)
        }
        self.unconfirmed =
            unconfirmed.isEmpty ? nil : RecognitionShortfall.unconfirmedWeights(unconfirmed).message(language)
        canEdit = AccessPolicy.allows(reader.role, .manageReferenceData)
        self.error = error
        self.notice = notice
    }
}

extension AssessmentPage {
    /// How a figure was computed, as stored when the form was opened ("TR19 Số diễn đàn trẻ em, 2026: 1"), in
    /// the reader's language: the indicator's name from the catalogue, the numbers written the reader's way.
    static func how(_ stored: String, _ language: Language) -> String {
        guard language == .en, let code = stored.split(separator: " ").first.map(String.init),
            let definition = IndicatorCatalogueFile.shared.indicator(code)
        else { return stored }
        return shown(stored.replacingOccurrences(of: definition.name.vi, with: definition.name(.en)), .en)
    }

    /// A figure stored the Vietnamese way (35.714,3) written the English way (35,714.3) for an English reader.
    static func shown(_ stored: String, _ language: Language) -> String {
        guard language == .en else { return stored }
        return stored.replacing(#/\d[\d.,]*\d/#) { number in
            String(number.output.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
        }
    }
}
