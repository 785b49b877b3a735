import Fluent
import Foundation
import TreDomain
import Vapor

/// Why a registry action is refused (besides the fields of the record itself).
/// What the registry refuses beyond a draft's own fields.
enum ChildRegistryError: Error, LocalizedFailure {
    case personalIDTaken
    /// Two children entered together (a household) with the same personal ID.
    case personalIDRepeated
    case mergeIntoItself
    case probableDuplicate(count: Int)
    /// A record an import was about to update was changed by someone else after the preview.
    case changedDuringImport

    var code: String {
        switch self {
        case .personalIDTaken: "personal_id_taken"
        case .personalIDRepeated: "personal_id_repeated"
        case .mergeIntoItself: "merge_into_itself"
        case .probableDuplicate: "probable_duplicate"
        case .changedDuringImport: "changed_during_import"
        }
    }

    var message: LocalizedText {
        switch self {
        case .personalIDTaken:
            LocalizedText(
                vi: "Số định danh cá nhân này đã có trong hồ sơ một trẻ khác.",
                en: "This personal identification number is already on another child's record.")
        case .personalIDRepeated:
            LocalizedText(
                vi: "Số định danh cá nhân này đã ghi cho một trẻ khác ở dòng trên.",
                en: "This personal identification number is already given to another child on a line above.")
        case .mergeIntoItself:
            LocalizedText(vi: "Không thể gộp một hồ sơ vào chính nó.", en: "A record cannot be merged into itself.")
        case .probableDuplicate(let count):
            LocalizedText(
                vi:
                    "Có \(count) hồ sơ có thể là cùng một trẻ. Hãy kiểm tra; nếu đúng là trẻ khác, gửi lại với allowDuplicate.",
                en:
                    "\(count) existing records may be the same child. Check them; if this is another child, send again with allowDuplicate."
            )
        case .changedDuringImport:
            LocalizedText(
                vi: "Một hồ sơ trong tệp vừa được người khác sửa. Hãy xem lại bản xem trước và nhập lại.",
                en: "A record in the file was just changed by someone else. Check the preview again and import again.")
        }
    }
}

