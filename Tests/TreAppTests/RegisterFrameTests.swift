import Foundation
import Testing
import VaporTesting

@testable import TreApp

/// The five registers and every question share one Leaf frame (`commune-work/register.leaf`): each list
/// page shows the frame's pieces named after the register, and its own fields, filters and table inside.
@Suite struct RegisterFrameTests {
    @Test func everyRegisterShowsTheSharedFrameAroundItsOwnPieces() async throws {
        try await withTreApp { app in
            try await makeAccount(app, "xa4", role: .communeOfficer, commune: Places.baDinh)
            let officer = WebClient(app)
            try await officer.signIn("xa4")
            let registers: [(path: String, name: String, item: String?, own: String)] = [
                ("/forums", "forums", "forum", #"id="belowMinimumReason""#),
                ("/forums/questions", "questions", nil, #"name="overdue""#),
                ("/campaigns", "campaigns", "campaign", #"id="budget""#),
                ("/inspections", "inspections", "inspection", #"name="violations""#),
                ("/injuries", "injuries", "injury", #"id="ageYears""#),
                ("/safety?year=2026", "safety", nil, "2026"),
            ]
            for register in registers {
                let page = try await officer.get(register.path)
                let html = page.body.string
                #expect(page.status == .ok, "\(register.path)")
                for piece in ["\(register.name)-table", "\(register.name)-csv", "filter-\(register.name)", "id=\"q\""] {
                    #expect(html.contains(piece), "\(register.path) shows \(piece)")
                }
                #expect(html.contains(register.own), "\(register.path) shows its own \(register.own)")
                #expect(!html.contains("#import") && !html.contains("#("), "\(register.path): nothing left unrendered")
                if let item = register.item {
                    #expect(html.contains("\(item)-form") && html.contains("save-\(item)"), "\(register.path)")
                } else {
                    #expect(!html.contains("<details"), "\(register.path) records nothing")
                }
            }
        }
    }
}
