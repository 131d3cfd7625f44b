import Foundation
@testable import PlaybookBuild
import PlaybookModel
import PlaybookTesting
import Testing

/// The sidebar split in two scripts: `assets/nav/index-top.js`, which every page loads first,
/// holds what all sections share (the closed top-level entries), and a section's script only its
/// own open entry. The sidebar a page shows must be the one NavigationCache renders whole for its
/// section, byte for byte, whatever the template; a template that cannot be split keeps one
/// script per section with the whole sidebar.
@Suite struct SharedSidebarTests {
    static let files = NavigationFilesTests.files.merging([
        "content/zeta/_index.md": page("Zeta ☕", weight: 4),
        "content/zeta/y/_index.md": page("Y </script><!--", weight: 1),
        "content/zeta/y/z.md": page("Z"),
        "content/zeta/w.md": page("W", weight: 2),
        "content/last.md": page("Last", weight: 5),
    ]) { $1 }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped sidebar templates.
    static func shipped(_ name: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent("templates/partials/\(name).mustache"), encoding: .utf8)
    }

    /// `partials/nav` and `partials/nav-item` pairs to build with: the fixture's (whose entries
    /// show whether they are open), the shipped ones, one with markup and a character cut in
    /// two by the split, and one whose pieces do not check out (a section's entry starts with
    /// the text that closes the empty list, a page's does not).
    static func templates() throws -> [(nav: String, item: String)] {
        let item = try #require(NavigationFilesTests.files["templates/partials/nav-item.mustache"])
        return [
            ("<ul>{{#nav}}{{>partials/nav-item}}{{/nav}}</ul>", item),
            (try shipped("nav"), try shipped("nav-item")),
            ("<!-- \u{2028} --><ol>{{#nav}}é{{>partials/nav-item}}{{/nav}}è</ol>", item),
            ("<ul>{{#nav}}{{#isSection}}</ul><ul>{{/isSection}}{{>partials/nav-item}}{{/nav}}</ul>", item),
        ]
    }

    /// A second reading of `nav` that writes nothing: the sidebar is no longer split, every
    /// section's script holds it whole, rendered from the whole tree.
    static func unsplit(_ nav: String) -> String { nav + "{{^nav}}{{/nav}}" }

    /// The site built with `nav` and `item` as its sidebar templates.
    static func build(nav: String, item: String, baseURL: String? = nil) throws -> BuildResult {
        var files = files
        files["templates/partials/nav.mustache"] = nav
        files["templates/partials/nav-item.mustache"] = item
        let result = try FixtureSite(files).build(baseURL: baseURL, write: false)
        #expect(result.succeeded, "\(result.diagnostics)")
        return result
    }

    /// The sidebar each section's page (and the 404 page) shows, by page.
    static func sidebars(_ result: BuildResult) throws -> [String: String] {
        var sidebars: [String: String] = [:]
        let pages = result.site.sections.map { result.site.pages[$0.indexPage].outputPath } + ["404.html", "last/index.html"]
        for path in pages {
            sidebars[path] = try #require(SidebarReader.sidebar(result, page: path), "\(path)")
        }
        return sidebars
    }

    @Test func eachSectionShowsTheSidebarRenderedWhole() throws {
        for (nav, item) in try Self.templates() {
            for baseURL in [nil, "/handbook/"] {
                let split = try Self.build(nav: nav, item: item, baseURL: baseURL)
                let whole = try Self.build(nav: Self.unsplit(nav), item: item, baseURL: baseURL)
                #expect(FixtureSite.text(split, "assets/nav/index-top.js") != nil, "\(nav)")
                #expect(FixtureSite.text(whole, "assets/nav/index-top.js") == nil, "\(nav)")
                #expect(try Self.sidebars(split) == Self.sidebars(whole), "\(nav)")
                #expect(try Self.sidebars(split).values.allSatisfy { $0.contains("/zeta/y/z/") }, "\(nav)")
            }
        }
    }

    /// Pages load the shared script, then their section's; without it, only their section's, as
    /// before the split: the pages are otherwise the same.
    @Test func pagesLoadTheSharedScriptFirst() throws {
        let (nav, item) = try Self.templates()[0]
        let split = try Self.build(nav: nav, item: item, baseURL: "/handbook/")
        let whole = try Self.build(nav: Self.unsplit(nav), item: item, baseURL: "/handbook/")
        let shared = "<script src=\"/handbook/assets/nav/index-top.js\"></script>"
        for file in whole.files where file.path.hasSuffix(".html") {
            let before = try #require(FixtureSite.text(whole, file.path))
            let after = try #require(FixtureSite.text(split, file.path))
            let own = try #require(SidebarReader.scriptPath(inPage: before))
            #expect(SidebarReader.scriptPaths(inPage: before) == [own], "\(file.path)")
            #expect(SidebarReader.scriptPaths(inPage: after) == ["assets/nav/index-top.js", own], "\(file.path)")
            #expect(after.contains("<nav>\(shared)<script src=\"/handbook/\(own)\"></script></nav>"), "\(file.path)")
            #expect(after.replacingOccurrences(of: shared, with: "") == before, "\(file.path)")
            let script = try #require(FixtureSite.text(whole, own))
            #expect(script.hasPrefix("(function (html) {\n"), "\(own): today's script, whole")
        }
    }

    /// The shared script holds each closed top-level entry once; a section's script only its
    /// own open entry (the root's, none).
    @Test func aSectionsScriptHoldsOnlyItsOwnEntry() throws {
        let (nav, item) = try Self.templates()[0]
        let result = try Self.build(nav: nav, item: item)
        let shared = try #require(FixtureSite.text(result, "assets/nav/index-top.js"))
        let pieces = try #require(SidebarReader.sharedPieces(shared))
        #expect(pieces.head == "<ul>" && pieces.tail == "</ul>")
        #expect(pieces.entries.count == 5 && pieces.entries.allSatisfy { !$0.contains("class=\"open\"") })
        #expect(pieces.entries[1] == "<li><a href=\"/ops/\">Ops</a><ul><li><a href=\"/ops/run/\">Run</a></li></ul></li>")
        #expect(FixtureSite.text(result, "assets/nav/index.js") == "PlaybookSidebar(-1, \"\");\n")
        #expect(
            FixtureSite.text(result, "assets/nav/ops.js") == """
                PlaybookSidebar(1, "<li class=\\"open\\"><a href=\\"/ops/\\">Ops<\\/a><ul><li><a href=\\"/ops/run/\\">Run<\\/a><\\/li><\\/ul><\\/li>");

                """)
        let deep = try #require(FixtureSite.text(result, "assets/nav/guide/deep.js"))
        #expect(deep.hasPrefix("PlaybookSidebar(0, ") && deep.contains("Inner") && !deep.contains("Ops"))
        #expect(shared.contains("insertAdjacentHTML(\"beforebegin\", html)") && shared.contains("\"aria-current\", \"page\""))
    }

    /// Pieces that do not check out leave the shared script empty of them: each section's
    /// script holds its whole sidebar, and pages still load both.
    @Test func piecesThatDoNotCheckOutLeaveEverySidebarWhole() throws {
        let (nav, item) = try Self.templates()[3]
        let result = try Self.build(nav: nav, item: item)
        let shared = try #require(FixtureSite.text(result, "assets/nav/index-top.js"))
        let pieces = try #require(SidebarReader.sharedPieces(shared))
        #expect(pieces.head.isEmpty && pieces.entries.isEmpty && pieces.tail.isEmpty)
        for section in ["index", "guide", "guide/deep", "ops", "zeta", "zeta/y"] {
            let script = try #require(FixtureSite.text(result, "assets/nav/\(section).js"))
            #expect(script.hasPrefix("PlaybookSidebar(null, \"<ul><\\/ul><ul><li"), "\(section)")
        }
    }

    /// The escaping of the shared script and of a section's: no `</`, `<!`, U+2028 or U+2029.
    @Test func theScriptsStayInert() throws {
        let (nav, item) = try Self.templates()[2]
        let result = try Self.build(nav: nav, item: item)
        for file in result.files where file.path.hasPrefix("assets/nav/") {
            let script = try #require(FixtureSite.text(result, file.path))
            #expect(!script.contains("</") && !script.contains("<!"), "\(file.path)")
            #expect(!script.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }, "\(file.path)")
        }
        let sidebar = try #require(SidebarReader.sidebar(result, page: "zeta/y/index.html"))
        #expect(sidebar.hasPrefix("<!-- \u{2028} --><ol>é<li><a href=\"/guide/\">"))
        #expect(sidebar.contains(">Y &lt;/script&gt;&lt;!--</a>") && sidebar.contains(">Zeta ☕</a>"))
    }

    /// A folder named like the shared script gets a number, as names that come out the same do.
    @Test func aFolderNamedLikeTheSharedScriptIsNumbered() throws {
        var files = Self.files
        files["content/index-top/_index.md"] = page("Index top", weight: 9)
        files["content/index-top/a.md"] = page("A")
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded)
        #expect(SidebarReader.scriptPath(result, page: "index-top/a/index.html") == "assets/nav/index-top-2.js")
        let sidebar = try #require(SidebarReader.sidebar(result, page: "index-top/a/index.html"))
        #expect(sidebar.contains("<a href=\"/index-top/a/\">A</a>") && sidebar.contains("<a href=\"/ops/\">Ops</a>"))
    }
}