/// Registering, correcting and reading children's records: each checked with the domain's rules, kept
/// inside the caller's jurisdiction, and written in one transaction with its audit entry.
struct ChildService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    func create(_ draft: ChildDraft) async throws -> Child {
        let new = try await admit(draft)
        try await database.writeTransaction { database in try await insert(new, on: database) }
        return new.child
    }

    /// The children of one household (the household form), all or none: each draft is checked exactly as
    /// `create` checks one, and every problem of every draft is reported at once, named `children[i].field`
    /// after the draft's place; only when none is refused are they all written, in one transaction, each
    /// with its own audit entry.
    func createHousehold(_ drafts: [ChildDraft]) async throws -> [Child] {
        let admitted = try await admitAll(drafts)
        try await database.writeTransaction { database in
            for new in admitted { try await insert(new, details: "household", on: database) }
        }
        return admitted.map(\.child)
    }

    /// The checks of `createHousehold` without writing anything: the household form runs them while it asks
    /// the person about probable duplicates, so that every problem is shown at once.
    func checkHousehold(_ drafts: [ChildDraft]) async throws {
        _ = try await admitAll(drafts)
    }

    func update(_ child: Child, with draft: ChildDraft) async throws {
        let valid = try validate(draft)
        let provinceCode = try await allowedProvince(for: valid.communeCode)
        try await requireUniquePersonalID(valid.personalID, except: child.id)
        let before = ChildSnapshot(child)
        let caregiversBefore = try await ChildCaregiver.query(on: database).filter(\.$child.$id == child.requireID())
            .sort(\.$fullName).all().map { "\($0.relation)|\($0.fullName)|\($0.phone)" }
        child.apply(valid, provinceCode: provinceCode)
        var changed = ChildSnapshot(child).changedFields(since: before)
        if caregiversBefore != valid.caregivers.map({ "\($0.relation.rawValue)|\($0.fullName)|\($0.phone)" }).sorted() {
            changed.append("caregivers")
        }
        let details = "fields=" + changed.joined(separator: ",")
        try await database.writeTransaction { database in
            try await child.update(on: database)
            try await Self.replaceDependents(of: child, with: valid, on: database)
            try await AuditLog.record(
                event(child, "child.updated", details: details), by: actor, on: database)
        }
    }

    /// Merges a duplicate record into the one that stays. Nothing is deleted: the duplicate is marked as
    /// merged (and leaves every list), its caregivers join the kept record, and both histories stay
    /// readable from the kept record's timeline.
    func merge(_ duplicate: Child, into kept: Child) async throws {
        let keptID = try kept.requireID()
        let duplicateID = try duplicate.requireID()
        guard keptID != duplicateID else { throw ChildRegistryError.mergeIntoItself }
        try await database.writeTransaction { database in
            let keptPhones = Set(
                try await ChildCaregiver.query(on: database).filter(\.$child.$id == keptID).all(\.$phone))
            for caregiver in try await ChildCaregiver.query(on: database).filter(\.$child.$id == duplicateID).all()
            where caregiver.phone.isEmpty || !keptPhones.contains(caregiver.phone) {
                caregiver.$child.id = keptID
                try await caregiver.update(on: database)
            }
            duplicate.mergedInto = keptID
            if duplicate.personalID != nil, kept.personalID == nil {
                kept.personalID = duplicate.personalID
                duplicate.personalID = nil
                try await duplicate.update(on: database)
                try await kept.update(on: database)
            } else {
                try await duplicate.update(on: database)
            }
            try await AuditLog.record(
                event(duplicate, "child.merged", details: "into=\(keptID.uuidString)"), by: actor, on: database)
            try await AuditLog.record(
                event(kept, "child.merged", details: "from=\(duplicateID.uuidString)"), by: actor, on: database)
        }
    }

    /// Records in the caller's jurisdiction that probably describe the same child as the draft
    /// (`DuplicateRule`): candidates are narrowed by index in SQL, then the rule decides.
    func probableDuplicates(of draft: ChildDraft, excluding id: UUID? = nil) async throws -> [Child] {
        guard case .success(let valid) = draft.validate(today: ChildAge.todayInVietnam()) else { return [] }
        let facts = DuplicateRule.Facts(
            givenFolded: VietnameseText.folded(valid.name.givenName), familyComparable: valid.name.comparableFamilyName,
            birthYear: valid.birthYear, communeCode: valid.communeCode,
            caregiverPhones: Set(valid.caregivers.map(\.phone).filter { !$0.isEmpty }))
        let query = ChildQueries.scoped(to: principal.jurisdiction, on: database)
            .filter(\.$givenFolded == facts.givenFolded)
            .filter(\.$birthYear >= facts.birthYear - DuplicateRule.maximumBirthYearGap)
            .filter(\.$birthYear <= facts.birthYear + DuplicateRule.maximumBirthYearGap)
        if let id { query.filter(\.$id != id) }
        let candidates = try await query.limit(50).all()
        let phones = try await ChildCaregivers.load(for: candidates, on: database)
        return candidates.filter { candidate in
            let other = DuplicateRule.Facts(
                givenFolded: candidate.givenFolded, familyComparable: candidate.familyComparable,
                birthYear: candidate.birthYear, communeCode: candidate.communeCode,
                caregiverPhones: Set((phones[candidate.id ?? UUID()] ?? []).map(\.phone).filter { !$0.isEmpty }))
            return DuplicateRule.isProbableDuplicate(facts, other)
        }
    }

    /// Reading a child's record is itself recorded: who looked at which child, and when.
    func recordView(of child: Child) async throws {
        try await AuditLog.record(event(child, "child.viewed"), by: actor, on: database)
    }

    /// A new record checked and built, not yet written.
    private struct Admitted {
        var child: Child
        var valid: ValidChild
    }

    /// Everything `create` checks before writing: the draft's own rules, the commune within the caller's
    /// reach, and a personal ID no other record holds.
    private func admit(_ draft: ChildDraft) async throws -> Admitted {
        let valid = try validate(draft)
        let provinceCode = try await allowedProvince(for: valid.communeCode)
        try await requireUniquePersonalID(valid.personalID, except: nil)
        let child = Child()
        child.id = UUID()
        child.apply(valid, provinceCode: provinceCode)
        return Admitted(child: child, valid: valid)
    }

    /// `admit` for each draft, gathering every draft's problems (and a personal ID given to two of them)
    /// before refusing. A commune outside the caller's reach refuses the whole batch at once.
    private func admitAll(_ drafts: [ChildDraft]) async throws -> [Admitted] {
        guard drafts.count <= HouseholdDraft.maximumChildren else {
            throw HouseholdDraft.tooManyChildren(drafts.count)
        }
        var admitted: [Admitted] = []
        var problems: [FieldError] = []
        var personalIDs = Set<String>()
        for (index, draft) in drafts.enumerated() {
            func at(_ field: String) -> String { "children[\(index)].\(field)" }
            do {
                let new = try await admit(draft)
                if let personalID = new.valid.personalID, !personalIDs.insert(personalID).inserted {
                    let repeated = ChildRegistryError.personalIDRepeated
                    problems.append(FieldError(field: at("personalId"), code: repeated.code, message: repeated.message))
                }
                admitted.append(new)
            } catch let errors as FieldErrors {
                problems += errors.errors.map { FieldError(field: at($0.field), code: $0.code, message: $0.message) }
            } catch let error as ChildRegistryError {
                // What `admit` refuses beyond the draft's fields: its personal ID already on another record.
                problems.append(FieldError(field: at("personalId"), code: error.code, message: error.message))
            }
        }
        guard problems.isEmpty else { throw FieldErrors(errors: problems) }
        return admitted
    }

    private func insert(_ new: Admitted, details: String = "", on database: any Database) async throws {
        try await new.child.create(on: database)
        try await Self.replaceDependents(of: new.child, with: new.valid, on: database)
        try await AuditLog.record(event(new.child, "child.created", details: details), by: actor, on: database)
    }

    private func validate(_ draft: ChildDraft) throws -> ValidChild {
        try draft.validate(today: ChildAge.todayInVietnam()).get()
    }

    /// The commune must exist and lie inside the caller's jurisdiction; returns its province.
    private func allowedProvince(for communeCode: Int) async throws -> Int {
        guard let commune = try await UnitQueries.commune(code: communeCode, on: database) else {
            throw JurisdictionError.unknownCommune
        }
        guard principal.jurisdiction.contains(provinceCode: commune.provinceCode, communeCode: commune.code) else {
            throw JurisdictionError.outsideJurisdiction
        }
        return commune.provinceCode
    }

    private func requireUniquePersonalID(_ personalID: String?, except id: UUID?) async throws {
        guard let personalID else { return }
        let query = Child.query(on: database).filter(\.$personalID == personalID)
        if let id { query.filter(\.$id != id) }
        if try await query.count() > 0 { throw ChildRegistryError.personalIDTaken }
    }

    /// Replaces a record's caregivers and name tokens with the checked draft's.
    static func replaceDependents(of child: Child, with valid: ValidChild, on database: any Database) async throws {
        let id = try child.requireID()
        try await ChildCaregiver.query(on: database).filter(\.$child.$id == id).delete()
        try await valid.caregivers.map {
            ChildCaregiver(childID: id, relation: $0.relation.rawValue, fullName: $0.fullName, phone: $0.phone)
        }.create(on: database)
        try await ChildNameToken.query(on: database).filter(\.$childID == id).delete()
        try await valid.searchTokens.map { try ChildNameToken($0, of: child) }.create(on: database)
    }

    func event(_ child: Child, _ action: String, details: String = "") -> AuditEvent {
        AuditEvent(
            action: action, recordType: "child", recordID: child.id?.uuidString, jurisdiction: child.jurisdiction,
            details: details)
    }
}

/// The fields of a record that an audit entry names when they change (names only, never values).
struct ChildSnapshot {
    var fields: [String: String]

    init(_ child: Child) {
        fields = [
            "fullName": child.fullName, "sex": child.sex, "dateOfBirth": child.birthDate ?? "",
            "birthYear": String(child.birthYear), "ethnicityCode": child.ethnicityCode ?? "",
            "personalId": child.personalID ?? "", "communeCode": String(child.communeCode), "address": child.address,
            "schoolStatus": child.schoolStatus ?? "", "healthInsuranceCard": child.healthInsuranceCard ?? "",
            "nutritionStatus": child.nutritionStatus ?? "", "disabilityLevel": child.disabilityLevel ?? "",
            "notes": child.notes,
        ]
    }

    func changedFields(since before: ChildSnapshot) -> [String] {
        fields.keys.filter { fields[$0] != before.fields[$0] }.sorted()
    }
}

extension Request {
    func children() throws -> ChildService {
        ChildService(database: db, principal: try requirePrincipal(), actor: auditActor())
    }
}
