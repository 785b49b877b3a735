import Foundation
import Testing
import VaporTesting

@testable import TreApp

/// A commune officer of Phường Ba Đình on the import's page, as the import tests start.
func importingOfficer(_ app: Application) async throws -> WebClient {
    try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
    let browser = WebClient(app)
    try await browser.signIn("xa4")
    try await browser.get("/children/import")
    return browser
}

/// The commit form's address on a preview page, if it offers one.
func importCommitAction(_ html: String) -> String? {
    html.range(of: #"action="/children/import/[0-9A-F-]+""#, options: .regularExpression)
        .map { String(html[$0].dropFirst(8).dropLast()) }
}

/// The import runs in the background; its page shows progress until it says it is done.
func importFinished(_ browser: WebClient, _ path: String) async throws -> Bool {
    for _ in 0..<200 {
        if try await browser.get(path).body.string.contains("Đã ghi xong tất cả các dòng.") { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return false
}
