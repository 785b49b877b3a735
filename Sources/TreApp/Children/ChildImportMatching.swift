import Fluent
import Foundation
import SQLKit
import TreDomain

/// The registered children a list's rows are about: a row matches a child by Tre's record code (on the list
/// prepared for the commune police, returned with their answer), by personal ID, or else by the rule the import
/// has always used to find a child already registered (the same name, date of birth and commune).
/// A matched row is an update of that child; the preview shows its changed fields side by side.
struct ChildImportMatches: Sendable {
    /// Registered children by personal ID, merged ones included (their ID is still taken).
    var byPersonalID: [String: Child] = [:]
    /// Children of the file's communes by name, birth and commune (`identity`).
    var byIdentity: [String: UUID] = [:]
    var children: [UUID: Child] = [:]
    var caregivers: [UUID: [ChildCaregiver]] = [:]

    static func identity(of valid: ValidChild) -> String {
        "\(VietnameseText.folded(valid.name.fullName))|\(valid.birthDateForAge)|\(valid.communeCode)"
    }

    /// Loads what the rows may match, in chunks that stay under every database's bound on parameters.
    /// `byIdentity`: the registered children (`registered`) whose identity a row of this part of the file has.
    static func load(
        recordCodes: [UUID], personalIDs: [String], byIdentity: [String: UUID], on database: any Database
    ) async throws -> ChildImportMatches {
        var matches = ChildImportMatches()
        for chunk in recordCodes.chunked(500) {
            for child in try await Child.query(on: database).filter(\.$id ~~ chunk).all() {
                matches.children[try child.requireID()] = child
            }
        }
        for chunk in personalIDs.chunked(500) {
            for child in try await Child.query(on: database).filter(\.$personalID ~~ chunk).all() {
                if let id = child.personalID { matches.byPersonalID[id] = child }
            }
        }
        matches.byIdentity = byIdentity
        for child in matches.byPersonalID.values { matches.children[child.id ?? UUID()] = child }
        let missing = Array(Set(matches.byIdentity.values).subtracting(matches.children.keys))
        for chunk in missing.chunked(500) {
            for child in try await Child.query(on: database).filter(\.$id ~~ chunk).all() {
                matches.children[try child.requireID()] = child
            }
        }
        for chunk in Array(matches.children.keys).chunked(500) {
            for caregiver in try await ChildCaregiver.query(on: database).filter(\.$child.$id ~~ chunk)
                .sort(\.$fullName).all()
            {
                matches.caregivers[caregiver.$child.id, default: []].append(caregiver)
            }
        }
        return matches
    }

