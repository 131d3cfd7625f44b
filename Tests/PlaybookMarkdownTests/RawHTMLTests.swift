@testable import PlaybookMarkdown
import Testing

@Suite struct RawHTMLTests {
    let renderer = MarkdownRenderer()
    let unsafe = MarkdownRenderer(options: MarkdownOptions(allowUnsafeHTML: true))

    @Test func aLineBreakInATableCellIsKept() {
        let result = renderer.render("| a |\n| - |\n| one<br>two |\n")
        #expect(result.html.contains("<td>one<br>two</td>"))
        #expect(result.droppedHTML.isEmpty)
    }

    @Test func anImageKeepsItsRewrittenSourceAndLosesItsHandler() {
        let result = renderer.render("<img src=\"x.png\" onerror=alert(1)>\n", rewriteLink: { destination, isImage in
            isImage ? "/handbook/" + destination : nil
        })
        #expect(result.html == "<img src=\"/handbook/x.png\">\n")
        #expect(result.links == [MarkdownLink(destination: "x.png", isImage: true, line: 1, column: 6)])
        #expect(result.droppedHTML == [DroppedHTML(tag: "img", attribute: "onerror", line: 1, column: 18)])
        #expect(result.droppedHTML[0].message == "attribute onerror on <img> dropped")
    }

