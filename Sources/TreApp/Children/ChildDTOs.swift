import Foundation
import TreDomain
import Vapor

/// A child as the API shows it. Age is derived on the way out, never stored.
struct ChildDTO: Content {
    struct Caregiver: Content {
        var relation: String
        var fullName: String
        var phone: String
    }

    var id: UUID
    var fullName: String
    var familyName: String
    var middleName: String
    var givenName: String
    var sex: String
    var dateOfBirth: String?
    var estimatedBirthYear: Int?
    var age: Int
    var isChild: Bool
    var ethnicityCode: String?
    var personalId: String?
    var provinceCode: Int
    var communeCode: Int
    var address: String
    var schoolStatus: String?
    var healthInsuranceCard: String?
    var nutritionStatus: String?
    var disabilityLevel: String?
    var notes: String
    var caregivers: [Caregiver]
    /// Only on a single record (not in lists).
    var circumstances: [CircumstanceDTO]?
    var supports: [SupportDTO]?

    init(_ child: Child, caregivers: [ChildCaregiver], today: (year: Int, month: Int, day: Int)) throws {
        let age = child.age(on: today)
        id = try child.requireID()
        fullName = child.fullName
        familyName = child.familyName
        middleName = child.middleName
        givenName = child.givenName
        sex = child.sex
        dateOfBirth = child.birthDate
        estimatedBirthYear = child.birthDate == nil ? child.birthYear : nil
        self.age = age.years
        isChild = age.isChild
        ethnicityCode = child.ethnicityCode
        personalId = child.personalID
        provinceCode = child.provinceCode
        communeCode = child.communeCode
        address = child.address
        schoolStatus = child.schoolStatus
        healthInsuranceCard = child.healthInsuranceCard
        nutritionStatus = child.nutritionStatus
        disabilityLevel = child.disabilityLevel
        notes = child.notes
        self.caregivers = caregivers.map { Caregiver(relation: $0.relation, fullName: $0.fullName, phone: $0.phone) }
    }
}

struct CircumstanceDTO: Content {
    var id: UUID
    var groupCode: String
    var subgroupNumber: Int
    var startDate: String
    var endDate: String?
    var reviewDate: String?
    var evidence: String

    init(_ record: ChildCircumstance) throws {
        id = try record.requireID()
        groupCode = record.groupCode
        subgroupNumber = record.subgroupNumber
        startDate = record.startDate
        endDate = record.endDate
        reviewDate = record.reviewDate
        evidence = record.evidence
    }
}

struct CircumstanceInput: Content {
    var groupCode: String
    var subgroupNumber: Int
    var startDate: String
    var endDate: String?
    var reviewDate: String?
    var evidence: String?

    var draft: CircumstanceDraft {
        var draft = CircumstanceDraft()
        draft.groupCode = groupCode
        draft.subgroupNumber = String(subgroupNumber)
        draft.startDate = startDate
        draft.endDate = endDate ?? ""
        draft.reviewDate = reviewDate ?? ""
        draft.evidence = evidence ?? ""
        return draft
    }
}

struct SupportDTO: Content {
    var id: UUID
    var kind: String
    var date: String
    var amountVnd: Int
    var source: String
    var sourceName: String

    init(_ record: ChildSupport) throws {
        id = try record.requireID()
        kind = record.kind
        date = record.date
        amountVnd = record.amountVND
        source = record.source
        sourceName = record.sourceName
    }
}

struct SupportInput: Content {
    var kind: String
    var date: String
    var amountVnd: Int?
    var source: String
    var sourceName: String?

    var draft: SupportDraft {
        var draft = SupportDraft()
        draft.kind = kind
        draft.date = date
        draft.amount = amountVnd.map(String.init) ?? ""
        draft.source = source
        draft.sourceName = sourceName ?? ""
        return draft
    }
}

/// What the API accepts to create or replace a record.
struct ChildInput: Content {
    var fullName: String
    var familyName: String?
    var middleName: String?
    var givenName: String?
    var sex: String
    var dateOfBirth: String?
    var estimatedBirthYear: Int?
    var ethnicityCode: String?
    var personalId: String?
    var communeCode: Int
    var address: String?
    var schoolStatus: String?
    var healthInsuranceCard: String?
    var nutritionStatus: String?
    var disabilityLevel: String?
    var notes: String?
    var caregivers: [ChildDTO.Caregiver]?
    /// Create even though records that may be the same child exist (after checking them).
    var allowDuplicate: Bool?

    /// The codes sent, each one of the listed values.
    func checked() throws -> Self {
        try APIChoices.refuseBlank([
            "schoolStatus": schoolStatus, "nutritionStatus": nutritionStatus, "disabilityLevel": disabilityLevel,
        ])
        return self
    }

    var draft: ChildDraft {
        var draft = ChildDraft()
        draft.fullName = fullName
        draft.familyName = familyName ?? ""
        draft.middleName = middleName ?? ""
        draft.givenName = givenName ?? ""
        draft.sex = sex
        draft.dateOfBirth = dateOfBirth ?? ""
        draft.estimatedBirthYear = estimatedBirthYear.map(String.init) ?? ""
        draft.ethnicityCode = ethnicityCode ?? ""
        draft.personalID = personalId ?? ""
        draft.communeCode = communeCode
        draft.address = address ?? ""
        draft.schoolStatus = schoolStatus ?? ""
        draft.healthInsuranceCard = healthInsuranceCard ?? ""
        draft.nutritionStatus = nutritionStatus ?? ""
        draft.disabilityLevel = disabilityLevel ?? ""
        draft.notes = notes ?? ""
        draft.caregivers = (caregivers ?? []).map {
            .init(relation: $0.relation, fullName: $0.fullName, phone: $0.phone)
        }
        return draft
    }
}

extension Child {
    func age(on today: (year: Int, month: Int, day: Int)) -> ChildAge {
        if let birthDate, let (year, month, day) = ChildDraft.parseISODate(birthDate) {
            return ChildAge(birth: .date(year: year, month: month, day: day), on: today)
        }
        return ChildAge(birth: .estimatedYear(birthYear), on: today)
    }
}

/// Filters from the query string, shared by the list page, the API and the export.
extension ChildFilters {
    init(_ request: Request) {
        self.init()
        search = NameSearch((try? request.query.get(String.self, at: "q")) ?? "")
        communeCode = try? request.query.get(Int.self, at: "communeCode")
        if let sex = try? request.query.get(String.self, at: "sex"), ["male", "female"].contains(sex) {
            self.sex = sex
        }
        ageBand = (try? request.query.get(String.self, at: "ageBand")).flatMap(ChildAge.Band.init(rawValue:))
        status = (try? request.query.get(String.self, at: "status")).flatMap(Status.init(rawValue:)) ?? .child
        group = (try? request.query.get(String.self, at: "group")).flatMap { $0.isEmpty ? nil : $0.lowercased() }
    }
}
