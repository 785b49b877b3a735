import Fluent
import Vapor

/// `?page=&per=` read leniently: a missing or silly value falls back to the first page of 50, and a page past
/// `maximumPage` is read as the last one allowed, so `(page - 1) * per` can never overflow. The API is stricter:
/// its contract (and `ContractQueryMiddleware`) refuses a page or size out of these bounds before it gets here.
struct Paging: Sendable {
    var page: Int
    var per: Int

    static let maximumPerPage = 200
    static let defaultPerPage = 50
    /// A million rows of 200 is further than any list of Tre goes; bounded so offsets stay small numbers.
    static let maximumPage = 100_000

    init(_ request: Request) {
        self.init(
            page: (try? request.query.get(Int.self, at: "page")) ?? 1,
            per: (try? request.query.get(Int.self, at: "per")) ?? Self.defaultPerPage)
    }

    init(page: Int, per: Int) {
        self.page = min(Self.maximumPage, max(1, page))
        self.per = min(Self.maximumPerPage, max(1, per))
    }

    /// The rows of this page, as a range of offsets.
    var range: Range<Int> { (page - 1) * per..<page * per }

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
    /// How many match, and the records of the requested page. The query itself is left as it was, so that
    /// totals taken from it afterwards count every match, not the page (whose offset leaves an aggregate no row).
    func page(_ paging: Paging) async throws -> (total: Int, items: [Model]) {
        let total = try await copy().count()
        return (total, try await copy().range(paging.range).all())
    }
}
