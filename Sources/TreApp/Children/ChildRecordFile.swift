import Fluent
import Foundation
import TreDomain
import Vapor

/// Everything a child's page shows, loaded in one place and already scoped: the page model is built from it
/// without a database (`ChildRecordPage`).
struct ChildRecordFile {
    var child: Child
    var caregivers: [ChildCaregiver]
    var communeName: String
    /// Records that may be the same child (only loaded for a reader who may merge them), with their communes.
    var duplicates: [Child]
    var duplicateCommunes: [Int: String]
    /// The record's history (and that of records merged into it), newest first.
    var history: [AuditEntry]
    var subgroups: [CircumstanceSubgroup]
    var circumstances: [ChildCircumstance]
    var supports: [ChildSupport]
    var injuries: [ChildInjuryRecord]
    var inspections: [InspectionRecord]
    /// The cases about the child, for a reader who may see cases, within their jurisdiction.
    var cases: [ProtectionCase] = []
    /// The full names of the people in the history, by username.
    var people: [String: String] = [:]
}

extension ChildQueries {
    /// The file of a child the reader may see (`find` scoped it); the read itself is audited by the caller's
    /// service before this is shown.
    static func recordFile(of child: Child, service: ChildService, on database: any Database) async throws
        -> ChildRecordFile
    {
        let id = try child.requireID()
        let caregivers = try await ChildCaregivers.load(for: [child], on: database)[id] ?? []
        var duplicates: [Child] = []
        if AccessPolicy.allows(service.principal.role, .editChildren) {
            duplicates = try await service.probableDuplicates(
                of: ChildForm(child, caregivers: caregivers).draft, excluding: id)
        }
        let communes = try await CommuneNames.load(
            [child.communeCode] + duplicates.map(\.communeCode), on: database)
        let merged = try await Child.query(on: database).filter(\.$mergedInto == id).all(\.$id)
        let history = try await AuditEntry.query(on: database).filter(\.$recordType == "child")
            .filter(\.$recordID ~~ ([id] + merged).map(\.uuidString))
            .sort(\.$occurredAt, .descending).limit(200).all()
        let inspections = try await InspectionChildRecord.query(on: database).filter(\.$child.$id == id)
            .with(\.$inspection).all().map(\.inspection)
        var cases: [ProtectionCase] = []
        if AccessPolicy.allows(service.principal.role, .viewCases) {
            let linked = try await CaseChild.query(on: database).filter(\.$childID ~~ ([id] + merged)).all(\.$caseID)
            cases = try await CaseQueries.scoped(to: service.principal.jurisdiction, on: database)
                .filter(\.$id ~~ linked).all()
        }
        let usernames = Array(Set(history.map(\.actorUsername)))
        let people = Dictionary(
            try await UserAccount.query(on: database).filter(\.$username ~~ usernames).all()
                .map { ($0.username, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        return ChildRecordFile(
            child: child, caregivers: caregivers, communeName: communes[child.communeCode] ?? "",
            duplicates: duplicates, duplicateCommunes: communes, history: history,
            subgroups: try await CircumstanceSubgroupRecord.all(on: database),
            circumstances: try await ChildHistoryQueries.circumstances(of: child, on: database),
            supports: try await ChildHistoryQueries.supports(of: child, on: database),
            injuries: try await ChildInjuryRecord.query(on: database).filter(\.$childID == id).all(),
            inspections: inspections, cases: cases, people: people)
    }
}

extension Request {
    /// The child the path's `id` names, if the reader may see it; not found otherwise (the two look the same).
    func requestedChild() async throws -> Child {
        let principal = try requirePrincipal()
        guard let id = parameters.get("id", as: UUID.self),
            let child = try await ChildQueries.find(id, in: principal.jurisdiction, on: db)
        else { throw TreError.notFound }
        return child
    }
}
