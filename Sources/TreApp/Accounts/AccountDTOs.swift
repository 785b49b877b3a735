import Foundation
import TreDomain
import Vapor

/// An account as the API and the export show it: never the password hash or lockout counters.
struct AccountDTO: Content {
    var id: UUID
    var username: String
    var fullName: String
    var role: String
    var provinceCode: Int?
    var communeCode: Int?
    var disabled: Bool
    var mustChangePassword: Bool

    init(_ account: UserAccount) throws {
        id = try account.requireID()
        username = account.username
        fullName = account.fullName
        role = account.role
        provinceCode = account.provinceCode
        communeCode = account.communeCode
        disabled = account.disabled
        mustChangePassword = account.mustChangePassword
    }
}

struct CreateAccountRequest: Content {
    var username: String
    var password: String
    var fullName: String
    var role: String
    var provinceCode: Int?
    var communeCode: Int?

    func newAccount() throws -> NewAccount {
        guard let role = Role(rawValue: role) else { throw UnknownRole(value: role) }
        return NewAccount(
            username: username, password: password, fullName: fullName, role: role, provinceCode: provinceCode,
            communeCode: communeCode)
    }
}

struct UnknownRole: LocalizedFailure {
    var value: String
    var code: String { "unknown_role" }
    var message: LocalizedText {
        let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
        return LocalizedText(
            vi: "Vai trò \"\(value)\" không tồn tại. Các vai trò: \(known).",
            en: "There is no role \"\(value)\". Roles: \(known).")
    }
}

struct PageDTO<Item: Content>: Content {
    var items: [Item]
    var total: Int
    var page: Int
    var per: Int
    /// True when `total` is a lower bound (see `ChildQueries.Page`); left out otherwise.
    var totalCapped: Bool? = nil
}
