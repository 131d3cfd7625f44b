import PlaybookMarkdown
import Testing

/// GFM strikethrough (spec 6.5); expected HTML is what cmark-gfm 0.29 writes.
@Suite struct StrikethroughTests {
    let renderer = MarkdownRenderer()

    func html(_ text: String) -> String { renderer.render(text).html }

    // MARK: - GFM spec examples 491–493

    @Test func example491() {
        #expect(html("~~Hi~~ Hello, ~there~ world!\n") == "<p><del>Hi</del> Hello, <del>there</del> world!</p>\n")
    }

    @Test func example492() {
        #expect(html("This ~~has a\n\nnew paragraph~~.\n") == "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n")
    }

    @Test func example493() {
        #expect(html("This will ~~~not~~~ strike.\n") == "<p>This will ~~~not~~~ strike.</p>\n")
    }

    // MARK: - Delimiter rules

    @Test func spansOverEmphasisLinksAndCode() {
        #expect(html("~~**a** b~~\n") == "<p><del><strong>a</strong> b</del></p>\n")
        #expect(html("~*a*~ and ~~[l](u) `c~~`~~\n") == "<p><del><em>a</em></del> and <del><a href=\"u\">l</a> <code>c~~</code></del></p>\n")
        #expect(html("*~~a~~* [~b~](u)\n") == "<p><em><del>a</del></em> <a href=\"u\"><del>b</del></a></p>\n")
    }

    @Test func runsMustFlankAndMatchInLength() {
        #expect(html("a ~~ b ~~ c\n") == "<p>a ~~ b ~~ c</p>\n")
        #expect(html("x ~a~~ b~\n") == "<p>x <del>a~~ b</del></p>\n")
        #expect(html("x ~~a~ b~~\n") == "<p>x <del>a~ b</del></p>\n")
        #expect(html("a~~b~~c\n") == "<p>a<del>b</del>c</p>\n")
        #expect(html("~~a ~b~ c~~\n") == "<p><del>a <del>b</del> c</del></p>\n")
        #expect(html("~~a~~~\n") == "<p>~~a~~~</p>\n")
    }

    @Test func escapedAndEntityTildesAreLiteral() {
        #expect(html("\\~~x~~ and ~~a \\~~ b~~\n") == "<p>~~x~~ and <del>a ~~ b</del></p>\n")
        #expect(html("&#126;&#126;e~~ ~~f&#126;~~\n") == "<p>~~e~~ <del>f~</del></p>\n")
        #expect(html("> q ~~a \\~~ b~~\n> t &amp;~~x~~&nbsp;~~y~~\n").contains("<p>q <del>a ~~ b</del>\nt &amp;<del>x</del>\u{a0}<del>y</del></p>"))
    }

    @Test func codeSpansKeepTheirTildes() {
        #expect(html("`~~a~~` ~~b~~\n") == "<p><code>~~a~~</code> <del>b</del></p>\n")
    }

    @Test func worksInHeadingsCellsAndTasks() {
        let result = renderer.render("## ~~Old~~ title\n\n- [x] ~~done~~\n\n| ~a~ |\n| - |\n| ~~b~~ |\n")
        #expect(result.headings.map(\.text) == ["Old title"])
        #expect(result.headings.map(\.id) == ["old-title"])
        #expect(result.html.contains("<h2 id=\"old-title\">\n<del>Old</del> title\n<a class=\"heading-anchor\""))
        #expect(result.tasks.map(\.text) == ["done"])
        #expect(result.html.contains("checked> <del>done</del></label>"))
        #expect(result.html.contains("<th><del>a</del></th>"))
        #expect(result.html.contains("<td><del>b</del></td>"))
        #expect(result.plainText.contains("Old title\n"))
    }

    @Test func imageAltTextKeepsTheWords() {
        #expect(html("![~~a~~ b](x.png)\n") == "<p><img src=\"x.png\" alt=\"a b\" /></p>\n")
    }

    @Test func longTildeRunsStayFast() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = renderer.render(String(repeating: "~", count: 50_000))
            _ = renderer.render(String(repeating: "a~", count: 25_000))
            _ = renderer.render(String(repeating: "~~a ", count: 12_500))
            _ = renderer.render(String(repeating: " ~a~~", count: 10_000))
        }
        #expect(elapsed < .seconds(10))
    }
}
