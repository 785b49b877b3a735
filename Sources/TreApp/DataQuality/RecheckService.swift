import Fluent
import Foundation
import TreDomain

/// Drawing re-check samples and recording what the households showed, inside the writer's jurisdiction
/// (a provincial officer: a commune of her province) and audited in the same transaction.
struct RecheckService: Sendable {
    var database: any Database
    var principal: Principal
    var actor: AuditActor

    /// Draws a round under `id`: a fresh seed, the commune's records (never any other), the sample.
    func draw(communeCode: Int?, size text: String, id: UUID = UUID(), seed: UInt64 = .random(in: .min ... .max))
        async throws -> RecheckRoundRecord
    {
        let size = try RecheckSample.size(text).get()
        let commune = try await CommuneScope.commune(communeCode, for: principal, on: database)
        let place = Jurisdiction.commune(provinceCode: commune.provinceCode, communeCode: commune.code)
        let candidates = try await ChildQueries.scoped(to: principal.jurisdiction, on: database)
            .within(place, province: \.$provinceCode, commune: \.$communeCode)
            .filter(\.$provinceCode == commune.provinceCode).all(\.$id).compactMap { $0 }
        guard !candidates.isEmpty else { throw Self.nothingToDraw }
        let sample = RecheckSample.draw(candidates: candidates, size: size, seed: seed)
        let today = ChildAge.todayInVietnam()
        let round = RecheckRoundRecord()
        round.id = id
        round.provinceCode = commune.provinceCode
        round.communeCode = commune.code
        round.drawnOn = String(format: "%04d-%02d-%02d", today.year, today.month, today.day)
        round.drawnBy = principal.userID
        round.drawnByName = principal.fullName
        round.seed = RecheckSample.text(of: seed)
        round.size = size
        round.candidates = candidates.count
        round.status = RecheckStatus.open.rawValue
        round.tally = RecheckTally()
        let items = sample.enumerated().map { position, childID in
            let item = RecheckItemRecord()
            item.$round.id = id
            item.childID = childID
            item.position = position + 1
            item.findingsJSON = ""
            return item
        }
        let actor = actor
        try await database.writeTransaction { database in
            try await round.create(on: database)
            for item in items { try await item.create(on: database) }
            try await AuditLog.record(
                AuditEvent(
                    action: "recheck.drawn", recordType: RecheckRoundRecord.auditType, recordID: id.uuidString,
                    jurisdiction: round.jurisdiction,
                    details: "seed=\(round.seed);size=\(size);drawn=\(items.count);candidates=\(candidates.count)"),
                by: actor, on: database)
        }
        return round
    }

    /// Records one sampled record's findings and the round's new figures, with the audit entries of the
    /// round and of the child, together or not at all.
    func record(
        _ findings: RecheckRecordFindings, for entry: RecheckQueries.RoundFile.Entry, in round: RecheckRoundRecord
    )
        async throws
    {
        guard round.isOpen else { throw Self.closed }
        let roundID = try round.requireID()
        let item = entry.item
        item.findings = findings
        let today = ChildAge.todayInVietnam()
        item.checkedOn = String(format: "%04d-%02d-%02d", today.year, today.month, today.day)
        item.checkedBy = principal.userID
        let differing = RecheckField.allCases.filter { findings.finding($0) == .differs }.map(\.rawValue)
        let childJurisdiction = entry.child?.jurisdiction ?? round.jurisdiction
        let actor = actor
        try await database.writeTransaction { database in
            try await item.save(on: database)
            let all = try await RecheckItemRecord.query(on: database).filter(\.$round.$id == roundID).all()
            round.tally = RecheckTally(all.map(\.findings))
            try await round.save(on: database)
            try await AuditLog.record(
                [
                    AuditEvent(
                        action: "recheck.findings_recorded", recordType: RecheckRoundRecord.auditType,
                        recordID: roundID.uuidString, jurisdiction: round.jurisdiction,
                        details: "child=\(item.childID.uuidString);differs=\(differing.joined(separator: ","))"),
                    AuditEvent(
                        action: "child.rechecked", recordType: "child", recordID: item.childID.uuidString,
                        jurisdiction: childJurisdiction,
                        details: "recheck=\(roundID.uuidString);differs=\(differing.joined(separator: ","))"),
                ], by: actor, on: database)
        }
    }

    /// Closes a round: its figures are final and its findings no longer change.
    func close(_ round: RecheckRoundRecord) async throws {
        guard round.isOpen else { throw Self.closed }
        round.status = RecheckStatus.closed.rawValue
        let today = ChildAge.todayInVietnam()
        round.closedOn = String(format: "%04d-%02d-%02d", today.year, today.month, today.day)
        try await CommuneScope.save(
            round, action: "recheck.closed",
            details: "fields_checked=\(round.fieldsChecked);fields_differing=\(round.fieldsDiffering)", by: actor,
            on: database)
    }

    static let nothingToDraw = TreError(
        status: .unprocessableEntity, code: "no_records_to_draw",
        message: LocalizedText(
            vi: "Xã, phường này chưa có hồ sơ trẻ em nào để chọn mẫu.",
            en: "This commune has no children's records to draw a sample from."))

    static let closed = TreError(
        status: .conflict, code: "recheck_closed",
        message: LocalizedText(
            vi: "Đợt phúc tra này đã kết thúc; kết quả không thay đổi được nữa.",
            en: "This re-check round is closed; its findings can no longer change."))
}
