import Fluent
import Foundation
import Vapor

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
    /// (checking →) previewed → running → done or failed.
    @Field(key: "status") var status: String
    @Field(key: "row_count") var rowCount: Int
    @OptionalField(key: "failure") var failure: String?
    /// What the preview said the import would do (`ImportCheck.plan`).
    @OptionalField(key: "plan") var plan: String?
    /// A large file's preview, in each language, once its check in the background has ended (JSON).
    @OptionalField(key: "preview") var preview: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    enum Status: String {
        case checking, previewed, running, done, failed
    }

    init() {}

    /// An import runs on the node that started it; when Tre starts, one still "running" was cut off by a stop or
    /// crash, and what it had written is undone (`ChildImportRollback.undoInterrupted`).
    /// Marked failed so its progress page ends and tells the person to upload again.
    static func markInterrupted(on database: any Database) async throws {
        try await ChildImportBatch.query(on: database)
            .filter(\.$status ~~ [Status.running.rawValue, Status.checking.rawValue])
            .set(\.$status, to: Status.failed.rawValue).set(\.$failure, to: "interrupted").update()
    }

    init(userID: UUID, defaultCommune: Int?, fileName: String, content: String) {
        self.userID = userID
        self.defaultCommune = defaultCommune
        self.fileName = fileName
        self.content = content
        self.status = Status.previewed.rawValue
        self.rowCount = 0
    }
}

/// How far a running import has come, kept in memory by the node that runs it (the database holds only
/// its start and end, so that progress writes never wait on the import's own transaction).
actor ImportProgress {
    private var done: [UUID: Int] = [:]

    func update(_ id: UUID, done count: Int) { done[id] = count }
    func done(_ id: UUID) -> Int? { done[id] }
    func finish(_ id: UUID) { done[id] = nil }
}

extension Application {
    private struct ImportProgressKey: StorageKey {
        typealias Value = ImportProgress
    }

    /// Files of more rows than this are checked in the background, their progress shown (lowered by tests).
    var importCheckInBackgroundAbove: Int {
        get { storage[ImportCheckInBackgroundKey.self] ?? 5_000 }
        set { storage[ImportCheckInBackgroundKey.self] = newValue }
    }

    private struct ImportCheckInBackgroundKey: StorageKey {
        typealias Value = Int
    }

    /// Created with the application (configure), so concurrent requests share one.
    var importProgress: ImportProgress {
        get { storage[ImportProgressKey.self] ?? ImportProgress() }
        set { storage[ImportProgressKey.self] = newValue }
    }
}
