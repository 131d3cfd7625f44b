import Foundation
import PlaybookBuild
import PlaybookTesting
import Testing

/// The render stage's shortcuts give the pages that rendering everything through the templates
/// gives: the sidebar spliced from pieces rendered once, markers standing for the body and the
/// sidebar while a template renders, site values written into the templates.
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

    /// Every HTML page of the site built with `files` added, by output path.
    static func pages(_ files: [String: String]) throws -> [String: String] {
        let site = try FixtureSite(content.merging(files) { $1 })
        let result = try site.build(write: false)
        #expect(result.succeeded)
        var pages: [String: String] = [:]
        for file in result.files where file.path.hasSuffix(".html") {
            if case .text(let text) = file.contents { pages[file.path] = text }
        }
        return pages
    }

    @Test func splicedSidebarsEqualWholeOnes() throws {
        let nav = "<ul>\n{{#nav}}{{>partials/nav-item}}{{/nav}}</ul>\n"
        let spliced = try Self.pages(["templates/partials/nav.mustache": nav, "templates/partials/nav-item.mustache": Self.navItem])
        // An inverted section that writes nothing names `nav` a second time: every sidebar renders whole.
        let whole = try Self.pages([
            "templates/partials/nav.mustache": nav + "{{^nav}}{{/nav}}", "templates/partials/nav-item.mustache": Self.navItem,
        ])
        #expect(spliced == whole)
        let inner = try #require(spliced["guide/deep/inner/index.html"])
        #expect(inner.contains("<li class=\"open\"><a href=\"/guide/deep/\">Deep</a><ul><li><a href=\"/guide/deep/inner/\" aria-current=\"page\">Inner</a></li>"))
        #expect(inner.contains("<li><a href=\"/ops/\">Ops</a>"))
    }

    @Test func aSidebarReadingTheTreeTwiceRendersWhole() throws {
        let pages = try Self.pages([
            "templates/partials/nav.mustache":
                "<ul>{{#nav}}{{>partials/nav-item}}{{/nav}}</ul>{{#nav}}{{#isActive}}<p>open: {{title}}</p>{{/isActive}}{{/nav}}\n",
            "templates/partials/nav-item.mustache": Self.navItem,
        ])
        let run = try #require(pages["ops/run/index.html"])
        #expect(run.contains("</li>\n</ul><p>open: Ops</p>\n</nav>"))
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
