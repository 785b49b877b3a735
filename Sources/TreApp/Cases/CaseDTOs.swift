import Foundation
import TreDomain
import Vapor

/// A case as the API shows it: where it stands and what is due next. Never the reporter.
struct CaseDTO: Content {
    struct Deadline: Content {
        var kind: String
        var due: Date
        var late: Bool
    }

    var id: UUID
    /// The readable number, "00004-2026-0012": commune, year, order in the commune's year.
    var number: String
    var status: String
    var provinceCode: Int
    var communeCode: Int
    var receivedAt: Date
    var risk: String?
    var abuserIsCarer: Bool
    var nextDeadline: Deadline?
    var escalated: Bool
    var childIds: [UUID]
    var version: Int

    init(_ found: ProtectionCase, childIDs: [UUID: [UUID]], now: Date = Date()) throws {
        let id = try found.requireID()
        self.id = id
        number = found.number
        status = found.status
        provinceCode = found.provinceCode
        communeCode = found.communeCode
        receivedAt = found.receivedAt
        risk = found.risk
        abuserIsCarer = found.abuserIsCarer
        nextDeadline = zip(found.nextDeadlineKind, found.nextDeadlineAt).map {
            Deadline(kind: $0, due: $1, late: $1 < now)
        }
        escalated = found.escalatedAt != nil
        childIds = childIDs[id] ?? []
        version = found.version
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

/// The report behind a case; the reporter only for those who may know them.
struct ReportDTO: Content {
    var channel: String
    var receivedAt: Date
    var abuseForms: [String]
    var abuserIsCarer: Bool
    var description: String
    var anonymous: Bool
    var reporterName: String?
    var reporterPhone: String?

    init(_ report: AbuseReport, showReporter: Bool) {
        channel = report.channel
        receivedAt = report.receivedAt
        abuseForms = report.abuseForms.split(separator: ",").map(String.init)
        abuserIsCarer = report.abuserIsCarer
        description = report.description
        anonymous = report.anonymous
        reporterName = showReporter ? report.reporterName : nil
        reporterPhone = showReporter ? report.reporterPhone : nil
    }
}

struct StepDTO: Content {
    var step: String
    var statusAfter: String
    var by: String
    var at: Date?
    var content: String

    init(_ record: CaseStepRecord) {
        step = record.step
        statusAfter = record.statusAfter
        by = record.actorName
        at = record.createdAt
        content = record.content
    }
}

struct CaseDetailDTO: Content {
    var `case`: CaseDTO
    var report: ReportDTO
    var steps: [StepDTO]
    var nextSteps: [CaseStepKind]
    var referrals: [ReferralDTO]
    var followUps: [FollowUpDTO]

    init(_ file: CaseFile, reader: Principal) throws {
        `case` = try CaseDTO(file.found, childIDs: [file.id: file.childIDs])
        report = ReportDTO(
            file.report, showReporter: ReporterDisclosure(reader: reader, report: file.report, of: file.found) == .known
        )
        steps = file.steps.map(StepDTO.init)
        nextSteps = CaseWorkflow.nextSteps(from: file.found.facts)
        referrals = try file.referrals.map(ReferralDTO.init)
        followUps = file.followUps.map(FollowUpDTO.init)
    }
}
