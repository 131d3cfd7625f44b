import Foundation
import PlaybookBuild
import PlaybookTesting
import Testing

/// The render stage's shortcuts give the pages that rendering everything through the templates
/// gives: the sidebar spliced from pieces rendered once, a marker standing for the body while a
/// template renders, site values written into the templates.
@Suite struct RenderShortcutTests {
    static let content: [String: String] = [
        "content/_index.md": page("Home", "Welcome.\n"),
        "content/guide/_index.md": page("Guide", weight: 1, "About the guide.\n"),
        "content/guide/alpha.md": page("Alpha", weight: 1, "Text.\n"),
        "content/guide/deep/_index.md": page("Deep", weight: 2),
        "content/guide/deep/inner.md": page("Inner", "Inner text.\n"),
        "content/ops/_index.md": page("Ops", weight: 2),
        "content/ops/run.md": page("Run", "- [ ] check\n"),
        "content/about.md": page("About", weight: 3, "About.\n"),
    ]

    /// A sidebar entry that shows whether it is open, so open and closed entries differ.
    static let navItem =
        "<li{{#isActive}} class=\"open\"{{/isActive}}><a href=\"{{url}}\">{{title}}</a>"
        + "{{#hasItems}}<ul>{{#items}}{{>partials/nav-item}}{{/items}}</ul>{{/hasItems}}</li>\n"

    /// Every HTML page and sidebar script of the site built with `files` added, by output path.
    static func pages(_ files: [String: String]) throws -> [String: String] {
        let site = try FixtureSite(content.merging(files) { $1 })
        let result = try site.build(write: false)
        #expect(result.succeeded)
        var pages: [String: String] = [:]
        for file in result.files where file.path.hasSuffix(".html") || file.path.hasPrefix("assets/nav/") {
            if case .text(let text) = file.contents { pages[file.path] = text }
        }
        return pages
    }

    /// The sidebar that the script at `path` of `pages` inserts (with the shared script, when
    /// there is one).
    static func sidebar(_ pages: [String: String], _ path: String) throws -> String {
        let script = try #require(pages[path])
        return try #require(SidebarReader.insertedHTML(script: script, shared: pages["assets/nav/index-top.js"]))
    }

    @Test func splicedSidebarsEqualWholeOnes() throws {
        let nav = "<ul>\n{{#nav}}{{>partials/nav-item}}{{/nav}}</ul>\n"
        let spliced = try Self.pages(["templates/partials/nav.mustache": nav, "templates/partials/nav-item.mustache": Self.navItem])
        // An inverted section that writes nothing names `nav` a second time: every sidebar renders whole.
        let whole = try Self.pages([
            "templates/partials/nav.mustache": nav + "{{^nav}}{{/nav}}", "templates/partials/nav-item.mustache": Self.navItem,
        ])
        // Split, the pages load the shared script too, and a section's script holds its open entry.
        let shared = "<script src=\"/assets/nav/index-top.js\"></script>"
        for (path, text) in whole {
            if path.hasPrefix("assets/nav/") {
                #expect(try Self.sidebar(spliced, path) == Self.sidebar(whole, path), "\(path)")
            } else {
                #expect(spliced[path]?.replacingOccurrences(of: shared, with: "") == text, "\(path)")
            }
        }
        #expect(Set(spliced.keys) == Set(whole.keys).union(["assets/nav/index-top.js"]))
        let innerPage = try #require(spliced["guide/deep/inner/index.html"])
        #expect(SidebarReader.scriptPath(inPage: innerPage) == "assets/nav/guide/deep.js")
        let inner = try Self.sidebar(spliced, "assets/nav/guide/deep.js")
        #expect(inner.contains("<li class=\"open\"><a href=\"/guide/deep/\">Deep</a><ul><li><a href=\"/guide/deep/inner/\">Inner</a></li>"))
        #expect(inner.contains("<li><a href=\"/ops/\">Ops</a>"))
    }

    @Test func aSidebarReadingTheTreeTwiceRendersWhole() throws {
        let pages = try Self.pages([
            "templates/partials/nav.mustache":
                "<ul>{{#nav}}{{>partials/nav-item}}{{/nav}}</ul>{{#nav}}{{#isActive}}<p>open: {{title}}</p>{{/isActive}}{{/nav}}\n",
            "templates/partials/nav-item.mustache": Self.navItem,
        ])
        #expect(try Self.sidebar(pages, "assets/nav/ops.js").hasSuffix("</li>\n</ul><p>open: Ops</p>\n"))
    }

    @Test func theBodyEscapedOrWrittenTwiceIsNotSpliced() throws {
        let escaped = try Self.pages(["templates/page.mustache": "{{<base}}{{$main}}{{page.content}}{{/main}}{{/base}}"])
        #expect(escaped["about/index.html"]?.contains("<main>&lt;p&gt;About.&lt;/p&gt;\n</main>") == true)
        let twice = try Self.pages(["templates/page.mustache": "{{<base}}{{$main}}{{{page.content}}}|{{{page.content}}}{{/main}}{{/base}}"])
        #expect(twice["about/index.html"]?.contains("<main><p>About.</p>\n|<p>About.</p>\n</main>") == true)
    }

    @Test func aTitleHoldingTheMarkersBytesStaysATitle() throws {
        let pages = try Self.pages([
            "content/about.md": "---\ntitle: \"a\\0<\\0\\nb\"\nweight: 3\n---\nAbout.\n",
            "templates/page.mustache": "{{<base}}{{$main}}[{{{page.title}}}]{{{page.content}}}{{/main}}{{/base}}",
        ])
        #expect(pages["about/index.html"]?.contains("<main>[a\u{0}<\u{0}\nb]<p>About.</p>\n</main>") == true)
    }

    @Test func aSiteTitleWithBracesIsNotWrittenIntoTheTemplates() throws {
        let pages = try Self.pages(["playbook.yml": "title: \"Site {{x}} {y}\"\n"])
        #expect(pages["index.html"]?.contains("<h1>Site {{x}} {y}</h1>") == true)
    }
}