    @Test func allowListedTagsPassWithTheirAttributes() {
        let result = renderer.render(
            "Press <kbd>Ctrl</kbd>+<kbd class=k>C</kbd>, x<sup>2</sup>, H<sub>2</sub>O,\nline<br/>break "
                + "<img src=a.png alt=\"A &amp; B\" title='t' width=10 height=\"20\" loading=lazy>\n")
        #expect(
            result.html
                == "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup>, H<sub>2</sub>O,\nline<br>break "
                + "<img src=\"a.png\" alt=\"A &amp; B\" title=\"t\" width=\"10\" height=\"20\"></p>\n")
        #expect(result.droppedHTML.map(\.message) == ["attribute class on <kbd> dropped", "attribute loading on <img> dropped"])
    }

    @Test func detailsAroundMarkdownStayBalanced() {
        let result = renderer.render("<details open><summary>More</summary>\n\nBody *text*.\n\n</details>\n\nAfter.\n")
        #expect(result.html == "<details open><summary>More</summary>\n<p>Body <em>text</em>.</p>\n</details>\n<p>After.</p>\n")
        #expect(result.droppedHTML.isEmpty)
    }

    @Test func elementsLeftOpenAreClosedWhereTheyWereOpened() {
        let result = renderer.render("<details>\n<summary>Open\n\nText <kbd>Ctrl and <sup>x\n\nNext </kbd></details>\n")
        #expect(
            result.html
                == "<details>\n<summary>Open\n<p>Text <kbd>Ctrl and <sup>x</sup></kbd></p>\n<p>Next </p>\n</summary></details>\n")
    }

    @Test func strayEndTagsAreDropped() {
        #expect(renderer.render("a</kbd></details></br>b\n").html == "<p>ab</p>\n")
        #expect(renderer.render("</details>\n\ntext\n").html == "<p>text</p>\n")
    }

    @Test func droppedTagsKeepTheirText() {
        let result = renderer.render("<div class=\"note\">\nkept <b>bold</b> & <i>more</i>\n</div>\n\nInline <a href=\"javascript:alert(1)\">click</a> <span>s</span>\n")
        #expect(result.html == "\nkept bold &amp; more\n\n<p>Inline click s</p>\n")
        #expect(result.droppedHTML.map(\.tag) == ["div", "b", "i", "a", "span"])
    }

    @Test func theContentOfRawTextElementsIsDropped() {
        let text = "Hi <script>alert(1)</script> there <textarea>*a* [l](u.md)</textarea> end\n\n<style>\np { color: red }\n</style>\n\nAfter <title>unclosed *x*\n\nNext.\n"
        let result = renderer.render(text)
        #expect(result.html == "<p>Hi  there  end</p>\n<p>After </p>\n<p>Next.</p>\n")
        #expect(result.links.isEmpty)
        #expect(result.plainText.contains("Next."))
        #expect(result.droppedHTML.map(\.tag) == ["script", "textarea", "style", "title"])
    }

    @Test func commentsAreDroppedSilently() {
        let result = renderer.render("<!-- note -->\n\nText <!-- inline --> more\n")
        #expect(result.html == "<p>Text  more</p>\n")
        #expect(result.droppedHTML.isEmpty)
    }

    @Test func textInHTMLBlocksIsEscapedKeepingEntities() {
        let result = renderer.render("<div>\n1 < 2 & 3 > 2 &copy; &#169; &nope\n</div>\n")
        #expect(result.html == "\n1 &lt; 2 &amp; 3 &gt; 2 &copy; &#169; &amp;nope\n\n")
    }

    @Test func warningsArePositionedAndGivenOncePerTagAndAttribute() {
        let text = """
            Intro <iframe src=x></iframe> and <iframe></iframe>.

            > <div onclick="x">
            > <img
            >   src="a.png" onload=x onload=y>

            | a | <b>b</b> |
            | - | - |
            | <img src=c.png onerror=z> | <u>u</u> |

            <img src="javascript:alert(1)"> <img src=" JAVA&#x09;SCRIPT:x"> <img src="data:text/html;base64,PHNjcmlwdD4=">

            """
        let result = renderer.render(text)
        #expect(
            result.droppedHTML == [
                DroppedHTML(tag: "iframe", line: 1, column: 7),
                DroppedHTML(tag: "div", line: 3, column: 3),
                DroppedHTML(tag: "img", attribute: "onload", line: 5, column: 17),
                DroppedHTML(tag: "b", line: 7, column: 7),
                DroppedHTML(tag: "img", attribute: "onerror", line: 9, column: 18),
                DroppedHTML(tag: "u", line: 9, column: 31),
                DroppedHTML(tag: "img", attribute: "src", scheme: "javascript", line: 11, column: 6),
            ])
        #expect(!result.html.contains("script:") && !result.html.contains("data:"))
        #expect(result.droppedHTML[6].message == "attribute src on <img> dropped: javascript: URLs can run script")
        #expect(result.links.map(\.destination) == ["a.png", "c.png"])
        #expect(result.links.map(\.line) == [5, 9])
        #expect(DroppedHTML.hint.contains("markdown: { unsafe: true }"))
    }

    @Test func imageSourcesAreLinksInDocumentOrder() {
        var calls: [String] = []
        let result = renderer.render("[a](a.md) <img src=\"b&amp;c.png\"> [d](d.md)\n\n<img src=e.png>\n", rewriteLink: { destination, _ in
            calls.append(destination)
            return "/" + destination
        })
        #expect(calls == ["a.md", "b&c.png", "d.md", "e.png"])
        #expect(result.links.map(\.destination) == calls)
        #expect(result.links.map(\.column) == [1, 16, 35, 6])
        #expect(result.html == "<p><a href=\"/a.md\">a</a> <img src=\"/b&amp;c.png\"> <a href=\"/d.md\">d</a></p>\n<img src=\"/e.png\">\n")
    }

    @Test func htmlInAnImagesAltTextStaysEscapedText() {
        let result = renderer.render("![a<br>b](x.png)\n")
        #expect(result.html == "<p><img src=\"x.png\" alt=\"a&lt;br&gt;b\" /></p>\n")
        #expect(result.droppedHTML.isEmpty)
    }

    @Test func unsafeModeKeepsTheHTMLAndRewritesItsLinks() {
        let text = "<div class=\"c\" onclick=\"go()\">\n<a href=guide.md title=t>g</a> <img src='i.png'>\n</div>\n\nSee <a href=\"https://x.org\">x</a> <a href=\"#top\">top</a>\n"
        let result = unsafe.render(text, rewriteLink: { destination, _ in
            destination.hasSuffix(".md") || destination.hasSuffix(".png") ? "/h/" + destination : nil
        })
        #expect(
            result.html
                == "<div class=\"c\" onclick=\"go()\">\n<a href=\"/h/guide.md\" title=t>g</a> <img src='/h/i.png'>\n</div>\n"
                + "<p>See <a href=\"https://x.org\">x</a> <a href=\"#top\">top</a></p>\n")
        #expect(
            result.links == [
                MarkdownLink(destination: "guide.md", isImage: false, line: 2, column: 4),
                MarkdownLink(destination: "i.png", isImage: true, line: 2, column: 37),
                MarkdownLink(destination: "https://x.org", isImage: false, line: 5, column: 8),
                MarkdownLink(destination: "#top", isImage: false, line: 5, column: 38),
            ])
        #expect(result.droppedHTML.isEmpty)
        #expect(unsafe.render("<script>alert(1)</script>\n").html == "<script>alert(1)</script>\n")
    }

    @Test func forbiddenSchemesAreFoundAsBrowsersReadURLs() {
        for url in ["javascript:x", " JaVaScRiPt:x", "\u{1}javascript:x", "java\tscript:x", "jav\nascript:x", "vbscript:x", "DATA:image/png,x"] {
            #expect(HTMLSanitizer.forbiddenScheme(of: url) != nil, "\(url)")
        }
        for url in ["x.png", "https://a.org/javascript:x", "./javascript:x", "java script:x", "jаvascript:x"] {
            #expect(HTMLSanitizer.forbiddenScheme(of: url) == nil, "\(url)")
        }
    }

    @Test func pathologicalHTMLStaysFast() {
        let manyAttributes = "<img " + String(repeating: "a=1 ", count: 50_000) + "src=x>\n"
        let deep = "x " + String(repeating: "<kbd>", count: 20_000) + String(repeating: "</sup>", count: 20_000) + "\n"
        let manyBlocks = String(repeating: "<details>\n\n", count: 5_000) + String(repeating: "</summary>\n\n", count: 5_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(renderer.render(manyAttributes).links.count == 1)
            let nested = renderer.render(deep).html
            #expect(nested.ranges(of: "<kbd>").count == HTMLSanitizer.maximumDepth)
            #expect(nested.ranges(of: "</kbd>").count == HTMLSanitizer.maximumDepth)
            _ = renderer.render(manyBlocks)
        }
        #expect(elapsed < .seconds(10))
    }
}
