import Foundation
import Testing
import TreDomain

@testable import TreApp

/// Every word a reader sees comes from the strings table, in the reader's one language, and every link from
/// the page model, built from the site map: a template holds neither a literal phrase nor a literal path.
@Suite struct TemplateTests {
    static let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/Views")

    static func templates() throws -> [(name: String, text: String)] {
        let files =
            FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" } ?? []
        return try files.map {
            (String($0.path.dropFirst(views.path.count + 1)), try String(contentsOf: $0, encoding: .utf8))
        }.sorted { $0.name < $1.name }
    }

    /// What is left of a template once its Leaf tags and its markup are taken away: the words it prints itself.
    static func literalWords(in template: String) -> [String] {
        var text = template
        // Leaf expressions and tags, with balanced parentheses one level deep: #(a.b), #if(x == "y"):, #endif
        let leaf = #"#[a-zA-Z]*(\((?:[^()]|\([^()]*\))*\))?:?"#
        text = text.replacingOccurrences(of: leaf, with: " ", options: .regularExpression)
        // Words shown through attributes a reader sees or hears (placeholder, title, aria-label, alt).
        var words: [String] = []
        let shown = #"(placeholder|title|aria-label|alt)="([^"]*)""#
        for match in text.matches(of: try! Regex(shown)) {
            if let value = match.output[2].substring { words.append(String(value)) }
        }
        text = text.replacingOccurrences(of: #"<script[\s\S]*?</script>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<style[\s\S]*?</style>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"&[a-z]+;"#, with: " ", options: .regularExpression)
        words += text.components(separatedBy: .newlines)
        // "Tre" is the product's name in both languages.
        return words.map { $0.replacingOccurrences(of: "Tre", with: "") }.filter {
            $0.unicodeScalars.contains { CharacterSet.letters.contains($0) }
        }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func noTemplatePrintsAPhraseOfItsOwn() throws {
        var found: [String] = []
        for (name, text) in try Self.templates() {
            found += Self.literalWords(in: text).map { "\(name): \($0)" }
        }
        #expect(found.isEmpty, "phrases outside the strings table:\n\(found.joined(separator: "\n"))")
    }

    @Test func noTemplateHoldsALiteralPath() throws {
        var found: [String] = []
        for (name, text) in try Self.templates() {
            for match in text.matches(of: try Regex(#"(href|action|src)="/[^"]*""#)) {
                found.append("\(name): \(text[match.range])")
            }
        }
        #expect(found.isEmpty, "literal paths in templates:\n\(found.joined(separator: "\n"))")
    }

    /// A word a template asks for that the table lacks renders as nothing: a button without text.
    @Test func everyWordATemplateAsksForIsInTheStringsTableInBothLanguages() throws {
        var missing: [String] = []
        for (name, text) in try Self.templates() {
            for match in text.matches(of: #/layout\.t\.(\w+)/#) {
                let key = String(match.output.1)
                guard let words = UIStrings.all[key], !words.vi.isEmpty, !words.en.isEmpty else {
                    missing.append("\(name): \(key)")
                    continue
                }
            }
        }
        #expect(missing.isEmpty, "words missing from the strings table:\n\(missing.joined(separator: "\n"))")
    }

    @Test func theCheckFindsWhatItLooksFor() {
        #expect(Self.literalWords(in: #"<p>#(layout.t.saved)</p>"#).isEmpty)
        #expect(Self.literalWords(in: #"<p>#if(a == "b"):#(x)#endif · 3</p>"#).isEmpty)
        #expect(Self.literalWords(in: "<th>Mã xã / Commune code</th>") == ["Mã xã / Commune code"])
        #expect(Self.literalWords(in: #"<input placeholder="Tìm kiếm">"#) == ["Tìm kiếm"])
    }
}
