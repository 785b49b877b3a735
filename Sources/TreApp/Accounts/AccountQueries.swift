import Fluent
import Foundation
import TreDomain

/// Account queries already limited to what a jurisdiction may see: nothing is fetched and filtered later.
enum AccountQueries {
    static func scoped(to jurisdiction: Jurisdiction, on database: any Database) -> QueryBuilder<UserAccount> {
        UserAccount.query(on: database).within(jurisdiction, province: \.$provinceCode, commune: \.$communeCode)
    }

    /// One page of accounts, optionally matching a search that ignores diacritics and case.
    static func page(
        in jurisdiction: Jurisdiction, search: String?, page: Int, per: Int, on database: any Database
    ) async throws -> (items: [UserAccount], total: Int) {
        let query = scoped(to: jurisdiction, on: database)
        if let search, !search.isEmpty {
            let folded = VietnameseText.folded(search)
            query.group(.or) { group in
                group.filter(\.$fullNameFolded ~~ folded).filter(\.$username ~~ folded)
            }
        }
        let total = try await query.count()
        let items = try await query.sort(\.$username).range(((page - 1) * per)..<(page * per)).all()
        return (items, total)
    }

    /// The accounts list page: one page of accounts and the names of the places they belong to.
    struct Listing {
        var items: [UserAccount]
        var total: Int
        var names: JurisdictionNames
    }

    static func listing(
        in jurisdiction: Jurisdiction, search: String, paging: Paging, on database: any Database
    ) async throws -> Listing {
        let found = try await page(in: jurisdiction, search: search, page: paging.page, per: paging.per, on: database)
        return Listing(
            items: found.items, total: found.total,
            names: try await JurisdictionNames.load(for: found.items.map(\.jurisdiction), on: database))
    }

    /// One account the reader may administer; outside the reader's jurisdiction it is not found.
    static func account(_ id: UUID?, within jurisdiction: Jurisdiction, on database: any Database) async throws
        -> UserAccount
    {
        guard let id, let account = try await scoped(to: jurisdiction, on: database).filter(\.$id == id).first()
        else { throw TreError.notFound }
        return account
    }

    /// A person's own sessions, most recently used first.
    static func sessions(of userID: UUID, on database: any Database) async throws -> [AccountSession] {
        try await AccountSession.query(on: database).filter(\.$user.$id == userID)
            .sort(\.$lastSeenAt, .descending).all()
    }

    /// The reader's own account; gone since the session began, the reader must sign in again.
    static func own(_ principal: Principal, on database: any Database) async throws -> UserAccount {
        guard let account = try await UserAccount.find(principal.userID, on: database) else {
            throw TreError.signInRequired
        }
        return account
    }
}
