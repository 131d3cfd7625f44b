import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

/// Raw HTML through a whole build: safe mode's warnings are positioned in the file, do not fail
/// the build and come back from the build cache; `<img src>` is checked like a Markdown image.
@Suite struct RawHTMLBuildTests {
    static let body = "Intro.\n\n<iframe src=\"https://x.org\"></iframe>\n\nPress <kbd onclick=x>K</kbd> <iframe></iframe> <img src=\"../logo.svg\" alt=L>\n"

    static let files: [String: String] = [
        "content/_index.md": page("Home"),
        "content/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/guide/_index.md": page("Guide"),
        "content/guide/a.md": page("A", extra: "description: d\n", body),
        "content/guide/b.md": page("B"),
    ]

    static func rawHTMLWarnings(_ result: BuildResult) -> [String] {
        result.diagnostics.filter { $0.code == "markdown/raw-html" }.map(\.description)
    }

    @Test func droppedHTMLIsWarnedAboutAtItsPlaceInTheFile() throws {
        let result = try FixtureSite(Self.files).build(write: false)
        #expect(result.succeeded, "\(result.diagnostics)")
        let hint = "\n    hint: raw HTML outside the allow-list (br, img, kbd, sup, sub, details, summary) is dropped in safe mode; "
            + "set `markdown: { unsafe: true }` in playbook.yml to keep it, if you trust every writer"
        // The front matter is four lines: body line 3 is line 7 of the file.
        #expect(
            Self.rawHTMLWarnings(result) == [
                "content/guide/a.md:7:1: warning: raw HTML <iframe> dropped [markdown/raw-html]" + hint,
                "content/guide/a.md:9:12: warning: attribute onclick on <kbd> dropped [markdown/raw-html]" + hint,
            ])
        let html = try #require(FixtureSite.text(result, "guide/a/index.html"))
        #expect(html.contains("<p>Press <kbd>K</kbd>  <img src=\"/logo.svg\" alt=\"L\"></p>"))
        #expect(!html.contains("<iframe"))
    }

    @Test func anImageSourceIsCheckedLikeAMarkdownImage() throws {
        let site = try FixtureSite(Self.files.merging(["content/guide/b.md": page("B", "x\n<img src=\"../nope.png\">\n")]) { $1 })
        let result = try site.build(write: false)
        let broken = result.diagnostics.filter { $0.code == "link/broken" }.map(\.description)
        #expect(broken.count == 1)
        #expect(broken.first?.hasPrefix("content/guide/b.md:5:6: error: broken image: '../nope.png'") == true, "\(broken)")
    }

    @Test func aCachedRebuildRepeatsTheWarnings() throws {
        let site = try FixtureSite(Self.files)
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        let first = try SiteBuilder(options: options).build()
        #expect(Self.rawHTMLWarnings(first).count == 2)
        let second = try SiteBuilder(options: options).build()
        #expect(second.upToDate != nil)
        #expect(second.diagnostics == first.diagnostics)
        // Another page edited: the page with the HTML comes from the cache, its warnings too.
        try site.write("content/guide/b.md", page("B", "Edited.\n"))
        let third = try SiteBuilder(options: options).build()
        #expect(third.upToDate == nil)
        #expect(Self.rawHTMLWarnings(third) == Self.rawHTMLWarnings(first))
    }

    @Test func unsafeModeKeepsTheHTMLWithoutWarningsAndRewritesItsLinks() throws {
        let site = try FixtureSite(
            Self.files.merging([
                "playbook.yml": "markdown:\n  unsafe: true\n",
                "content/guide/b.md": page("B", "<a href=\"a.md\" class=k>to a</a> <a href=\"missing.md\">m</a>\n"),
            ]) { $1 })
        let result = try site.build(write: false)
        #expect(Self.rawHTMLWarnings(result).isEmpty)
        let html = try #require(FixtureSite.text(result, "guide/b/index.html"))
        #expect(html.contains("<a href=\"/guide/a/\" class=k>to a</a>"))
        #expect(result.diagnostics.filter { $0.code == "link/broken" }.map(\.location.description) == ["content/guide/b.md:4:36"])
        let a = try #require(FixtureSite.text(result, "guide/a/index.html"))
        #expect(a.contains("<iframe src=\"https://x.org\"></iframe>"))
    }
}
