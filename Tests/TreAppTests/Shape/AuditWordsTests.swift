import Foundation
import Testing
import TreDomain

@testable import TreApp

/// Whatever Tre writes into the audit trail can be read in words, in both languages.
@Suite struct AuditWordsTests {
    @Test func everyActionTreRecordsHasWordsInBothLanguages() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/TreApp")
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var codes = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: #/(?:action: |event\([a-z]+, )"([a-z_]+\.[a-z_]+)"/#) {
                codes.insert(String(match.output.1))
            }
        }
        #expect(codes.count > 40, "the scan finds the actions")
        // Actions written with a step, a report's status or an assessment's outcome in them.
        codes.formUnion(CaseStepKind.allCases.map { "case.\($0.rawValue)" })
        codes.formUnion(PeriodicReportStatus.allCases.map { "indicators.report_\($0.rawValue)" })
        codes.formUnion(
            ["saved", "submitted", "returned", "recognised", "refused", "appraised"].map { "child_friendly.\($0)" })
        let speechless = codes.filter { code in
            Language.allCases.contains { AuditWords.action(code, $0) == code || AuditWords.action(code, $0).isEmpty }
        }
        #expect(speechless.isEmpty, "actions without words: \(speechless.sorted())")
    }

    @Test func anUnknownCodeShowsAsItself() {
        #expect(AuditWords.action("something.new", .vi) == "something.new")
        #expect(AuditWords.recordType("thing", .en) == "thing")
        #expect(AuditWords.action("case.initial-assessment", .vi).contains("Mẫu 02"))
    }
}