    /// Children already in the registry of these communes, by folded name, birth and commune. Read as
    /// four columns, not as models: a demo commune holds tens of thousands of children.
    static func registered(communeCodes: Set<Int>, on database: any Database) async throws -> [String: UUID] {
        guard !communeCodes.isEmpty, let sql = database as? any SQLDatabase else { return [:] }
        struct Identity: Decodable {
            var id: UUID
            var nameFolded: String
            var birthDateForAge: String
            var communeCode: Int
        }
        let existing = try await sql.select().columns("id", "name_folded", "birth_date_for_age", "commune_code")
            .from(Child.schema).where("commune_code", .in, Array(communeCodes))
            .where("merged_into", .is, SQLLiteral.null)
            .all(decoding: Identity.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Dictionary(
            existing.map { ("\($0.nameFolded)|\($0.birthDateForAge)|\($0.communeCode)", $0.id) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The registered record as a draft, for a row to be laid over (`ChildDraft.laid(over:)`).
    func draft(of child: Child) -> ChildDraft {
        var draft = ChildDraft()
        draft.fullName = child.fullName
        draft.familyName = child.familyName
        draft.middleName = child.middleName
        draft.givenName = child.givenName
        draft.sex = child.sex
        draft.dateOfBirth = child.birthDate ?? ""
        draft.estimatedBirthYear = child.birthDate == nil ? String(child.birthYear) : ""
        draft.ethnicityCode = child.ethnicityCode ?? ""
        draft.personalID = child.personalID ?? ""
        draft.communeCode = child.communeCode
        draft.address = child.address
        draft.schoolStatus = child.schoolStatus ?? ""
        draft.healthInsuranceCard = child.healthInsuranceCard ?? ""
        draft.nutritionStatus = child.nutritionStatus ?? ""
        draft.disabilityLevel = child.disabilityLevel ?? ""
        draft.notes = child.notes
        draft.caregivers = (caregivers[child.id ?? UUID()] ?? []).map {
            .init(relation: $0.relation, fullName: $0.fullName, phone: $0.phone)
        }
        return draft
    }
}

/// One field an update changes, in both languages, for the preview to show side by side.
struct ImportFieldChange: Sendable {
    var label: LocalizedText
    var before: LocalizedText
    var after: LocalizedText
}

/// A registered child a row updates, with what the row makes of it.
struct ImportPlannedUpdate: Sendable {
    var child: Child
    var valid: ValidChild
    var provinceCode: Int
    /// The record's last change when it was checked: another change before the commit stops the import.
    var checkedAt: Date?
    /// The police's answer the row brings, when it changes what is recorded.
    var verification: PoliceVerification?
    /// The fields named in the audit entry (names only, never values).
    var changedFields: [String]
    var caregiversChanged: Bool
    /// The name, commune or caregivers change: the search tokens and caregivers are written again.
    var rewritesDependents: Bool

    /// The fields a person would notice, before and after, as the child's page shows them.
    func changes(caregiversBefore: [ChildCaregiver], communeName: (Int) -> String) -> [ImportFieldChange] {
        let after = Child()
        after.id = child.id
        after.apply(valid, provinceCode: provinceCode)
        (after.idVerification, after.idVerifiedOn) = (child.idVerification, child.idVerifiedOn)
        let today = ChildAge.todayInVietnam()
        func facts(_ record: Child, _ language: Language) -> [String: String] {
            Dictionary(
                ChildRecordPage.keyedFacts(
                    record, communeName: communeName(record.communeCode), today: today, language: language
                ).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        let (beforeVI, beforeEN, afterVI, afterEN) = (
            facts(child, .vi), facts(child, .en), facts(after, .vi), facts(after, .en)
        )
        let keys = ChildRecordPage.keyedFacts(
            after, communeName: communeName(after.communeCode), today: today, language: .vi
        )
        .map(\.key).filter { $0 != "age" }
        let dropped = ChildRecordPage.keyedFacts(
            child, communeName: communeName(child.communeCode), today: today, language: .vi
        )
        .map(\.key).filter { !keys.contains($0) && $0 != "age" }
        var changes = (keys + dropped).filter { beforeVI[$0] != afterVI[$0] }.map { key in
            ImportFieldChange(
                label: LocalizedText(vi: UIStrings.text(key, .vi), en: UIStrings.text(key, .en)),
                before: LocalizedText(vi: beforeVI[key] ?? "—", en: beforeEN[key] ?? "—"),
                after: LocalizedText(vi: afterVI[key] ?? "—", en: afterEN[key] ?? "—"))
        }
        if let verification {
            let before = child.idVerification.flatMap(PoliceVerification.init(rawValue:))?.label
            changes.append(
                ImportFieldChange(
                    label: LocalizedText(
                        vi: UIStrings.text("idVerification", .vi), en: UIStrings.text("idVerification", .en)),
                    before: before ?? LocalizedText(vi: "—", en: "—"), after: verification.label))
        }
        if caregiversChanged {
            let before = caregiversBefore.map(\.fullName).joined(separator: ", ")
            let after = valid.caregivers.map(\.fullName).joined(separator: ", ")
            changes.append(
                ImportFieldChange(
                    label: LocalizedText(vi: UIStrings.text("caregivers", .vi), en: UIStrings.text("caregivers", .en)),
                    before: LocalizedText(vi: before.isEmpty ? "—" : before, en: before.isEmpty ? "—" : before),
                    after: LocalizedText(vi: after.isEmpty ? "—" : after, en: after.isEmpty ? "—" : after)))
        }
        return changes
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
