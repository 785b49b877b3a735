/// What Tre counts from its own records. An indicator is a measure over another (or a measure alone);
/// the catalogue (Resources/Data/indicators.json) names them, and the refresh computes each one per
/// commune and period.
public enum IndicatorMeasure: String, CaseIterable, Codable, Sendable {
    /// Children living in the commune, from the population figure the commune enters each year.
    case childPopulation = "child_population"
    /// Children in a group of special circumstances at the end of the period.
    case childrenSpecial = "children_special"
    /// Of those, the children who received support during the period.
    case childrenSpecialSupported = "children_special_supported"
    /// Children named in a report of abuse received during the period.
    case abusedChildren = "abused_children"
    case casesReceived = "cases_received"
    /// Cases whose 12-hour clock for emergency measures ran out (or was met) during the period.
    case casesEmergencyDue = "cases_emergency_due"
    case casesEmergencyOnTime = "cases_emergency_on_time"
    case plansApproved = "plans_approved"
    case plansApprovedOnTime = "plans_approved_on_time"
    /// Cases open at the end of the period.
    case casesOpen = "cases_open"
    /// Cases escalated for a passed deadline during the period.
    case casesLate = "cases_late"
    case casesClosed = "cases_closed"
    case hotlineContacts = "hotline_contacts"
    case hotlineCounselled = "hotline_counselled"
    case hotlineInterventions = "hotline_interventions"
    /// Children injured, and drowned, in the period (the commune's injury register).
    case injuries
    case drownings
    case communes
    case childFriendlyCommunes = "child_friendly_communes"
    case forumsHeld = "forums_held"
    /// Children's forum questions whose answer fell due in the period, and those answered by then.
    case forumQuestionsDue = "forum_questions_due"
    case forumQuestionsAnsweredOnTime = "forum_questions_answered_on_time"
    /// Child-labour inspections held in the period, and those that found a violation.
    case inspections
    case inspectionsWithViolations = "inspections_with_violations"
    /// Households checked against the safe-home criteria in the year, and those found safe.
    case homesAssessed = "homes_assessed"
    case safeHomes = "safe_homes"
    /// Children under 16 in the register (merged records left out), counted when the figures are refreshed.
    case childrenRegistered = "children_registered"
    /// Of those, the children whose record has everything the population database needs
    /// (`PopulationRecordCheck`: a consistent personal ID, full name, date of birth, sex, ethnicity, a caregiver).
    case childrenRecordsComplete = "children_records_complete"
    /// Registered children under 16 whose record has each problem (`DataQualityProblem`), and whose record
    /// was not changed for a year: the data-quality page's figures, stored so the nation's page reads the
    /// communes' figures instead of a million records.
    case recordsPersonalIDMissing = "records_personal_id_missing"
    case recordsPersonalIDInconsistent = "records_personal_id_inconsistent"
    case recordsNameIncomplete = "records_name_incomplete"
    case recordsBirthDateMissing = "records_birth_date_missing"
    case recordsSexMissing = "records_sex_missing"
    case recordsEthnicityMissing = "records_ethnicity_missing"
    case recordsCaregiverMissing = "records_caregiver_missing"
    case recordsPersonalIDNotFound = "records_personal_id_not_found"
    case recordsStale = "records_stale"

    /// Whether Tre already keeps the records this measure counts. Every measure does today; one declared
    /// in the catalogue ahead of its records answers false here and shows as "no data yet".
    public var hasRecords: Bool { true }

    /// The breakdowns the records behind this measure can give.
    public var disaggregations: Set<Disaggregation> {
        switch self {
        case .childrenSpecial, .childrenSpecialSupported:
            [.sex, .ageGroup, .ethnicity, .circumstanceGroup]
        case .abusedChildren:
            [.sex, .ageGroup, .ethnicity, .abuseForm]
        case .casesReceived:
            [.channel, .abuseForm]
        case .hotlineContacts, .hotlineCounselled, .hotlineInterventions:
            [.channel, .sex]
        default:
            []
        }
    }

    /// Hotline contacts are placed in a province only (the caller is not asked for the commune).
    public var isProvincial: Bool {
        [.hotlineContacts, .hotlineCounselled, .hotlineInterventions].contains(self)
    }
}

/// The ways a figure can be broken down (Circular 13/2021: sex, age group, ethnicity, place, …).
public enum Disaggregation: String, CaseIterable, Codable, Sendable {
    case sex
    case ageGroup = "age_group"
    case ethnicity
    case circumstanceGroup = "circumstance_group"
    case abuseForm = "abuse_form"
    case channel

    public var label: LocalizedText {
        switch self {
        case .sex: LocalizedText(vi: "Giới tính", en: "Sex")
        case .ageGroup: LocalizedText(vi: "Nhóm tuổi", en: "Age group")
        case .ethnicity: LocalizedText(vi: "Dân tộc", en: "Ethnicity")
        case .circumstanceGroup: LocalizedText(vi: "Nhóm hoàn cảnh đặc biệt", en: "Group of special circumstances")
        case .abuseForm: LocalizedText(vi: "Hình thức xâm hại", en: "Form of abuse")
        case .channel: LocalizedText(vi: "Kênh tiếp nhận", en: "Channel")
        }
    }
}

/// The age groups figures are published in, by completed years on the day that matters.
public enum IndicatorAgeGroup: String, CaseIterable, Sendable {
    case under3 = "0-2"
    case from3to5 = "3-5"
    case from6to10 = "6-10"
    case from11to15 = "11-15"
    case from16 = "16-17"

    public init(birth: CivilDate, on day: CivilDate) {
        var age = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { age -= 1 }
        switch age {
        case ..<3: self = .under3
        case 3...5: self = .from3to5
        case 6...10: self = .from6to10
        case 11...15: self = .from11to15
        default: self = .from16
        }
    }
}

extension IndicatorMeasure {
    /// The stored count of records with `problem`.
    public static func records(with problem: DataQualityProblem) -> IndicatorMeasure {
        switch problem {
        case .personalIDMissing: .recordsPersonalIDMissing
        case .personalIDInconsistent: .recordsPersonalIDInconsistent
        case .nameIncomplete: .recordsNameIncomplete
        case .birthDateMissing: .recordsBirthDateMissing
        case .sexMissing: .recordsSexMissing
        case .ethnicityMissing: .recordsEthnicityMissing
        case .caregiverMissing: .recordsCaregiverMissing
        case .personalIDNotFound: .recordsPersonalIDNotFound
        }
    }
}
