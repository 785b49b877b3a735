import Fluent
import Foundation
import SQLKit
import TreDomain
import Vapor

/// A file attached to a criterion of a commune's self-assessment. Kept in the database, not on a disk,
/// so that every app node serves it and a backup of the database holds it.
final class AssessmentEvidenceRecord: Model, @unchecked Sendable {
    static let schema = "friendly_evidence"

    @ID(key: .id) var id: UUID?
    @Field(key: "province_code") var provinceCode: Int
    @Field(key: "commune_code") var communeCode: Int
    @Field(key: "year") var year: Int
    @Field(key: "criterion") var criterion: Int
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "content") var content: Data
    @OptionalField(key: "uploaded_by") var uploadedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// What the assessment page lists under a criterion (the content is read only on download).
struct EvidenceLink: Encodable {
    var name: String
    var href: String
    var size: String
    /// Where the commune removes a file attached by mistake.
    var removeAction: String
}

extension ChildFriendlyService {
    /// The files of an assessment by criterion, without their content.
    func evidence(communeCode: Int, year: Int) async throws -> [Int: [EvidenceLink]] {
        let records = try await AssessmentEvidenceRecord.query(on: database).filter(\.$communeCode == communeCode)
            .filter(\.$year == year).sort(\.$createdAt)
            .field(\.$id).field(\.$criterion).field(\.$fileName).field(\.$size).all()
        return Dictionary(grouping: records, by: \.criterion).mapValues { files in
            files.compactMap { file in
                guard let id = file.id else { return nil }
                return EvidenceLink(
                    name: file.fileName,
                    href: SiteURL.childFriendly(
                        .evidenceFile(.value(communeCode), year: .value(year), file: .value(id))
                    )
                    .path,
                    size: String(format: "%.1f MB", Double(file.size) / 1_048_576),
                    removeAction: SiteURL.childFriendly(
                        .removeEvidence(.value(communeCode), year: .value(year), file: .value(id))
                    ).path)
            }
        }
    }

    /// Attaches a file while the commune may still change its assessment; refused with the limit named.
    func attach(fileName: String, data: Data, criterion: Int, communeCode: Int, year: Int) async throws {
        guard principal.jurisdiction.level == .commune else { throw ChildFriendlyError.communeOnly }
        let loaded = try await load(communeCode: communeCode, year: year)
        guard loaded.status.editableByCommune else { throw ChildFriendlyError.notEditable }
        guard loaded.set.criterion(criterion) != nil else { throw TreError.notFound }
        let already = try await AssessmentEvidenceRecord.query(on: database).filter(\.$communeCode == communeCode)
            .filter(\.$year == year).count()
        let name = VietnameseText.normalized((fileName as NSString).lastPathComponent)
        let kind = try EvidenceRule.check(
            fileName: name, size: data.count, head: Array(data.prefix(8)), filesAlready: already
        ).get()
        let record = AssessmentEvidenceRecord()
        record.provinceCode = loaded.commune.provinceCode
        record.communeCode = communeCode
        record.year = year
        record.criterion = criterion
        record.fileName = name
        record.contentType = kind.contentType
        record.size = data.count
        record.content = data
        record.uploadedBy = principal.userID
        try await database.writeTransaction { database in
            try await record.create(on: database)
            try await AuditLog.record(
                [
                    AuditEvent(
                        action: "child_friendly.evidence_attached", recordType: "friendly_assessment",
                        recordID: "\(communeCode)-\(year)",
                        jurisdiction: .commune(provinceCode: loaded.commune.provinceCode, communeCode: communeCode),
                        details: "criterion=\(criterion);file=\(name);bytes=\(data.count)")
                ], by: actor, on: database)
        }
    }

    /// Removes a file while the commune may still change its assessment.
    func detach(_ id: UUID, communeCode: Int, year: Int) async throws {
        guard principal.jurisdiction.level == .commune else { throw ChildFriendlyError.communeOnly }
        let loaded = try await load(communeCode: communeCode, year: year)
        guard loaded.status.editableByCommune else { throw ChildFriendlyError.notEditable }
        let record = try await evidenceFile(id, communeCode: communeCode, year: year)
        try await database.writeTransaction { database in
            try await record.delete(on: database)
            try await AuditLog.record(
                [
                    AuditEvent(
                        action: "child_friendly.evidence_removed", recordType: "friendly_assessment",
                        recordID: "\(communeCode)-\(year)",
                        jurisdiction: .commune(provinceCode: loaded.commune.provinceCode, communeCode: communeCode),
                        details: "criterion=\(record.criterion);file=\(record.fileName)")
                ], by: actor, on: database)
        }
    }

    /// A file of an assessment the principal may see.
    func evidenceFile(_ id: UUID, communeCode: Int, year: Int) async throws -> AssessmentEvidenceRecord {
        _ = try await load(communeCode: communeCode, year: year)  // 404 outside the jurisdiction
        guard let record = try await AssessmentEvidenceRecord.find(id, on: database),
            record.communeCode == communeCode, record.year == year
        else { throw TreError.notFound }
        return record
    }
}

extension ChildFriendlyController {
    struct EvidenceUpload: Content {
        var criterion: Int?
        var file: File?
    }

    @Sendable func attachEvidence(_ request: Request) async throws -> Response {
        let (commune, year) = try place(request)
        let upload = try request.content.decode(EvidenceUpload.self)
        return try await submitting(request, commune: commune, year: year, done: .attached) {
            guard let file = upload.file, let criterion = upload.criterion else {
                throw ChildFriendlyError.evidenceMissing
            }
            try await service(request).attach(
                fileName: file.filename, data: Data(buffer: file.data), criterion: criterion, communeCode: commune,
                year: year)
        }
    }

    @Sendable func removeEvidence(_ request: Request) async throws -> Response {
        let (commune, year) = try place(request)
        guard let id = request.parameters.get("file", as: UUID.self) else { throw TreError.notFound }
        return try await submitting(request, commune: commune, year: year, done: .removed) {
            try await service(request).detach(id, communeCode: commune, year: year)
        }
    }

    @Sendable func downloadEvidence(_ request: Request) async throws -> Response {
        let (commune, year) = try place(request)
        guard let id = request.parameters.get("file", as: UUID.self) else { throw TreError.notFound }
        let record = try await service(request).evidenceFile(id, communeCode: commune, year: year)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: record.contentType)
        let encoded = record.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(encoded)")
        return Response(status: .ok, headers: headers, body: .init(data: record.content))
    }
}
