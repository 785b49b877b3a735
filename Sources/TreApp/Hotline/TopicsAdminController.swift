import Fluent
import Foundation
import TreDomain
import Vapor

/// `/admin/topics`: the hotline taxonomy by version. An administrator adds topics and retires them;
/// codes never change, so figures stay comparable across versions.
struct TopicsAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("admin", "topics", access: .permission(.manageReferenceData), use: list)
        routes.post("admin", "topics", access: .permission(.manageReferenceData), use: add)
        routes.post("admin", "topics", ":code", "retire", access: .permission(.manageReferenceData), use: retire)
    }

    struct Row: Encodable {
        var category: String
        var code: String
        var name: String
        var abuseForm: String
        var version: Int
        var retiredIn: Int?
        var retireAction: String?
    }

    struct ListPage: Encodable {
        var version: Int
        var rows: [Row]
        var categories: [Choice]
        var abuseForms: [Choice]
        var error: String?
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, error: nil)
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        struct Form: Content {
            var category: String?
            var suffix: String?
            var nameVi: String?
            var nameEn: String?
            var abuseForm: String?
        }
        let form = try request.content.decode(Form.self)
        let topics = try await ContactTopicRecord.query(on: request.db).all()
        do {
            let code = try ContactTopicRules.newCode(
                category: form.category ?? "", suffix: form.suffix ?? "", existing: Set(topics.map(\.code)),
                categories: Set(topics.map(\.categoryCode)))
            let name = VietnameseText.normalized(form.nameVi ?? "")
            guard !name.isEmpty else {
                throw ContactTopicRules.Refusal(
                    message: LocalizedText(vi: "Cần ghi tên chủ đề.", en: "Give the topic a name."))
            }
            guard let sibling = topics.first(where: { $0.categoryCode == form.category }) else {
                throw TreError.notFound
            }
            let version = Self.currentVersion(topics) + 1
            try await request.db.writeTransaction { database in
                let topic = ContactTopicRecord()
                topic.code = code
                topic.categoryCode = sibling.categoryCode
                topic.categoryVI = sibling.categoryVI
                topic.categoryEN = sibling.categoryEN
                topic.nameVI = name
                topic.nameEN = VietnameseText.normalized(form.nameEn ?? "").isEmpty ? name : form.nameEn ?? name
                topic.abuseForm = AbuseForm(rawValue: form.abuseForm ?? "")?.rawValue
                topic.version = version
                try await topic.create(on: database)
                try await AuditLog.record(
                    AuditEvent(
                        action: "topic.added", recordType: "contact_topic", recordID: code, jurisdiction: .nation,
                        details: "version=\(version)"),
                    by: request.auditActor(), on: database)
            }
            return request.redirect(to: "/admin/topics")
        } catch let failure as any LocalizedFailure {
            return try await render(request, error: failure.message(request.language), status: .unprocessableEntity)
        }
    }

    @Sendable func retire(_ request: Request) async throws -> Response {
        guard let code = request.parameters.get("code"),
            let topic = try await ContactTopicRecord.query(on: request.db).filter(\.$code == code).first()
        else { throw TreError.notFound }
        guard topic.retiredIn == nil else { return request.redirect(to: "/admin/topics") }
        let topics = try await ContactTopicRecord.query(on: request.db).all()
        let version = Self.currentVersion(topics) + 1
        try await request.db.writeTransaction { database in
            topic.retiredIn = version
            try await topic.update(on: database)
            try await AuditLog.record(
                AuditEvent(
                    action: "topic.retired", recordType: "contact_topic", recordID: code, jurisdiction: .nation,
                    details: "version=\(version)"),
                by: request.auditActor(), on: database)
        }
        return request.redirect(to: "/admin/topics")
    }

    /// The taxonomy's version: the last one in which a topic was added or retired.
    static func currentVersion(_ topics: [ContactTopicRecord]) -> Int {
        topics.map { max($0.version, $0.retiredIn ?? 0) }.max() ?? 0
    }

    private func render(_ request: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let topics = try await ContactTopicRecord.query(on: request.db).sort(\.$code).all()
        var categories: [Choice] = []
        for topic in topics where !categories.contains(where: { $0.value == topic.categoryCode }) {
            categories.append(
                Choice(
                    value: topic.categoryCode, label: language == .vi ? topic.categoryVI : topic.categoryEN,
                    selected: false))
        }
        let page = ListPage(
            version: Self.currentVersion(topics),
            rows: topics.map {
                Row(
                    category: language == .vi ? $0.categoryVI : $0.categoryEN, code: $0.code,
                    name: language == .vi ? $0.nameVI : $0.nameEN,
                    abuseForm: $0.abuseForm.flatMap(AbuseForm.init(rawValue:))?.label(language) ?? "",
                    version: $0.version, retiredIn: $0.retiredIn,
                    retireAction: $0.retiredIn == nil ? "/admin/topics/\($0.code)/retire" : nil)
            },
            categories: categories,
            abuseForms: Choice.list(AbuseForm.self, selected: nil, language: language) { $0.label },
            error: error)
        return try await request.render(
            "admin/topics", title: UIStrings.text("contactTopics", language), page, status: status)
    }
}
