import Fluent
import Foundation
import TreDomain
import Vapor

/// A flag on a caller identifier, until its expiry date.
final class CallerFlag: Model, @unchecked Sendable {
    static let schema = "caller_flags"

    @ID(key: .id) var id: UUID?
    @Field(key: "caller_identifier") var callerIdentifier: String
    @Field(key: "kind") var kind: String
    @Field(key: "note") var note: String
    /// `YYYY-MM-DD`, the last day it shows.
    @Field(key: "expires_on") var expiresOn: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// The flags of an identifier still in force today.
    static func active(for identifier: String, on database: any Database) async throws -> [CallerFlag] {
        guard !identifier.isEmpty else { return [] }
        return try await query(on: database).filter(\.$callerIdentifier == identifier)
            .filter(\.$expiresOn >= VietnamDay.containing(Date()).description).sort(\.$expiresOn).all()
    }
}

extension ContactService {
    static let badFlag = TreError(
        status: .unprocessableEntity, code: "invalid_flag",
        message: LocalizedText(
            vi: "Chọn loại đánh dấu và ngày hết hạn (từ hôm nay trở đi).",
            en: "Choose the kind of flag and an expiry date from today on."))

    func flag(_ contact: HotlineContact, kind: String, note: String, expiresOn: String) async throws -> CallerFlag {
        guard !contact.callerIdentifier.isEmpty, let kind = CallerFlagKind(rawValue: kind),
            let expiry = CivilDate(written: expiresOn), expiry >= VietnamDay.containing(Date())
        else { throw Self.badFlag }
        return try await database.writeTransaction { database in
            let flag = CallerFlag()
            flag.callerIdentifier = contact.callerIdentifier
            flag.kind = kind.rawValue
            flag.note = VietnameseText.normalized(note)
            flag.expiresOn = expiry.description
            flag.createdBy = principal.fullName
            try await flag.create(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "caller.flagged", recordType: "contact", recordID: contact.id?.uuidString,
                    jurisdiction: .nation, details: "kind=\(kind.rawValue) until=\(expiry)"),
                by: actor, on: database)
            return flag
        }
    }
}
