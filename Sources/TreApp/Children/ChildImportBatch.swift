import Fluent
import Foundation

/// An uploaded file waiting between its preview and its commit. Kept in the database (not on one app
/// node's disk) so that any node can commit it; removed once committed.
final class ChildImportBatch: Model, @unchecked Sendable {
    static let schema = "child_import_batches"
    /// A preview older than this must be uploaded again.
    static let lifetime: TimeInterval = 24 * 3600

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @OptionalField(key: "default_commune") var defaultCommune: Int?
    @Field(key: "file_name") var fileName: String
    @Field(key: "content") var content: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, defaultCommune: Int?, fileName: String, content: String) {
        self.userID = userID
        self.defaultCommune = defaultCommune
        self.fileName = fileName
        self.content = content
    }
}

struct CreateChildImportBatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ChildImportBatch.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("default_commune", .int)
            .field("file_name", .string, .required)
            .field("content", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChildImportBatch.schema).delete()
    }
}
