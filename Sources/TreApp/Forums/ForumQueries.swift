import Fluent
import Foundation
import TreDomain

/// Forums and questions inside a jurisdiction, filtered; nothing outside it is ever fetched.
enum ForumQueries {
    /// The year, the commune searched for, and only forums whose report is overdue or only questions past
    /// due and unanswered.
    typealias Filter = RegisterFilter

    static func forums(_ filter: Filter, in jurisdiction: Jurisdiction, on database: any Database) async throws
        -> QueryBuilder<ChildrenForumRecord>
    {
        let query = CommuneScope.records(ChildrenForumRecord.self, in: jurisdiction, on: database)
        if let year = filter.year {
            let bounds = CommuneScope.yearBounds(year)
            query.filter(\.$date >= bounds.first).filter(\.$date <= bounds.last)
        }
        if filter.overdue {
            query.filter(\.$reportSubmittedOn == nil).filter(\.$reportDue < VietnamDay.containing(Date()).description)
        }
        if !filter.q.isEmpty {
            query.filter(\.$communeCode ~~ (try await CommuneScope.communeCodes(matching: filter.q, on: database)))
        }
        return query.sort(\.$date, .descending).sort(\.$id)
    }

    static func questions(_ filter: Filter, in jurisdiction: Jurisdiction, on database: any Database) async throws
        -> QueryBuilder<ForumQuestionRecord>
    {
        let query = CommuneScope.records(ForumQuestionRecord.self, in: jurisdiction, on: database)
        if let year = filter.year {
            let bounds = CommuneScope.yearBounds(year)
            query.filter(\.$due >= bounds.first).filter(\.$due <= bounds.last)
        }
        if filter.overdue {
            query.filter(\.$answeredOn == nil).filter(\.$due < VietnamDay.containing(Date()).description)
        }
        if !filter.q.isEmpty {
            query.filter(\.$communeCode ~~ (try await CommuneScope.communeCodes(matching: filter.q, on: database)))
        }
        return query.sort(\.$due).sort(\.$id)
    }
}

extension ForumQueries {
    /// One forum with its questions, if the reader may see it; not found otherwise.
    struct ForumFile {
        var forum: ChildrenForumRecord
        var commune: String
        var questions: [ForumQuestionRecord]
    }

    static func forum(_ id: UUID?, for principal: Principal, on database: any Database) async throws
        -> ChildrenForumRecord
    {
        guard let id,
            let forum = try await CommuneScope.find(ChildrenForumRecord.self, id, for: principal, on: database)
        else { throw TreError.notFound }
        return forum
    }

    static func file(of forum: ChildrenForumRecord, on database: any Database) async throws -> ForumFile {
        let names = try await CommuneScope.names(of: [forum.communeCode], on: database)
        let questions = try await ForumQuestionRecord.query(on: database).filter(\.$forum.$id == forum.requireID())
            .sort(\.$due).sort(\.$createdAt).all()
        return ForumFile(forum: forum, commune: names[forum.communeCode] ?? "", questions: questions)
    }
}
