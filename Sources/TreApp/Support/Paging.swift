import Fluent
import Vapor

/// `?page=&per=` read leniently: a missing or silly value falls back to the first page of 50.
struct Paging: Sendable {
    var page: Int
    var per: Int

    static let maximumPerPage = 200
    static let defaultPerPage = 50

    init(_ request: Request) {
        page = max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)
        per = min(Self.maximumPerPage, max(1, (try? request.query.get(Int.self, at: "per")) ?? Self.defaultPerPage))
    }

    func pageCount(total: Int) -> Int { max(1, (total + per - 1) / per) }
}

/// The pager under a list: counts and the links to the neighbouring pages, keeping the search.
struct PagerModel: Encodable {
    var total: Int
    /// The count stopped at `total`: more match (the page says so and asks for more of the name).
    var totalIsCapped: Bool
    var page: Int
    var pageCount: Int
    var previousHref: String?
    var nextHref: String?

    init(_ paging: Paging, total: Int, path: String, query: [String: String], totalIsCapped: Bool = false) {
        self.total = total
        self.totalIsCapped = totalIsCapped
        page = paging.page
        pageCount = paging.pageCount(total: total)
        var query = query
        if paging.per != Paging.defaultPerPage { query["per"] = String(paging.per) }
        func link(_ page: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems =
                query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
                + [URLQueryItem(name: "page", value: String(page))]
            return components.string ?? path
        }
        previousHref = paging.page > 1 ? link(paging.page - 1) : nil
        nextHref = paging.page < pageCount ? link(paging.page + 1) : nil
    }
}

extension QueryBuilder {
    /// How many match, and the records of the requested page.
    func page(_ paging: Paging) async throws -> (total: Int, items: [Model]) {
        let total = try await copy().count()
        return (total, try await range((paging.page - 1) * paging.per..<paging.page * paging.per).all())
    }
}
