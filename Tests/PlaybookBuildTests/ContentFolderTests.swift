import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookRender
import PlaybookTesting
import Testing

/// `content:` in `playbook.yml`: the pages are read from the folder it names (a site moved in
/// from MkDocs keeps `docs/`), positions name that folder, and the build cache follows it.
@Suite struct ContentFolderTests {
    static let files: [String: String] = [
        "playbook.yml": "title: Docs\ncontent: docs\n",
        "docs/_index.md": page("Home", extra: "order: [b.md, a.md]\n", "[to a](a.md)\n"),
        "docs/a.md": page("A"),
        "docs/b.md": page("B"),
        "docs/guide/c.md": page("C"),
    ]

    func cachedBuild(_ site: FixtureSite) throws -> BuildResult {
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        return try SiteBuilder(options: options).build()
    }

    @Test func aSiteWithContentDocsBuildsFromDocs() throws {
        let site = try FixtureSite(Self.files)
        let result = try site.build(write: false)
        #expect(result.succeeded, "\(result.diagnostics.map(\.description))")
        #expect(result.pagesInNavigation.map(\.title) == ["Home", "B", "A", "Guide", "C"])
        #expect(result.site.pages.first { $0.title == "A" }?.displayPath == "docs/a.md")
    }

    @Test func problemsNameTheConfiguredFolderAtTheirLine() throws {
        var files = Self.files
        files["docs/a.md"] = page("A", "[gone](missing.md)\n")
        let site = try FixtureSite(files)
        let result = try site.build(write: false)
        let printed = result.diagnostics.map(\.description)
        #expect(printed.contains { $0.hasPrefix("docs/a.md:4:1: error: broken link") }, "\(printed)")
    }

    @Test func aContentValueOutsideTheSiteIsAnErrorAtItsLine() {
        for value in ["../elsewhere", "/abs", ".hidden", "templates", "a/../b"] {
            let (config, problems) = SiteConfig.parse("title: T\ncontent: \(value)\n", file: "playbook.yml")
            #expect(config.contentFolder == "content")
            #expect(problems.map(\.description).first?.hasPrefix("playbook.yml:2:10: error:") == true, "\(value): \(problems)")
        }
        #expect(SiteConfig.parse("content: src/\n", file: "playbook.yml").0.contentFolder == "src")
    }

    @Test func theCacheFollowsTheConfiguredFolder() throws {
        let site = try FixtureSite(Self.files)
        #expect(try cachedBuild(site).succeeded)
        #expect(try cachedBuild(site).upToDate != nil)
        try site.write("docs/a.md", page("A again"))
        let third = try cachedBuild(site)
        #expect(third.succeeded && third.upToDate == nil)
        #expect(third.site.pages.map(\.title).contains("A again"))
    }

    @Test func thePreviewsQuickPathReadsTheConfiguredFolder() throws {
        let site = try FixtureSite(Self.files)
        let session = BuildSession.preview(of: site.root)
        _ = try session.build(changed: nil)
        try site.write("docs/a.md", page("A", "A new body.\n"))
        let edited = try session.build(changed: ["docs/a.md"])
        // The quick path names the files it changed; the full path, which a page it could not
        // read again sends it to, names none.
        #expect(edited.changedFiles?.contains("a/index.html") == true)
        #expect(FixtureSite.text(edited, "a/index.html")?.contains("A new body.") == true)
    }
}
