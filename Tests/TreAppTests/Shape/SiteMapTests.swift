import Foundation
import Testing
import Vapor

@testable import TreApp

/// Every route is registered from the site map, and no Swift file outside it writes an address by hand, so
/// a route and the links to it cannot drift apart.
@Suite struct SiteMapTests {
    @Test func everyRouteIsRegisteredFromTheSiteMapWithItsAccess() async throws {
        try await withTreApp { app in
            #expect(app.routes.all.count > 100)
            for route in app.routes.all {
                let place = RouteAccess.place(of: route)
                #expect(place != nil, "\(route.method) \(route.path.string) is not registered from the site map")
                #expect(RouteAccess.of(route) != nil, "\(route.method) \(route.path.string) declares no access")
                if let place {
                    #expect(place.pathComponents.map(\.description) == route.path.map(\.description))
                }
            }
        }
    }

    @Test func aLinkFillsThePlacesValuesAndARouteItsParameters() {
        let id = UUID()
        #expect(SiteURL.children(.show(.value(id))).path == "/children/\(id.uuidString)")
        #expect(SiteURL.children(.show(.pattern)).pathComponents.map(\.description) == ["children", ":id"])
        #expect(SiteURL.children(.api(.list)).path == "/api/v1/children")
        #expect(
            SiteURL.children(.export).link(["q": "Đào", "communeCode": "4"])
                == "/children.csv?communeCode=4&q=%C4%90%C3%A0o")
        #expect(SiteURL.home.path == "/")
    }

    @Test func noSwiftFileOutsideTheSiteMapWritesAnAddress() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/TreApp")
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var found: [String] = []
        // The XLSX writer names the parts inside a workbook ("/xl/workbook.xml"), and PeakMemory reads the
        // system's "/proc/self/status": neither is one of Tre's addresses.
        let outside = ["SiteMap.swift", "XLSXDownload.swift", "PeakMemory.swift"]
        let mapped = files.filter {
            !$0.lastPathComponent.hasSuffix("URL.swift") && !outside.contains($0.lastPathComponent)
        }
        for file in mapped {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: .newlines)
            for (number, line) in lines.enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                // An address in a string literal ("/cases/…"), or a route registered from path pieces.
                if code.contains(#/"/[a-z]/#) || code.contains(#/\b(routes|app|api)\.(get|post|put|patch|delete)\("/#) {
                    found.append("\(file.lastPathComponent):\(number + 1): \(code)")
                }
            }
        }
        #expect(found.isEmpty, "addresses outside the site map:\n\(found.joined(separator: "\n"))")
    }
}
