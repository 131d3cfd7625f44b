import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import Testing

/// The shipped playbook builds with no error and no warning, and every page is reachable.
@Suite struct ShippedSiteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func buildsCleanly() throws {
        let result = try SiteBuilder(options: BuildOptions(source: Self.repository, output: nil)).build()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.files.count > 25)
        let home = result.files.first { $0.path == "index.html" }
        guard case .text(let html)? = home?.contents else {
            Issue.record("no index.html")
            return
        }
        for section in ["framework", "principles", "checklists", "stories", "plans"] {
            #expect(html.contains("href=\"/\(section)/\""), "the home page's navigation misses \(section)")
        }
    }

    @Test func everyPageIsInTheNavigationOfTheHomePage() throws {
        let result = try SiteBuilder(options: BuildOptions(source: Self.repository, output: nil)).build()
        guard case .text(let home)? = result.files.first(where: { $0.path == "index.html" })?.contents else {
            Issue.record("no index.html")
            return
        }
        let pages = result.files.map(\.path).filter { $0.hasSuffix("/index.html") }
        for path in pages {
            let url = "/" + path.dropLast("index.html".count)
            #expect(home.contains("href=\"\(url)\""), "\(url) is not reachable from the navigation")
        }
    }
}
