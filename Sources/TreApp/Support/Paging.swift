import Vapor

/// `?page=&per=` read leniently: a missing or silly value falls back to the first page of 50.
struct Paging: Sendable {
    var page: Int
    var per: Int

    static let maximumPerPage = 200

    init(_ request: Request) {
        page = max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)
        per = min(Self.maximumPerPage, max(1, (try? request.query.get(Int.self, at: "per")) ?? 50))
    }

    func pageCount(total: Int) -> Int { max(1, (total + per - 1) / per) }
}
