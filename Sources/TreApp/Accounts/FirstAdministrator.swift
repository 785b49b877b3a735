import Fluent
import Foundation
import TreDomain

/// On the very first start, when there is no account at all, creates `admin` with the password from
/// `TRE_ADMIN_PASSWORD` or a random one. Either way it must be changed at first login.
enum FirstAdministrator {
    struct Created: Sendable {
        var username: String
        /// The generated password, to be printed once; nil when it came from the environment.
        var generatedPassword: String?
    }

    static func createIfNoAccounts(password: String?, hashing: PasswordHashing, on database: any Database) async throws
        -> Created?
    {
        guard try await UserAccount.query(on: database).count() == 0 else { return nil }
        let chosen = password ?? generatePassword()
        let service = AccountService(database: database, hashing: hashing)
        _ = try await service.create(
            NewAccount(
                username: "admin", password: chosen, fullName: "Quản trị hệ thống", role: .admin, provinceCode: nil,
                communeCode: nil, mustChangePassword: true),
            by: .system("first-start"))
        return Created(username: "admin", generatedPassword: password == nil ? chosen : nil)
    }

    /// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I), easy to read off a console.
    static func generatePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<16).map { _ in alphabet.randomElement() ?? "x" })
    }
}
